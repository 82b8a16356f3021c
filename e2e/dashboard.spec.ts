import { expect, test } from "@playwright/test";
import { readTestRows } from "./test-database";

interface RoundFigures {
  name: string;
  met: number;
  partial: number;
  judged: number;
  scored: number;
}

// Computed straight from the tables, independently of the app's query code.
// CASE rather than SUM of a comparison: PostgreSQL does not add booleans.
function publishedRoundFigures(): Promise<RoundFigures[]> {
  return readTestRows<RoundFigures>(`
    SELECT r.name,
           SUM(CASE WHEN ps.status = 'met' THEN 1 ELSE 0 END) AS met,
           SUM(CASE WHEN ps.status = 'partial' THEN 1 ELSE 0 END) AS partial,
           SUM(CASE WHEN ps.status IN ('met', 'partial', 'not_met', 'regressed') THEN 1 ELSE 0 END) AS judged,
           COUNT(*) AS scored
      FROM rounds r
      JOIN published_scores ps ON ps.round_id = r.id
      JOIN benchmarks b ON b.id = ps.benchmark_id AND b.confidential = 0
     WHERE r.published_at IS NOT NULL
     GROUP BY r.id, r.name, r.start_date
     ORDER BY r.start_date, r.id`);
}

test("the fulfilment chart has one point per round with the index the database holds", async ({ page }) => {
  const rounds = await publishedRoundFigures();
  expect(rounds.length).toBeGreaterThanOrEqual(7);
  const expected = rounds.map((r) => ((100 * (r.met + 0.5 * r.partial)) / r.judged).toFixed(1));

  await page.goto("/");
  const chart = page.getByTestId("fulfilment-chart");
  await expect(chart.locator(".recharts-line-dot")).toHaveCount(rounds.length);
  await expect(chart.locator(".recharts-label-list text")).toHaveText(expected);
});

test("the status mix chart draws one bar segment per round and status that has scores", async ({ page }) => {
  const rounds = await publishedRoundFigures();
  const [row] = await readTestRows<{ segments: number }>(`
    SELECT COUNT(*) AS segments FROM (
      SELECT 1 FROM published_scores ps
        JOIN rounds r ON r.id = ps.round_id AND r.published_at IS NOT NULL
        JOIN benchmarks b ON b.id = ps.benchmark_id AND b.confidential = 0
       GROUP BY ps.round_id, ps.status) AS segment`);
  const segments = Number(row!.segments);
  await page.goto("/");
  const chart = page.getByTestId("status-mix-chart");
  await expect(chart.locator(".recharts-bar-rectangle path")).toHaveCount(segments);
  await expect(chart.locator(".recharts-legend-item-text")).toHaveText(["Met", "Partial", "Not met", "Regressed", "Unknown"]);
  await expect(chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick")).toHaveCount(rounds.length);
});

test("the rounds table lists every round with its index and denominators, and the demo label shows", async ({ page }) => {
  const rounds = await publishedRoundFigures();
  await page.goto("/");
  const table = page.getByTestId("round-table");
  await expect(table.locator("tbody tr")).toHaveCount(rounds.length);
  for (const [i, round] of rounds.entries()) {
    const row = table.locator("tbody tr").nth(i);
    await expect(row.getByRole("rowheader")).toContainText(round.name);
    await expect(row.getByTestId("round-index")).toHaveText(((100 * (round.met + 0.5 * round.partial)) / round.judged).toFixed(1));
  }
  await expect(page.getByRole("complementary", { name: "About this data" })).toContainText("demonstration data");
});
