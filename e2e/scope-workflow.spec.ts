import { expect, test, type Page } from "@playwright/test";
import { EDITOR, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";

// Editors say where a benchmark is assessed: when a demand becomes a benchmark, and later on the
// reference page. Runs on the workflow server, whose database the tests may change.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const TITLE = `The dialogue hears independent NGOs at every round (${run})`;

async function queueSlugs(page: Page, round: string): Promise<string[]> {
  await page.goto(`/review/${round}`);
  return page.getByTestId("queue").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-benchmark")!));
}

async function applicableOnScorecard(page: Page, round: string): Promise<number> {
  await page.goto(`/rounds/${round}`);
  const text = await page.getByText(/judged of \d+ applicable benchmarks/).innerText();
  return Number(/judged of (\d+) applicable/.exec(text)![1]);
}

test("a demand about the dialogue itself, confirmed as dialogue-only, is in the dialogue's queue and no Council session's", async ({ page }) => {
  await signIn(page, EDITOR, "/review/statements/new");
  const form = page.getByTestId("new-statement");
  await form.getByLabel("Title", { exact: true }).fill(`Letter on the 2015 dialogue (${run})`);
  await form.getByLabel("Kind", { exact: true }).selectOption("ngo_joint_letter");
  await form.getByLabel("Date", { exact: true }).fill("2015-08-01");
  await form.getByLabel("Date known to the", { exact: true }).selectOption("day");
  await form.getByLabel("Language", { exact: true }).fill("en");
  await form.getByLabel("Publishing organisations", { exact: true }).fill("Scope Test Group");
  await form.getByLabel("Full text (pasted; kept in the workspace, not published)", { exact: true }).fill(
    "We ask both governments:\n\n1. The dialogue should hear independent NGOs at every round.\n",
  );
  await form.getByRole("button", { name: "Save and find demands" }).click();
  await expect(page).toHaveURL(/\/review\/statements\/letter-on-the-2015-dialogue/);

  const confirm = page.locator("[data-candidate='0']").getByTestId("confirm-0");
  await confirm.getByLabel("Benchmark title, in plain words").fill(TITLE);
  await confirm.getByLabel("Category").selectOption("civil-society-participation");
  await confirm.getByLabel("Addressed to").selectOption("both_governments");
  await confirm.getByLabel("Applies from round").selectOption("uschrd-2015-washington");
  const scope = confirm.getByRole("group", { name: "Assessed at the rounds of" });
  await scope.getByLabel("US–China Human Rights Dialogue").check();
  await confirm.getByRole("button", { name: "Create benchmark" }).click();
  // The confirmed card replaces the form; an editor's benchmark on their own statement is approved at once.
  await expect(page.locator("[data-candidate='0']").getByTestId("confirmed")).toContainText(TITLE);
  const [created] = await readRows<{ slug: string; reviewState: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT slug, review_state AS reviewState FROM benchmarks WHERE title = ?", TITLE);
  expect(created?.reviewState).toBe("approved");
  const slug = created!.slug;

  expect(await queueSlugs(page, "uschrd-2015-washington")).toContain(slug);
  for (const round of ["hrc-31", "hrc-34", "hrc-37", "upr-china-2018"]) expect(await queueSlugs(page, round), round).not.toContain(slug);
});

test("an editor narrows a scored benchmark to the Council; the review leaves it out, and so does that round's scorecard", async ({ page }) => {
  const SLUG = "special-rapporteurs-access";
  await signIn(page, EDITOR, "/review/upr-china-2018");
  const before = await queueSlugs(page, "upr-china-2018");
  expect(before).toContain(SLUG);
  const applicableBefore = await applicableOnScorecard(page, "upr-china-2018");

  await page.goto("/editor/reference");
  const form = page.getByTestId("scope");
  await form.getByLabel("Benchmark", { exact: true }).selectOption(SLUG);
  await form.getByRole("group", { name: "Assessed at the rounds of" }).getByLabel("UN Human Rights Council").check();
  await form.getByRole("button", { name: "Set scope" }).click();
  await expect(form.getByRole("status")).toContainText("is assessed at UN Human Rights Council rounds. 2 assessments at other tracks' rounds stay in its history and count nowhere.");
  const scope = await readRows<{ slug: string }>(
    E2E_WORKFLOW_DATABASE_PATH,
    "SELECT t.slug FROM benchmark_tracks bt JOIN tracks t ON t.id = bt.track_id JOIN benchmarks b ON b.id = bt.benchmark_id WHERE b.slug = ?",
    SLUG,
  );
  expect(scope).toEqual([{ slug: "un-hrc" }]);

  const after = await queueSlugs(page, "upr-china-2018");
  expect(after).not.toContain(SLUG);
  expect(after).toHaveLength(before.length - 1);
  expect(await queueSlugs(page, "hrc-37")).toContain(SLUG);
  expect(await applicableOnScorecard(page, "upr-china-2018")).toBe(applicableBefore - 1);
  await expect(page.getByTestId("scorecard").locator(`[data-benchmark=${SLUG}]`)).toHaveCount(0);

  // Reviewer agreement at the review counts only what applies there: the two demo reviewers
  // disagreed on this benchmark at the review, and that pair no longer weighs.
  // CASE rather than SUM of a comparison: PostgreSQL does not add booleans.
  const agreement = async (inScopeOnly: boolean) => {
    const [row] = await readRows<{ agree: number; pairs: number }>(
      E2E_WORKFLOW_DATABASE_PATH,
      `SELECT SUM(CASE WHEN a.status = b.status THEN 1 ELSE 0 END) AS agree, COUNT(*) AS pairs FROM assessments a
         JOIN assessments b ON b.benchmark_id = a.benchmark_id AND b.round_id = a.round_id AND b.reviewer_id = 'demo-reviewer-b'
         JOIN rounds r ON r.id = a.round_id JOIN benchmarks x ON x.id = a.benchmark_id
        WHERE r.slug = 'upr-china-2018' AND a.reviewer_id = 'demo-reviewer-a'
          ${inScopeOnly ? "AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = x.id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = x.id AND bt.track_id = r.track_id))" : ""}`,
    );
    return `${Math.round((100 * row!.agree) / row!.pairs)}%`;
  };
  expect(await agreement(true)).not.toBe(await agreement(false));
  await page.goto("/editor/rounds/upr-china-2018");
  await expect(page.getByTestId("summary-percent-agreement")).toHaveText(await agreement(true));

  await page.goto(`/benchmarks/${SLUG}`);
  await expect(page.getByTestId("scope")).toContainText("UN Human Rights Council rounds only");
  await expect(page.getByTestId("timeline").locator("#round-upr-china-2018")).toHaveCount(0);
  await expect(page.getByTestId("timeline").locator("#round-hrc-37")).toBeVisible();
});
