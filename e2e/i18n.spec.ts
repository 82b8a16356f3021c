// The interface in English and Chinese: addresses, the language switch, <html lang>, hreflang, that a
// Chinese page shows no interface text from the English catalogue, axe in Chinese, and that a browser's
// language only suggests the Chinese page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { englishInterfaceText, englishWordRuns } from "./english-interface";
import { hydrated } from "./hydrated";

const PAGES = [
  ["dashboard", "/zh"],
  ["filtered dashboard", "/zh?track=un-hrc&category=legal-reform"],
  ["round scorecard", "/zh/rounds/hrc-37"],
  ["round print view", "/zh/rounds/hrc-37/print"],
  ["benchmark", "/zh/benchmarks/release-liu-xia"],
  ["people index", "/zh/people"],
  ["person", "/zh/people/wang-quanzhang"],
  ["laws index", "/zh/laws"],
  ["law", "/zh/laws/rsdl-article-73"],
  ["statements index", "/zh/statements"],
  ["statement", "/zh/statements/lawyers-2015-statement"],
  ["method", "/zh/method"],
  ["data and API", "/zh/api"],
  ["not found", "/zh/benchmarks/no-such-benchmark"],
  ["unknown address", "/zh/no-such-page"],
  ["releases", "/zh/releases"],
  ["release", "/zh/releases/1"],
  ["dashboard pinned to a release", "/zh?release=1"],
  ["round scorecard pinned to a release", "/zh/rounds/hrc-37?release=1"],
  ["benchmark pinned to a release", "/zh/benchmarks/release-gui-minhai?release=1"],
  ["dashboard with malformed filters", "/zh?track=Not_Valid&addressee=martians&heatPage=x"],
  ["people index with a malformed page", "/zh/people?page=abc&pageSize=0"],
] as const;

for (const [name, path] of PAGES) {
  test(`the Chinese ${name} page shows no interface text from the English catalogue`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    expect(await englishInterfaceText(page)).toEqual([]);
  });
}

// Pages whose every word is the interface's or content marked with its language: English written in the
// source rather than the catalogue shows here as a run of English words (englishWordRuns).
const WHOLLY_CHINESE = ["/zh/releases", "/zh/releases/1", "/zh/releases/1?page=abc", "/zh/rounds/hrc-37?release=1"];
for (const path of WHOLLY_CHINESE) {
  test(`${path} has no English words outside content marked English`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    expect(await englishWordRuns(page)).toEqual([]);
  });
}

test("a release in Chinese: its kind, date, rounds, citation and changes in Chinese, English content marked", async ({ page }) => {
  await page.goto("/zh/releases");
  await page.getByTestId("release-list").getByRole("link", { name: "第 1 版", exact: true }).click();
  await expect(page).toHaveURL(/\/zh\/releases\/1$/);
  await expect(page.getByRole("heading", { name: "第 1 版", level: 1 })).toBeVisible();
  await expect(page.getByText(/，发布于\d{4}年\d{1,2}月\d{1,2}日。/)).toBeVisible();
  await expect(page.getByTestId("release-citation")).toContainText("对话记分卡，数据发布第 1 版（");
  await expect(page.getByTestId("release-citation")).toContainText("/releases/1");
  // The counted noun reads once: "共 184 项变动的评分", not "项项".
  await expect(page.getByRole("status").filter({ hasText: "变动的评分" })).toHaveText(/^共 [\d,]+ 项变动的评分，显示第 1—[\d,]+ 项。$/);
  const changes = page.getByTestId("release-changes");
  await expect(changes.getByRole("columnheader", { name: "基准" })).toBeVisible();
  await expect(changes).toContainText("首次发布的轮次");
  // The seed gives every benchmark and round a Chinese title: the changes show them.
  await expect(changes.getByRole("link", { name: "2012年中美人权对话（华盛顿）" }).first()).toBeVisible();
  await expect(changes.locator('td[lang="en"]').first()).toBeVisible();
  await expect(page.getByRole("link", { name: /将整个版本下载为数据包/ })).toHaveAttribute("href", "/releases/1/datapackage.zip");
});

test("a page pinned to a release says so in Chinese", async ({ page }) => {
  for (const path of ["/zh?release=1", "/zh/rounds/hrc-37?release=1", "/zh/benchmarks/release-gui-minhai?release=1"]) {
    await page.goto(path);
    const notice = page.getByTestId("pinned-release");
    await expect(notice, path).toContainText("这是第 1 版（发布于");
    await expect(notice.getByRole("link", { name: "查看当前数据" }), path).toBeVisible();
    expect(await notice.innerText(), path).not.toMatch(/[A-Za-z]{2}/);
  }
});

test("what an address holds that is not understood is said in Chinese", async ({ page }) => {
  await page.goto("/zh?track=Not_Valid&addressee=martians&heatPage=x");
  await expect(page.getByText("议程（track）：该值不是有效的标识")).toBeVisible();
  await expect(page.getByText("诉求对象（addressee）：该值不在可选范围内")).toBeVisible();
  await expect(page.getByText("热力图的页码（heatPage）：该值不是页码")).toBeVisible();
  await page.goto("/zh/people?page=abc&pageSize=0");
  await expect(page.getByText(/“abc”不是页码，因此显示第一页。/)).toBeVisible();
  await page.goto("/zh/releases/1?page=abc");
  await expect(page.getByText(/“abc”不是页码，因此显示第一页。/)).toBeVisible();
});

test("the check above finds English: the English dashboard is full of it", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await englishInterfaceText(page)).toEqual(expect.arrayContaining(["Did the dialogues deliver?", "Apply filters", "Met"]));
});

for (const [name, path] of [PAGES[1], PAGES[2], PAGES[4], PAGES[6], PAGES[10], PAGES[11]] as const) {
  test(`the Chinese ${name} page has no axe-core violations`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}

test("the language switch keeps the page and its filters, both ways", async ({ page }) => {
  await page.goto("/?track=un-hrc&category=legal-reform");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/zh\?track=un-hrc&category=legal-reform$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("对话有成果吗？");
  await expect(page.getByLabel("议程", { exact: true })).toHaveValue("un-hrc");
  await expect(page.getByLabel("类别", { exact: true })).toHaveValue("legal-reform");

  // A filter applied on the Chinese page stays in Chinese, and the switch takes it back to English.
  await page.getByLabel("类别", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/\/zh\?track=un-hrc&(.+&)?category=(&|$)/);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/:\d+\/\?track=un-hrc&(.+&)?category=(&|$)/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Track", { exact: true })).toHaveValue("un-hrc");

  await page.goto("/rounds/hrc-37?sort=status&status=met");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/zh\/rounds\/hrc-37\?sort=status&status=met$/);
  await expect(page.getByLabel("排序方式", { exact: true })).toHaveValue("status");
  // Links inside a Chinese page stay Chinese.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "方法" }).click();
  await expect(page).toHaveURL(/\/zh\/method$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("方法");
});

test("old addresses still work, /en/… leads to them, and every page names its alternates", async ({ page, request }) => {
  for (const path of ["/", "/method", "/rounds/hrc-37", "/people/wang-quanzhang"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
    const alternates = Object.fromEntries(
      await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname])),
    );
    const zh = path === "/" ? "/zh" : `/zh${path}`;
    expect(alternates, path).toEqual({ en: path, "zh-Hans": zh, "x-default": path });
  }
  const redirected = await request.get("/en/method", { maxRedirects: 0 });
  expect(redirected.status()).toBe(308);
  expect(redirected.headers()["location"]).toMatch(/\/method$/);
  await page.goto("/en/rounds/hrc-37?sort=status");
  await expect(page).toHaveURL(/\/rounds\/hrc-37\?sort=status$/);

  await page.goto("/zh?track=un-hrc");
  const dashboardAlternates = await page.locator('head link[rel="alternate"][hreflang="en"]').getAttribute("href");
  expect(new URL(dashboardAlternates!).pathname + new URL(dashboardAlternates!).search).toBe("/?track=un-hrc");
});

test.describe("a browser that asks for Chinese", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" } });

  test("is offered the Chinese page, never sent to it, and can dismiss the offer", async ({ page }) => {
    const response = await page.goto("/rounds/hrc-37?sort=status");
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const offer = page.getByRole("link", { name: "此页面有中文版" });
    await expect(offer).toHaveAttribute("href", "/zh/rounds/hrc-37?sort=status");
    await page.getByRole("button", { name: "关闭" }).click();
    await expect(offer).toHaveCount(0);
    // The dismissal holds on every page. The offer is decided after hydration, and the dashboard's charts
    // draw only after it, so once a chart is drawn the offer would have shown if it were going to.
    await page.goto("/");
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "此页面有中文版" })).toHaveCount(0);
  });
});

test("an English browser is offered nothing", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "此页面有中文版" })).toHaveCount(0);
});

test.describe("content in Chinese where an editor wrote it, English marked as such otherwise", () => {
  test("the dashboard: heat map rows, categories, changes, rounds and filter options", async ({ page }) => {
    await page.goto("/zh");
    const heatMap = page.getByTestId("heat-map");
    await expect(heatMap.getByRole("link", { name: "解除对刘霞的软禁", exact: true })).toBeVisible();
    await expect(heatMap.getByRole("rowheader", { name: "释放被拘押者" })).toBeVisible();
    await expect(heatMap.getByRole("link", { name: "End Liu Xia's house arrest" })).toHaveCount(0);
    // Every change's title is Chinese: the seed gives every benchmark one.
    const changes = page.getByTestId("changes").getByRole("link");
    expect(await changes.count()).toBeGreaterThan(0);
    for (const title of await changes.allTextContents()) expect(title).toMatch(/\p{Script=Han}/u);
    await expect(page.getByTestId("category-table").getByRole("rowheader", { name: "释放被拘押者" })).toBeVisible();
    await expect(page.getByTestId("round-table").getByRole("link", { name: "人权理事会第37届会议" })).toBeVisible();
    await expect(page.getByLabel("起始轮次", { exact: true }).locator("option", { hasText: "人权理事会第37届会议" })).toHaveCount(1);
    await expect(page.getByLabel("类别", { exact: true }).locator("option", { hasText: "释放被拘押者" })).toHaveCount(1);
  });

  test("the round scorecard: its name, the benchmark titles and their categories", async ({ page }) => {
    await page.goto("/zh/rounds/hrc-37");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("人权理事会第37届会议");
    const entry = page.locator('[data-benchmark="release-liu-xia"]');
    await expect(entry.getByRole("heading", { level: 2 })).toHaveText("解除对刘霞的软禁");
    await expect(entry).toContainText("释放被拘押者");
    // The raising statements have no Chinese title yet: shown in English, marked so.
    await expect(entry.locator('a[href^="/zh/statements/"] [lang="en"]').first()).toBeVisible();
  });

  test("the benchmark page: title, category, rounds, and a restated demand in English marked lang=en", async ({ page }) => {
    await page.goto("/zh/benchmarks/release-liu-xia");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("解除对刘霞的软禁");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /.+/);
    await expect(page.getByRole("link", { name: "释放被拘押者" })).toBeVisible();
    await expect(page.getByTestId("timeline").getByRole("link", { name: "人权理事会第37届会议" })).toBeVisible();
    await expect(page.locator('[lang="en"]', { hasText: "still confined at home after Liu Xiaobo's death" })).toBeVisible();
    await expect(page.getByText("诉求（转述）：").first()).toBeVisible();
  });

  test("the person page: the benchmarks in Chinese, the English-only role and description marked lang=en", async ({ page }) => {
    await page.goto("/zh/people/wang-quanzhang");
    await expect(page.getByTestId("heat-map").getByRole("link", { name: "释放王全璋", exact: true })).toBeVisible();
    await expect(page.locator('p[lang="en"]', { hasText: "Human rights lawyer" })).toBeVisible();
    await expect(page.locator('p[lang="en"]', { hasText: "Seized in the 2015 crackdown" })).toBeVisible();
  });

  test("the English pages are unchanged: English titles, nothing marked", async ({ page }) => {
    await page.goto("/benchmarks/release-liu-xia");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("End Liu Xia's house arrest");
    await expect(page.locator('main [lang="en"]')).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByTestId("heat-map").getByRole("link", { name: "End Liu Xia's house arrest", exact: true })).toBeVisible();
    await expect(page.getByTestId("heat-map").getByText("解除对刘霞的软禁")).toHaveCount(0);
    await page.goto("/people/wang-quanzhang");
    await expect(page.getByTestId("heat-map").getByRole("link", { name: "Release Wang Quanzhang", exact: true })).toBeVisible();
  });
});
