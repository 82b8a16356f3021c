import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { APPLIES_AT, readTestCount } from "./test-database";
import { hydrated } from "./hydrated";

// A seeded round has about fifty benchmarks; ten a page makes it a paged scorecard.
const ROUND = "hrc-37";

function applicableCount(): Promise<number> {
  return readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = ? AND b.confidential = 0 AND b.review_state = 'approved' AND ${APPLIES_AT}
        AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`,
    ROUND,
  );
}

test("a reader pages through a round scorecard and sees every benchmark once, in the order of the whole list", async ({ page }) => {
  const total = await applicableCount();
  expect(total).toBeGreaterThan(20);
  const pages = Math.ceil(total / 10);

  await page.goto(`/rounds/${ROUND}?pageSize=500`);
  const whole = await page.getByTestId("scorecard").locator("> li").evaluateAll((items) => items.map((li) => li.getAttribute("data-benchmark")));
  expect(whole).toHaveLength(total);
  await expect(page.getByRole("navigation", { name: "Pages of this scorecard" })).toHaveCount(0);

  await page.goto(`/rounds/${ROUND}?pageSize=10`);
  const seen: Array<string | null> = [];
  for (let n = 1; n <= pages; n++) {
    const nav = page.getByRole("navigation", { name: "Pages of this scorecard" });
    await expect(page.getByTestId("scorecard-count")).toHaveText(`Showing ${(n - 1) * 10 + 1}–${Math.min(n * 10, total)} of ${total} benchmarks.`);
    await expect(nav.locator("[aria-current=page]")).toHaveText(`Page ${n}`);
    seen.push(...(await page.getByTestId("scorecard").locator("> li").evaluateAll((items) => items.map((li) => li.getAttribute("data-benchmark")))));
    if (n < pages) {
      await nav.getByRole("link", { name: "Next →" }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]page=${n + 1}(&|$)`));
      await expect(page).toHaveURL(/pageSize=10/);
    } else {
      await expect(nav.getByRole("link", { name: "Next →" })).toHaveCount(0);
    }
  }
  expect(seen).toEqual(whole);

  await page.getByRole("navigation", { name: "Pages of this scorecard" }).getByRole("link", { name: "Page 1", exact: true }).click();
  await expect(page.getByTestId("scorecard-count")).toHaveText(`Showing 1–10 of ${total} benchmarks.`);
});

test("filtering a paged scorecard keeps the page size, starts at page 1 and counts the matches", async ({ page }) => {
  const met = await readTestCount(
    `SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
      WHERE r.slug = ? AND ps.status = 'met' AND b.confidential = 0 AND b.review_state = 'approved'`,
    ROUND,
  );
  await page.goto(`/rounds/${ROUND}?pageSize=10&page=3`);
  await page.getByLabel("Status").selectOption({ label: "Met" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=met/);
  await expect(page).toHaveURL(/pageSize=10/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(page.getByTestId("scorecard-count")).toContainText(`of ${met} matching benchmarks`);
  await expect(page.getByTestId("scorecard").locator("[data-status=met]")).toHaveCount(Math.min(met, 10));
});

test("a page past the end says how many there are and links to the last one; a malformed page number is reported", async ({ page }) => {
  const total = await applicableCount();
  const last = Math.ceil(total / 10);
  await page.goto(`/rounds/${ROUND}?pageSize=10&page=99`);
  await expect(page.getByTestId("scorecard-count")).toHaveText(`There is no page 99: ${total} benchmarks fill ${last} pages.`);
  await expect(page.getByTestId("scorecard")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${last}`));
  await expect(page.getByTestId("scorecard").locator("> li")).toHaveCount(total - (last - 1) * 10);

  await page.goto(`/rounds/${ROUND}?page=abc`);
  await expect(page.getByTestId("page-problems")).toHaveText("“abc” is not a page number, so the first page is shown.");
  await expect(page.getByTestId("scorecard").locator("> li")).toHaveCount(total);
});

test("the print view of a paged view prints its part and says where the rest is", async ({ page }) => {
  await page.goto(`/rounds/${ROUND}/print`);
  await expect(page.getByTestId("print-part")).toHaveCount(0);
  await expect(page.getByTestId("print-view").locator("tbody tr")).toHaveCount(await applicableCount());
});

test("a paged scorecard has no axe-core violations", async ({ page }) => {
  await page.goto(`/rounds/${ROUND}?pageSize=10&page=2`);
  await hydrated(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
});
