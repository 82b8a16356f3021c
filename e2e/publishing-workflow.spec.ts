import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { plantScoredRound, type PlantedScore } from "./round-fixture";
import { EDITOR, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readCount } from "./test-database";

// The editor's side of a round, in order: a round where the two demo reviewers have scored 11
// benchmarks alike and disagree on one; the editor reads the preview and its low-coverage warning,
// rules on the disagreement with their own status and evidence, publishes the round as
// preliminary, revises the ruling and publishes again; the public pages follow. The reviewers'
// scores are set up in the database: the review form is tested in workflow.spec.ts.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
// Between the seed's last round and workflow.spec.ts's hrc-40, so that one stays the latest.
const ROUND = { slug: `hrc-pub-${run}`, name: `Council session for publishing ${run}`, startDate: "2019-01-15" };
// All assessed at Council sessions: dialogue-only demands do not apply at this round.
const AGREED = [
  "abolish-re-education-through-labour",
  "action-plan-enforceable",
  "address-tibet-xinjiang-grievances",
  "all-us-agencies-raise-rights",
  "china-public-commitments",
  "close-black-jails",
  "council-clear-message-to-china",
  "council-condemns-rsdl",
  "end-denial-of-medical-parole",
  "end-rsdl",
  "investigate-torture-claims",
];
const UNION = AGREED[0]!;
const DISPUTED = "release-yu-wensheng";
const link = (name: string) => `https://example.org/${run}/${name}`;
const OWN_RATIONALE = `The editor's ruling: one meeting was announced, none held (${run}).`;
const REVIEWER_B_RATIONALE = `Not met, by reviewer B's reading (${run}).`;
// Preliminary for the rounds of the other workflow tests too (2 benchmarks judged), not for this one.
const LOWER_THRESHOLD = "20";

const count = (sql: string, ...params: unknown[]) => readCount(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);
const publicView = `/?track=un-hrc&from=hrc-37&to=${ROUND.slug}`;

test.beforeAll(async () => {
  const scores: PlantedScore[] = [];
  const score = (benchmark: string, reviewer: PlantedScore["reviewer"], status: PlantedScore["status"], rationale: string, links: Array<[string, string]> = []) =>
    scores.push({ benchmark, reviewer, status, rationale, links });
  for (const slug of AGREED) {
    const status = slug === UNION ? "partial" : "not_met";
    score(slug, "demo-reviewer-a", status, `Reviewer A on ${slug}.`, slug === UNION ? [[link("a-only"), "Report seen by A"], [link("shared"), "Report both cite"]] : []);
    score(slug, "demo-reviewer-b", status, `Reviewer B on ${slug}.`, slug === UNION ? [[link("shared"), "The same report, B's title"], [link("b-only"), "Report seen by B"]] : []);
  }
  score(DISPUTED, "demo-reviewer-a", "met", `Met, by reviewer A's reading (${run}).`, [[link("a-disputed"), "A's source on the meetings"]]);
  score(DISPUTED, "demo-reviewer-b", "not_met", REVIEWER_B_RATIONALE, [[link("b-disputed"), "B's source on the meetings"]]);
  await plantScoredRound(E2E_WORKFLOW_DATABASE_PATH, ROUND, scores);
});

async function publish(page: Page, acceptPreliminary: boolean) {
  const form = page.getByTestId("publish");
  await form.getByLabel("I have checked the scores and want to publish them.").check();
  if (acceptPreliminary) await form.getByLabel(/marked preliminary/).check();
  await form.getByRole("button", { name: "Publish this round" }).click();
  return form;
}

test("the publish step previews what it would publish and the dashboard after it, and warns that coverage is low", async ({ page }) => {
  await signIn(page, EDITOR, `/editor/rounds/${ROUND.slug}`);
  await expect(page.getByTestId("preview-agreed")).toHaveText("11");
  await expect(page.getByTestId("preview-decided")).toHaveText("0");
  await expect(page.getByTestId("preview-changed")).toHaveText("11");
  const withheld = Number(await page.getByTestId("preview-withheld").textContent());
  // Most of the round is withheld: about 40 benchmarks apply at a Council session, 12 are scored.
  expect(withheld).toBeGreaterThan(20);

  const roundAfter = page.getByTestId("figures-round");
  await expect(roundAfter).toContainText(ROUND.name);
  await expect(roundAfter).toContainText("Preliminary");
  await expect(roundAfter.locator("[data-figure=coverage]")).toContainText("11 of");
  await expect(page.getByTestId("figures-now")).not.toContainText(ROUND.name);
  await expect(page.getByTestId("preliminary-warning")).toContainText("Only 11 of its");
  await expect(page.getByTestId("preliminary-warning")).toContainText("below the 60%");

  await page.getByText(/The 11 scores that would be published/).click();
  await expect(page.getByTestId("preview-published-list")).toContainText("Abolish re-education through labour");
  await expect(page.getByTestId("preview-withheld-list").locator("li").filter({ hasText: "Release Yu Wensheng" })).toContainText("reviewers disagree (Met / Not met)");

  // Both reviewers' reasons and evidence, side by side.
  const dispute = page.getByTestId("disagreements").locator(`[data-benchmark=${DISPUTED}]`);
  await expect(dispute).toContainText(`Met, by reviewer A's reading (${run}).`);
  await expect(dispute).toContainText(REVIEWER_B_RATIONALE);
  await expect(dispute.getByRole("link", { name: "A's source on the meetings" })).toHaveAttribute("href", link("a-disputed"));
  await expect(dispute.getByRole("link", { name: "B's source on the meetings" })).toHaveAttribute("href", link("b-disputed"));
  await page.screenshot({ path: "test-results/publish-preview.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  // Without accepting the preliminary figures nothing is published.
  const form = await publish(page, false);
  await expect(form.getByRole("alert").filter({ hasText: "preliminary" })).toContainText("Nothing was published");
  expect(await count("SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE r.slug = ?", ROUND.slug)).toBe(0);
});

test("the editor rules with their own status and evidence, publishes, and the public sees a preliminary round", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, EDITOR, `/editor/rounds/${ROUND.slug}`);
  const dispute = page.getByTestId("disagreements").locator(`[data-benchmark=${DISPUTED}]`);
  await dispute.getByRole("radio", { name: "My own ruling, as below" }).check();
  await dispute.getByLabel("Your status (for your own ruling)").selectOption("partial");
  await dispute.getByLabel("Your rationale, shown to the public (for your own ruling)").fill(OWN_RATIONALE);
  await dispute.getByLabel("Evidence address 1 (for your own ruling)").fill(link("editor"));
  await dispute.getByLabel("Evidence title 1").fill("The editor's source");
  await dispute.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("summary-decided-by-you")).toHaveText("1");
  const decision = page.getByTestId("decisions").locator(`[data-benchmark=${DISPUTED}]`);
  await expect(decision.getByTestId("decision-current")).toContainText("Erin Editor's own ruling");
  await expect(decision.getByTestId("decision-current")).toContainText(OWN_RATIONALE);

  const form = await publish(page, true);
  await expect(form.getByRole("status")).toContainText(`Published ${ROUND.name}: 12 scores`);
  await expect(form.getByRole("status")).toContainText("marked preliminary");

  await page.goto(publicView);
  await expect(page.getByRole("heading", { name: `Latest round in view: ${ROUND.name}` })).toContainText("Preliminary");
  await expect(page.getByTestId("headline-preliminary")).toContainText("Only 12 of");
  await expect(page.getByTestId("headline-index")).toContainText("since previous (preliminary)");
  await expect(page.getByText("Compared with Human Rights Council, 37th session.")).toBeVisible();
  await expect(page.getByTestId("round-table").locator(`[data-round=${ROUND.slug}]`)).toContainText("Preliminary");
  await page.screenshot({ path: "test-results/dashboard-preliminary.png", fullPage: false });

  const summary = (await (await page.request.get(`/api/v1/summary?from=${ROUND.slug}&to=${ROUND.slug}`)).json()) as { rounds: Array<{ round: string; preliminary: boolean }> };
  expect(summary.rounds).toEqual([expect.objectContaining({ round: ROUND.slug, preliminary: true })]);
  await page.goto(`/embed/fulfilment?from=${ROUND.slug}&to=${ROUND.slug}`);
  await expect(page.getByTestId("embed-preliminary")).toContainText(ROUND.name);

  // The round's scorecard: the agreeing reviewers' evidence together, each address once.
  await page.goto(`/rounds/${ROUND.slug}`);
  await expect(page.getByTestId("preliminary-notice")).toBeVisible();
  const agreed = page.getByTestId("scorecard").locator(`[data-benchmark=${UNION}]`);
  await expect(agreed.getByRole("link", { name: "Report seen by A" })).toHaveAttribute("href", link("a-only"));
  await expect(agreed.getByRole("link", { name: "Report seen by B" })).toHaveAttribute("href", link("b-only"));
  await expect(agreed.locator(`a[href="${link("shared")}"]`)).toHaveCount(1);
  await expect(agreed.getByRole("link", { name: "Report both cite" })).toBeVisible();

  await page.goto(`/benchmarks/${DISPUTED}#round-${ROUND.slug}`);
  const atRound = page.locator(`#round-${ROUND.slug}`);
  await expect(atRound).toContainText(OWN_RATIONALE);
  await expect(atRound).toContainText("Decided by an editor");
  await expect(atRound.getByRole("link", { name: "The editor's source" })).toHaveAttribute("href", link("editor"));
});

test("the editor revises the ruling; both stay in the history, and publishing again shows the revised one", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, EDITOR, `/editor/rounds/${ROUND.slug}`);
  const decision = page.getByTestId("decisions").locator(`[data-benchmark=${DISPUTED}]`);
  await decision.getByText("Revise this decision").click();
  await decision.getByRole("radio", { name: "Demo reviewer B: Not met" }).check();
  await decision.getByLabel("Note on the decision (optional)").fill("Checked again: no meeting took place.");
  await decision.getByRole("button", { name: "Record the revised decision" }).click();
  await expect(decision.getByTestId("decision-current")).toContainText("Demo reviewer B's assessment stands");
  await expect(decision.getByTestId("decision-current")).toContainText(REVIEWER_B_RATIONALE);
  await expect(decision.getByTestId("decision-history")).toContainText("Erin Editor's own ruling");
  await expect(decision.getByTestId("decision-history")).toContainText(OWN_RATIONALE);
  expect(await count("SELECT COUNT(*) AS n FROM editor_decisions d JOIN rounds r ON r.id = d.round_id WHERE r.slug = ?", ROUND.slug)).toBe(2);
  await expect(page.getByTestId("preview-changed")).toHaveText("1");
  await page.screenshot({ path: "test-results/decision-history.png", fullPage: true });

  const form = await publish(page, true);
  await expect(form.getByRole("status")).toContainText("(1 new or changed)");
  await page.goto(`/benchmarks/${DISPUTED}#round-${ROUND.slug}`);
  const atRound = page.locator(`#round-${ROUND.slug}`);
  await expect(atRound).toContainText(REVIEWER_B_RATIONALE);
  await expect(atRound).not.toContainText(OWN_RATIONALE);
  await expect(atRound.getByRole("link", { name: "B's source on the meetings" })).toHaveAttribute("href", link("b-disputed"));
});

test("the audit log names people, rounds and benchmarks, and filters by person, kind of record and date, a page at a time", async ({ page }) => {
  test.setTimeout(90_000);
  const today = new Date().toISOString().slice(0, 10);
  await signIn(page, EDITOR, "/editor/audit");
  await expect(page.getByTestId("audit")).toContainText(`published the score of Release Yu Wensheng at ${ROUND.name}`);
  expect(await page.getByTestId("audit").innerText()).not.toMatch(/published_score \d+@\d+/);

  const filters = page.getByTestId("audit-filters");
  await filters.getByLabel("Person").selectOption({ label: "Erin Editor (editor@example.org)" });
  await filters.getByLabel("Kind of record").selectOption({ label: "editors' decisions" });
  await filters.getByLabel("From").fill(today);
  await filters.getByLabel("To").fill(today);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`user=.+&entity=editor_decision&from=${today}&to=${today}`));
  const entries = page.getByTestId("audit").locator("> li");
  await expect(entries.filter({ hasText: `revised the decision on Release Yu Wensheng at ${ROUND.name}` })).toHaveCount(1);
  await expect(entries.filter({ hasText: `decided Release Yu Wensheng at ${ROUND.name}` })).toHaveCount(1);
  for (const text of await entries.allInnerTexts()) expect(text).toMatch(/Erin Editor (decided|revised the decision on) /);
  await expect(entries.filter({ hasText: ROUND.name }).first().getByRole("link", { name: ROUND.name })).toHaveAttribute("href", `/editor/rounds/${ROUND.slug}`);

  // One record's history, from its entry.
  await entries.filter({ hasText: "revised the decision on" }).filter({ hasText: ROUND.name }).getByRole("link", { name: "Every change to this record" }).click();
  await expect(page).toHaveURL(/entity=editor_decision&entityId=\d+/);
  await expect(page.getByTestId("audit-count")).toHaveText("Showing 1–1 of 1 change.");

  await page.goto("/editor/audit?entity=published_score&pageSize=2");
  await expect(page.getByTestId("audit").locator("> li")).toHaveCount(2);
  await page.getByTestId("pagination").getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/entity=published_score&pageSize=2&page=2/);
  await expect(page.getByTestId("audit-count")).toContainText("Showing 3–4 of");

  await page.goto("/editor/audit?from=2999-01-01");
  await expect(page.getByTestId("audit-count")).toHaveText("No changes.");
  await page.goto("/editor/audit?from=yesterday");
  await expect(page.getByRole("status").filter({ hasText: "from:" })).toContainText("is not a date");
});

test("an editor sets the coverage threshold on the editor page; the public marking follows at once", async ({ page }) => {
  await signIn(page, EDITOR, "/editor");
  const setTo = async (percent: string) => {
    const form = page.getByTestId("min-coverage");
    await form.getByLabel("Least coverage of a complete round (%)").fill(percent);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toContainText(`${percent}%`);
  };
  await setTo(LOWER_THRESHOLD);
  await page.goto(publicView);
  await expect(page.getByRole("heading", { name: `Latest round in view: ${ROUND.name}` })).not.toContainText("Preliminary");
  await expect(page.getByTestId("headline-preliminary")).toHaveCount(0);
  expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'settings.min_coverage'")).toBeGreaterThanOrEqual(1);

  await page.goto("/editor");
  await setTo("60");
  await page.goto(publicView);
  await expect(page.getByRole("heading", { name: `Latest round in view: ${ROUND.name}` })).toContainText("Preliminary");
});

test("after signing in an editor lands on the editor page and a reviewer on the review queue; a requested page still wins", async ({ browser }) => {
  const reviewer = { name: `Landing Reviewer ${run}`, email: `landing-${run}@example.org`, password: "landing-password-1" };
  const editor = await browser.newPage();
  await signIn(editor, EDITOR, "/editor/users");
  const form = editor.getByTestId("new-user");
  await form.getByLabel("Name").fill(reviewer.name);
  await form.getByLabel("Email").fill(reviewer.email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill(reviewer.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText("Created the reviewer account");
  await editor.context().close();

  for (const [account, landing] of [
    [EDITOR, "/editor"],
    [reviewer, "/review"],
  ] as const) {
    const page = await browser.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${landing}$`));
    await page.context().close();
  }
  const page = await browser.newPage();
  await signIn(page, EDITOR, "/editor/audit");
  await expect(page).toHaveURL(/\/editor\/audit$/);
  await page.context().close();
});
