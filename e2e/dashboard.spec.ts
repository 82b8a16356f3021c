import { expect, test } from "@playwright/test";
import { queryTestDatabase } from "./test-database";

interface RoundFigures {
  name: string;
  met: number;
  partial: number;
  judged: number;
  scored: number;
}

// Computed straight from the tables, independently of the app's query code.
function publishedRoundFigures(): RoundFigures[] {
  return queryTestDatabase<RoundFigures>(`
    SELECT r.name,
           SUM(ps.status = 'met') AS met,
           SUM(ps.status = 'partial') AS partial,
           SUM(ps.status IN ('met', 'partial', 'not_met', 'regressed')) AS judged,
           COUNT(*) AS scored
      FROM rounds r
      JOIN published_scores ps ON ps.round_id = r.id
      JOIN benchmarks b ON b.id = ps.benchmark_id AND b.confidential = 0
     WHERE r.published_at IS NOT NULL
     GROUP BY r.id
     ORDER BY r.start_date, r.id`);
}

test("the fulfilment chart has one point per round with the index the database holds", async ({ page }) => {
  const rounds = publishedRoundFigures();
  expect(rounds.length).toBeGreaterThanOrEqual(7);
  const expected = rounds.map((r) => ((100 * (r.met + 0.5 * r.partial)) / r.judged).toFixed(1));

  await page.goto("/");
  const chart = page.getByTestId("fulfilment-chart");
  await expect(chart.locator(".recharts-line-dot")).toHaveCount(rounds.length);
  await expect(chart.locator(".recharts-label-list text")).toHaveText(expected);
});

test("the status mix chart draws one bar segment per round and status that has scores", async ({ page }) => {
  const rounds = publishedRoundFigures();
  const segments = queryTestDatabase<{ segments: number }>(`
    SELECT COUNT(*) AS segments FROM (
      SELECT 1 FROM published_scores ps
        JOIN rounds r ON r.id = ps.round_id AND r.published_at IS NOT NULL
        JOIN benchmarks b ON b.id = ps.benchmark_id AND b.confidential = 0
       GROUP BY ps.round_id, ps.status)`)[0]!.segments;
  await page.goto("/");
  const chart = page.getByTestId("status-mix-chart");
  await expect(chart.locator(".recharts-bar-rectangle path")).toHaveCount(segments);
  await expect(chart.locator(".recharts-legend-item-text")).toHaveText(["Met", "Partial", "Not met", "Regressed", "Unknown"]);
  await expect(chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick")).toHaveCount(rounds.length);
});

test("the rounds table lists every round with its index and denominators, and the demo label shows", async ({ page }) => {
  const rounds = publishedRoundFigures();
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
