import { expect, test } from "@playwright/test";
import { writeTestDatabase } from "./test-database";

// A person at risk and a demand about them, both marked confidential, scored and published like any
// other, and linked to a public statement. No public page may show them. (That a public benchmark
// about a confidential person is hidden too is tested where a person is hidden, in the workflow
// tests, so that this file never changes what the other public-page tests count.)
const run = Date.now().toString(36);
const SECRET = {
  benchmarkSlug: `confidential-benchmark-${run}`,
  benchmarkTitle: `Release the confidential detainee ${run}`,
  personSlug: `confidential-person-${run}`,
  personName: `Hidden Person ${run}`,
  personNameZh: "秘密人",
};

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  writeTestDatabase((db) => {
    const id = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { id: number }).id;
    const categoryId = id("SELECT id FROM categories WHERE slug = 'release-of-detained-people'");
    const roundId = id("SELECT id FROM rounds WHERE slug = 'hrc-37'");
    const statementId = id("SELECT id FROM statements WHERE slug = 'ngo-2018-hrc37-letter'");

    const benchmarkId = db
      .prepare(
        `INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, confidential)
         VALUES (?, ?, ?, 'chinese_government', ?, 1)`,
      )
      .run(SECRET.benchmarkSlug, SECRET.benchmarkTitle, categoryId, roundId).lastInsertRowid;
    const personId = db
      .prepare(`INSERT INTO subjects (slug, kind, name, name_zh, description, confidential) VALUES (?, 'person', ?, ?, 'At risk.', 1)`)
      .run(SECRET.personSlug, SECRET.personName, SECRET.personNameZh).lastInsertRowid;
    db.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand) VALUES (?, ?, 'Free them.')").run(benchmarkId, statementId);
    db.prepare("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)").run(benchmarkId, personId);
    const assessmentId = db
      .prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, 'demo-reviewer-a', 'met', 'Secret rationale')")
      .run(benchmarkId, roundId).lastInsertRowid;
    db.prepare(
      `INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at)
       VALUES (?, ?, 'met', 'agreement', ?, 'demo-editor', '2026-01-01T00:00:00Z')`,
    ).run(benchmarkId, roundId, assessmentId);
  });
});

const PUBLIC_PAGES = [
  "/",
  "/rounds/hrc-37",
  "/rounds/upr-china-2018",
  "/benchmarks/release-peaceful-expression-detainees",
  "/people",
  "/statements",
  "/statements/ngo-2018-hrc37-letter",
  "/laws",
];

test("confidential benchmarks and people appear on no public page, not even in filter options", async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    const html = await page.content();
    for (const secret of [SECRET.benchmarkTitle, SECRET.benchmarkSlug, SECRET.personName, SECRET.personSlug, SECRET.personNameZh, "Secret rationale"]) {
      expect(html.includes(secret), `${secret} on ${path}`).toBe(false);
    }
  }
});

test("filtering by a confidential person answers exactly as for one that does not exist", async ({ page }) => {
  await page.goto(`/?subject=${SECRET.personSlug}`);
  const notice = page.getByRole("status").filter({ hasText: "Nothing we publish matches" });
  await expect(notice).toContainText(`subject: nothing is called “${SECRET.personSlug}”`);
  const html = await page.content();
  expect(html).not.toContain(SECRET.personName);
  expect(html).not.toContain(SECRET.benchmarkTitle);
  await page.goto("/?subject=no-such-person-at-all");
  await expect(page.getByRole("status").filter({ hasText: "Nothing we publish matches" })).toContainText("subject: nothing is called “no-such-person-at-all”");
});

test("searching for a confidential person finds nothing", async ({ page }) => {
  await page.goto(`/people?q=${encodeURIComponent(SECRET.personName)}`);
  await expect(page.getByTestId("subject-list").locator("> li")).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Nothing matches");
  await page.goto(`/people?q=${encodeURIComponent(SECRET.personNameZh)}`);
  await expect(page.getByTestId("subject-list").locator("> li")).toHaveCount(0);
});

test("confidential items have no page of their own", async ({ page }) => {
  for (const path of [`/benchmarks/${SECRET.benchmarkSlug}`, `/people/${SECRET.personSlug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a confidential item counts in no public figure", async ({ page }) => {
  await page.goto("/rounds/hrc-37");
  const applicable = await page.getByTestId("scorecard").locator("> li").count();
  await expect(page.getByTestId("round-summary")).toContainText(String(applicable));
  await expect(page.getByTestId("scorecard")).not.toContainText(SECRET.benchmarkTitle);
});
