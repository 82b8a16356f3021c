import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./session-helpers";
import { APPLIES_AT, readTestCount } from "./test-database";

// "The dialogue meets regularly" is about the bilateral dialogue itself: it can be judged at the
// dialogue's rounds only, never at a Council session.
const DIALOGUE_ONLY = { slug: "dialogue-held-regularly", title: "The dialogue meets regularly" };

const applicableAt = (round: string) =>
  readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = ? AND b.confidential = 0 AND ${APPLIES_AT}
        AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`,
    round,
  );

test("a dialogue-only benchmark is not in a Council session's review queue, only in the dialogue's", async ({ page }) => {
  await signIn(page, EDITOR, "/review/hrc-37");
  const queue = page.getByTestId("queue");
  await expect(queue.locator("[data-benchmark=release-gui-minhai]")).toBeVisible();
  await expect(queue.locator(`[data-benchmark=${DIALOGUE_ONLY.slug}]`)).toHaveCount(0);
  // Reviewers score confidential benchmarks too: the queue counts every benchmark in scope.
  const inQueue = await queue.locator("tbody tr").count();
  const expected = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r WHERE r.slug = 'hrc-37' AND ${APPLIES_AT}`,
  );
  expect(inQueue).toBe(expected);
  await expect(page.getByTestId("todo-count")).toContainText(`of ${expected} benchmarks`);

  // Its score form at that round does not exist.
  expect((await page.goto(`/review/hrc-37/${DIALOGUE_ONLY.slug}`))?.status()).toBe(404);

  await page.goto("/review/uschrd-2015-washington");
  await expect(page.getByTestId("queue").locator(`[data-benchmark=${DIALOGUE_ONLY.slug}]`)).toBeVisible();
});

test("a Council session's scorecard and figures leave a dialogue-only benchmark out; its page says where it is assessed", async ({ page }) => {
  await page.goto("/rounds/hrc-37?pageSize=500");
  const scorecard = page.getByTestId("scorecard");
  await expect(scorecard.locator("[data-benchmark=release-gui-minhai]")).toBeVisible();
  await expect(scorecard.locator(`[data-benchmark=${DIALOGUE_ONLY.slug}]`)).toHaveCount(0);
  const applicable = await applicableAt("hrc-37");
  const everyTrack = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = 'hrc-37' AND b.confidential = 0 AND f.start_date <= r.start_date AND (b.retired_on IS NULL OR b.retired_on > r.start_date)
        AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`,
  );
  // Scope is what makes the difference here: without it the Council session would count more.
  expect(applicable).toBeLessThan(everyTrack);
  await expect(scorecard.locator("> li")).toHaveCount(applicable);
  await expect(page.getByText(new RegExp(`judged of ${applicable} applicable benchmarks`))).toBeVisible();

  await page.goto("/rounds/uschrd-2015-washington?pageSize=500");
  await expect(page.getByTestId("scorecard").locator(`[data-benchmark=${DIALOGUE_ONLY.slug}]`)).toBeVisible();

  await page.goto(`/benchmarks/${DIALOGUE_ONLY.slug}`);
  await expect(page.getByTestId("scope")).toHaveText(/^US–China Human Rights Dialogue rounds only/);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator("#round-uschrd-2015-washington")).toBeVisible();
  await expect(timeline.locator("#round-hrc-37")).toHaveCount(0);
});

test("the dashboard's heat map marks a dialogue-only benchmark not applicable at Council sessions", async ({ page }) => {
  await page.goto("/?category=benchmarks-and-follow-up");
  const row = page.getByTestId("heat-map").getByRole("row").filter({ has: page.getByRole("link", { name: DIALOGUE_ONLY.title, exact: true }) });
  // The cell under the Council session's column says so, in words read with the row and column headers.
  const columns = await page.getByTestId("heat-map").locator("thead th").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title")));
  const hrc37 = columns.indexOf("Human Rights Council, 37th session");
  expect(hrc37).toBeGreaterThan(0);
  await expect(row.locator("td").nth(hrc37 - 1)).toHaveAttribute("data-cell", "not-applicable");
  await expect(row.locator("td").nth(hrc37 - 1)).toHaveText(/not applicable/);
  await expect(row.locator("[data-cell=not-applicable]")).toHaveCount(6);
  await expect(row.getByRole("link", { name: /2015 US–China dialogue, Washington/ })).toBeVisible();
  await page.getByTestId("heat-map").screenshot({ path: "test-results/heat-map-scope.png" });
});
