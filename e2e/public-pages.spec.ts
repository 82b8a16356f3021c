import { expect, test } from "@playwright/test";
import { DASHBOARD_LIMITS } from "../lib/dashboard";
import { APPLIES_AT, readTestCount, readTestRows } from "./test-database";

test("a reader goes from the dashboard to a round, a benchmark and the statement that raised it", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("round-table").getByRole("link", { name: "Human Rights Council, 37th session" }).click();
  await expect(page).toHaveURL(/\/rounds\/hrc-37$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Human Rights Council, 37th session");

  const applicable = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = 'hrc-37' AND b.confidential = 0 AND b.review_state = 'approved' AND ${APPLIES_AT}`,
  );
  await expect(page.getByTestId("scorecard").locator("> li")).toHaveCount(applicable);

  await page.getByTestId("scorecard").getByRole("link", { name: "Release Gui Minhai" }).click();
  await expect(page).toHaveURL(/\/benchmarks\/release-gui-minhai#round-hrc-37$/);
  await expect(page.locator("#round-hrc-37")).toContainText("seized him again");

  await page.getByRole("link", { name: /Joint NGO letter to UN member states/ }).first().click();
  await expect(page).toHaveURL(/\/statements\/ngo-2018-hrc37-letter$/);
  await expect(page.getByTestId("signatories").locator("li")).toHaveCount(15);
  await expect(page.getByTestId("statement-progress")).toContainText("China's Universal Periodic Review, 2018");
});

test("a reader finds a person by Chinese name and sees her demands and events", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/people$/);
  await page.getByLabel(/Search by name/).fill("刘霞");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/people\?q=/);
  await expect(page.getByTestId("subject-list").locator("> li")).toHaveCount(1);
  await page.getByRole("link", { name: "Liu Xia" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("刘霞");
  await expect(page.getByTestId("events")).toContainText("Allowed to leave China for Germany");
  await expect(page.getByTestId("heat-map")).toContainText("End Liu Xia's house arrest");
});

test("a reader opens a law page and the method page from the navigation", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Laws and practices" }).click();
  await expect(page).toHaveURL(/\/laws$/);
  await page.getByRole("link", { name: "Residential surveillance at a designated location", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("指定居所监视居住");
  await expect(page.getByTestId("heat-map").locator("tbody tr:has(th[scope=row])")).toHaveCount(
    await readTestCount(
      `SELECT COUNT(*) AS n FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id JOIN benchmarks b ON b.id = bs.benchmark_id
        WHERE s.slug = 'rsdl-article-73' AND b.confidential = 0 AND b.review_state = 'approved'`,
    ),
  );
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Method" }).click();
  await expect(page).toHaveURL(/\/method$/);
  await expect(page.getByTestId("source-documents").locator("li")).toHaveCount(5);
});

test("a heat-map cell leads to that round's rationale for the benchmark", async ({ page }) => {
  await page.goto("/");
  // The cell's name is put together from the table's headers (the row's benchmark, the column's round) and its status.
  await page.getByRole("link", { name: "End Liu Xia's house arrest at China's Universal Periodic Review, 2018: Met. Rationale and evidence", exact: true }).click();
  await expect(page).toHaveURL(/\/benchmarks\/release-liu-xia#round-upr-china-2018$/);
  const entry = page.locator("#round-upr-china-2018");
  await expect(entry.locator("[data-status]")).toHaveAttribute("data-status", "met");
  await expect(entry.getByTestId("rationale")).toHaveText(
    (await readTestRows<{ rationale: string }>(
      `SELECT a.rationale FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id
        JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id
       WHERE b.slug = 'release-liu-xia' AND r.slug = 'upr-china-2018'`,
    ))[0]!.rationale,
  );
  // That rationale rests on public record and the seed gives it no evidence: the page says so.
  await expect(entry.getByTestId("public-record")).toHaveText("Rests on public record; source to be verified before citing.");
});

test("a demo rationale that is not public record neither claims it nor reads as a finding", async ({ page }) => {
  await page.goto("/benchmarks/press-conference-after-round#round-uschrd-2012-washington");
  const entry = page.locator("#round-uschrd-2012-washington");
  await expect(entry.getByTestId("rationale")).toHaveText(/^Demo score, illustrative only: not checked against the public record/);
  await expect(entry.getByTestId("public-record")).toHaveCount(0);
});

test("a filtered view survives a reload of its copied URL", async ({ page, context }) => {
  await page.goto("/");
  await page.getByLabel("Track").selectOption({ label: "UN Human Rights Council" });
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Release of detained people" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/track=un-hrc/);
  await expect(page).toHaveURL(/category=release-of-detained-people/);

  const expectedRows = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN categories c ON c.id = b.category_id
      WHERE c.slug = 'release-of-detained-people' AND b.confidential = 0 AND b.review_state = 'approved'`,
  );
  // The heat map shows a page of rows at a time: this view fits on its first page.
  expect(expectedRows).toBeLessThanOrEqual(DASHBOARD_LIMITS.heatMapPage);
  const heatRows = page.getByTestId("heat-map").locator("tbody tr:has(th[scope=row])");
  await expect(heatRows).toHaveCount(expectedRows);
  await expect(page.getByTestId("round-table").locator("tbody tr")).toHaveCount(3);
  const index = await page.getByTestId("headline-index").locator("[data-value]").textContent();

  const copied = page.url();
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.getByLabel("Track")).toHaveValue("un-hrc");
  await expect(other.getByLabel("Category", { exact: true })).toHaveValue("release-of-detained-people");
  await expect(other.getByTestId("heat-map").locator("tbody tr:has(th[scope=row])")).toHaveCount(expectedRows);
  await expect(other.getByTestId("headline-index").locator("[data-value]")).toHaveText(index!);
  await expect(other.getByTestId("fulfilment-chart").locator(".recharts-line-dot")).toHaveCount(3);
});

test("a malformed filter is reported and ignored, an unknown one matches nothing, and an empty range says what to do", async ({ page }) => {
  await page.goto("/?addressee=martians&category=no-such-category");
  await expect(page.getByRole("status").filter({ hasText: "Some filters were ignored" })).toContainText("addressee");
  await expect(page.getByRole("status").filter({ hasText: "Nothing we publish matches" })).toContainText("no-such-category");
  await expect(page.getByRole("heading", { name: "Nothing to show" })).toBeVisible();

  await page.goto("/?track=upr&to=hrc-31");
  await expect(page.getByRole("heading", { name: "Nothing to show" })).toBeVisible();
  await expect(page.getByText("Widen the round range or clear the filters")).toBeVisible();
});

test("a round scorecard sorts and filters in its URL", async ({ page }) => {
  await page.goto("/rounds/upr-china-2018");
  await page.getByLabel("Status").selectOption({ label: "Met" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=met/);
  const met = await readTestCount(
    `SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
      WHERE r.slug = 'upr-china-2018' AND ps.status = 'met' AND b.confidential = 0 AND b.review_state = 'approved'`,
  );
  await expect(page.getByTestId("scorecard").locator("> li")).toHaveCount(met);
  await expect(page.getByTestId("scorecard").locator("[data-status=met]")).toHaveCount(met);
});

test("unknown pages say what to do next", async ({ page }) => {
  for (const path of ["/benchmarks/no-such-benchmark", "/rounds/no-such-round", "/people/no-such-person", "/statements/nope"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "dashboard" })).toBeVisible();
  }
});

test("the skip link moves keyboard focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the dashboard fits a phone screen without sideways scrolling of the page", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto("/");
  await expect(page.getByTestId("fulfilment-chart").locator(".recharts-line-dot").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.close();
});

test("the dashboard's heat map and changes come a page at a time, each page linked from the others", async ({ page }) => {
  const total = await readTestCount(`SELECT COUNT(*) AS n FROM benchmarks WHERE confidential = 0 AND review_state = 'approved'`);
  expect(total).toBeGreaterThan(DASHBOARD_LIMITS.heatMapPage);
  await page.goto("/");
  const rows = page.getByTestId("heat-map").locator("tbody tr:has(th[scope=row])");
  await expect(rows).toHaveCount(DASHBOARD_LIMITS.heatMapPage);
  const firstPage = await rows.locator("th[scope=row]").allTextContents();
  await expect(page.getByRole("note").filter({ hasText: `Benchmarks 1–${DASHBOARD_LIMITS.heatMapPage} of ${total}` })).toBeVisible();
  await page.getByRole("navigation", { name: "Pages of the heat map" }).getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]heatPage=2#heat-heading$/);
  const lastPage = Math.ceil(total / DASHBOARD_LIMITS.heatMapPage);
  await expect(rows).toHaveCount(lastPage === 2 ? total - DASHBOARD_LIMITS.heatMapPage : DASHBOARD_LIMITS.heatMapPage);
  const secondPage = await rows.locator("th[scope=row]").allTextContents();
  expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
  // Every benchmark is on one page: the pages together list them all, once.
  const seen = new Set([...firstPage, ...secondPage]);
  for (let p = 3; p <= lastPage; p++) {
    await page.goto(`/?heatPage=${p}`);
    for (const title of await rows.locator("th[scope=row]").allTextContents()) seen.add(title);
  }
  expect(seen.size).toBe(total);
  await page.goto(`/?heatPage=${lastPage + 1}`);
  await expect(page.getByRole("note").filter({ hasText: `There is no page ${lastPage + 1} of the heat map` })).toBeVisible();
});
