// The exports and embeds in Chinese, over HTTP: the Chinese dashboard's downloads are the Chinese files
// (/zh/exports/…), a Chinese PDF reads Chinese (pdftotext), the addresses keep their caching, and an
// embed asked for in Chinese (/zh/embed/… or ?lang=zh) draws its chart with Chinese labels once hydrated.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./hydrated";

/** Clicks a download link of the view and reads what it saves with pdftotext. */
async function downloadPdfText(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name, exact: true }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const file = path.join(tmpdir(), `e2e-zh-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return { fileName: download.suggestedFilename(), text: execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "") };
}

test("the Chinese dashboard's downloads are the Chinese PDFs, CSV and Excel files of its view", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/zh?track=un-hrc&category=release-of-detained-people");
  const exports = page.getByTestId("exports");
  await expect(exports.getByRole("link", { name: "完整记分卡（PDF，A4）" })).toHaveAttribute("href", "/zh/exports/scorecard.pdf?track=un-hrc&category=release-of-detained-people");
  await expect(exports.getByRole("link", { name: "评分（CSV）" })).toHaveAttribute("href", /^\/zh\/exports\/scores\.csv\?/);
  await expect(exports.getByRole("link", { name: "评分（Excel）" })).toHaveAttribute("href", /^\/zh\/exports\/scores\.xlsx\?/);
  await expect(exports.getByRole("link", { name: "数据（JSON）" })).toHaveAttribute("href", /^\/api\/v1\/summary\?.*lang=zh/);

  const brief = await downloadPdfText(page, "简报，两页（PDF，A4）");
  expect(brief.fileName).toMatch(/^dialogue-scorecard-brief-un-hrc_release-of-detained-people-.*\.pdf$/);
  for (const words of ["对话记分卡——简报", "筛选：议程：联合国人权理事会；类别：释放被拘押者", "方法三句话", "第1页，共"]) expect(brief.text).toContain(words);
  expect(brief.text).not.toContain("Methodinthreelines");

  const full = await downloadPdfText(page, "完整记分卡（PDF，A4）");
  for (const words of ["对话记分卡", "各轮次履行指数", "方法简述", "逐轮查看各项基准", "已落实"]) expect(full.text).toContain(words);
  expect(full.text).not.toContain("Methodinbrief");

  const [download] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "评分（CSV）" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\n")[0]).toContain("轮次,轮次标识");
});

test("a Chinese round scorecard downloads the Chinese PDF of that round", async ({ page }) => {
  await page.goto("/zh/rounds/hrc-37");
  await expect(page.getByTestId("exports").getByRole("link", { name: "完整记分卡（PDF，A4）" })).toHaveAttribute("href", "/zh/exports/scorecard.pdf?round=hrc-37");
  const { text } = await downloadPdfText(page, "完整记分卡（PDF，A4）");
  expect(text).toContain("要点：人权理事会第37届会议");
});

test("the Chinese addresses of the exports keep the exports' caching: own validators, 304, Vary", async ({ request }) => {
  const english = await request.get("/exports/scorecard-brief.pdf?round=hrc-37");
  const chinese = await request.get("/zh/exports/scorecard-brief.pdf?round=hrc-37");
  const asked = await request.get("/exports/scorecard-brief.pdf?round=hrc-37&lang=zh");
  for (const response of [english, chinese, asked]) {
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toBe(english.headers()["cache-control"]);
    expect(response.headers()["vary"]).toBe(english.headers()["vary"]);
    expect(response.headers()["vary"]).toMatch(/Accept-Encoding/);
  }
  expect(english.headers()["cache-control"]).toMatch(/^public, /);
  // Different answers, different validators.
  expect(chinese.headers()["etag"]).not.toBe(english.headers()["etag"]);
  const again = await request.get("/zh/exports/scorecard-brief.pdf?round=hrc-37", { headers: { "If-None-Match": chinese.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  expect((await request.get("/zh/exports/no-such.csv")).status()).toBe(404);
});

for (const address of ["/zh/embed/status-mix?track=un-hrc", "/embed/status-mix?track=un-hrc&lang=zh"]) {
  test(`${address} is the status mix in Chinese: <html lang>, caption, and the chart's legend and axis after hydration`, async ({ page }) => {
    await page.goto(address);
    await hydrated(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    const embed = page.getByTestId("embed");
    await expect(embed.locator("figcaption")).toContainText("各轮次状态分布——对话记分卡");
    // recharts draws the SVG only in the browser, after hydration.
    const legend = embed.locator(".recharts-legend-wrapper");
    for (const status of ["已落实", "部分落实", "未落实", "倒退", "不明"]) await expect(legend).toContainText(status);
    await expect(embed.locator(".recharts-xAxis-tick-labels")).toContainText("人权理事会");
    await expect(embed.getByRole("radio", { name: "百分比" })).toBeVisible();
    await expect(embed.getByRole("link", { name: "查看完整总览" })).toHaveAttribute("href", "/zh?track=un-hrc");
    await expect(embed).not.toContainText("Met");
    await expect(embed).not.toContainText("Data version");
  });
}

test("the Chinese fulfilment embed labels its line in Chinese, and the embeds' internal addresses are not addresses", async ({ page, request }) => {
  await page.goto("/zh/embed/fulfilment?track=un-hrc");
  await hydrated(page);
  const embed = page.getByTestId("embed");
  await expect(embed.locator(".recharts-line-dot")).toHaveCount(3);
  await expect(embed.locator("figcaption")).toContainText("各轮次履行指数");
  await expect(embed).toContainText("筛选：议程：联合国人权理事会");
  await expect(embed).not.toContainText("track =");
  await expect(embed.locator(".recharts-xAxis-tick-labels")).toContainText("人权理事会");
  // The English embed is as it was.
  await page.goto("/embed/fulfilment");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("embed")).toContainText("filters: none (all published data)");
  for (const internal of ["/embed/zh/fulfilment", "/embed/en/status-mix", "/zh/embed/no-such-chart"]) expect((await request.get(internal)).status(), internal).toBe(404);
});
