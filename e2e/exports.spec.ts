import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { APPLIES_AT, readTestCount } from "./test-database";
import { hydrated } from "./hydrated";

test("the dashboard's downloads carry its filters: CSV rows match the database", async ({ page }) => {
  await page.goto("/?category=legal-reform");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name: "Scores (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dialogue-scorecard-scores-legal-reform-.*\.csv$/);
  const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split("\n");
  const expected = await readTestCount(
    `SELECT COUNT(*) AS n FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN categories c ON c.id = b.category_id
      JOIN rounds r ON r.id = ps.round_id WHERE c.slug = 'legal-reform' AND b.confidential = 0 AND b.review_state = 'approved' AND r.published_at IS NOT NULL`,
  );
  expect(lines).toHaveLength(expected + 1);
  expect(lines[0]).toContain("Round,Round ID");
});

test("a round scorecard downloads its PDF and has a print view", async ({ page }) => {
  await page.goto("/rounds/hrc-37");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name: "Full scorecard (PDF, A4)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dialogue-scorecard-scorecard-hrc-37_hrc-37-.*\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByTestId("exports").getByRole("link", { name: "Print view" }).click();
  await expect(page).toHaveURL(/\/rounds\/hrc-37\/print$/);
  const view = page.getByTestId("print-view");
  await expect(view.getByRole("heading", { level: 1 })).toHaveText("Scorecard: Human Rights Council, 37th session");
  const applicable = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = 'hrc-37' AND b.confidential = 0 AND b.review_state = 'approved' AND ${APPLIES_AT}`,
  );
  await expect(view.locator("tbody tr")).toHaveCount(applicable);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
});

/** Clicks a download link of the view and reads the PDF it saves: its file name, pages and text. */
async function downloadPdf(page: Page, name: string): Promise<{ fileName: string; pages: number; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports").getByRole("link", { name, exact: true }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const parser = new PDFParse({ data: bytes });
  const result = await parser.getText();
  await parser.destroy();
  return { fileName: download.suggestedFilename(), pages: result.total, text: result.text.replace(/\s+/g, " ") };
}

test("a dashboard view and a round scorecard download both the two-page brief and the full scorecard of what is on screen", async ({ page }) => {
  // Five PDFs rendered one after another.
  test.setTimeout(180_000);
  await page.goto("/?track=un-hrc&category=release-of-detained-people");
  const brief = await downloadPdf(page, "Brief, 2 pages (PDF, A4)");
  expect(brief.fileName).toMatch(/^dialogue-scorecard-brief-un-hrc_release-of-detained-people-.*\.pdf$/);
  expect(brief.pages).toBeLessThanOrEqual(2);
  expect(brief.text).toContain("Dialogue Scorecard — brief");
  expect(brief.text).toContain("Filters: Track: UN Human Rights Council; Category: Release of detained people");
  const full = await downloadPdf(page, "Full scorecard (PDF, A4)");
  expect(full.fileName).toMatch(/^dialogue-scorecard-scorecard-un-hrc_release-of-detained-people-.*\.pdf$/);
  expect(full.text).toContain("Benchmarks by round");
  expect(full.text).toContain("Filters: Track: UN Human Rights Council; Category: Release of detained people");
  expect((await downloadPdf(page, "Brief (US Letter)")).pages).toBeLessThanOrEqual(2);

  await page.goto("/rounds/hrc-37");
  const roundBrief = await downloadPdf(page, "Brief, 2 pages (PDF, A4)");
  expect(roundBrief.fileName).toMatch(/^dialogue-scorecard-brief-hrc-37_hrc-37-.*\.pdf$/);
  expect(roundBrief.pages).toBeLessThanOrEqual(2);
  expect(roundBrief.text).toContain("Filters: Round: Human Rights Council, 37th session");
  expect(roundBrief.text).toContain("What changed since");
  const roundFull = await downloadPdf(page, "Full scorecard (PDF, A4)");
  expect(roundFull.text).toContain("Filters: Round: Human Rights Council, 37th session");
  expect(roundFull.pages).toBeGreaterThan(roundBrief.pages);
});

test("a chart saves as SVG and PNG, stamped with its data version and filters", async ({ page }) => {
  await page.goto("/?track=un-hrc");
  const chart = page.getByRole("region", { name: "Fulfilment index per round" });
  await expect(chart.locator(".recharts-line-dot").first()).toBeVisible();
  const [svg] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "SVG" }).click()]);
  const svgText = readFileSync((await svg.path())!, "utf8");
  expect(svgText).toContain("<svg");
  expect(svgText).toContain("filters: Track: UN Human Rights Council");
  expect(svgText).toMatch(/data version \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "PNG" }).click()]);
  expect([...readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test("an embedded chart keeps the filters, names its data version and links back", async ({ page }) => {
  await page.goto("/embed/fulfilment?track=un-hrc");
  const embed = page.getByTestId("embed");
  await expect(embed.locator(".recharts-line-dot")).toHaveCount(3);
  await expect(embed).toContainText("filters: Track: UN Human Rights Council");
  await expect(embed.getByRole("link", { name: "See the full dashboard" })).toHaveAttribute("href", "/?track=un-hrc");
  await expect(page.getByRole("banner")).toHaveCount(0);
  expect((await page.goto("/embed/no-such-chart"))?.status()).toBe(404);
});

test("the data page documents every endpoint and each one answers", async ({ page, request }) => {
  await page.goto("/api");
  const rows = page.getByTestId("endpoints").locator("tbody tr");
  await expect(rows).toHaveCount(9);
  for (const href of await rows.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
  }
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
});

for (const path of ["/api", "/rounds/hrc-37/print", "/embed/status-mix"]) {
  test(`${path} has no axe-core violations`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}
