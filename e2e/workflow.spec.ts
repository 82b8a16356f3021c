import { expect, test } from "@playwright/test";
import { E2E_WORKFLOW_DATABASE_PATH, readCount } from "./test-database";
import { EDITOR, pageAs, signIn } from "./session-helpers";

// The whole loop on one round, in order: the editor sets up people and a round, two reviewers score
// it with one disagreement, the editor resolves it and publishes, and the public sees the result.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const REVIEWERS = [
  { name: "Rita Reviewer", email: `rita-${run}@example.org`, password: "rita-password-1" },
  { name: "Sam Scorer", email: `sam-${run}@example.org`, password: "sam-password-12" },
];
const ROUND = { slug: "hrc-40", name: "Human Rights Council, 40th session" };
const count = (sql: string, ...params: unknown[]) => readCount(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);

test("an editor creates two reviewer accounts and a new round", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/users");
  for (const reviewer of REVIEWERS) {
    const form = page.getByTestId("new-user");
    await form.getByLabel("Name").fill(reviewer.name);
    await form.getByLabel("Email").fill(reviewer.email);
    await form.getByLabel("Role").selectOption("reviewer");
    await form.getByLabel("Initial password").fill(reviewer.password);
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("status")).toContainText(`Created the reviewer account for ${reviewer.email}`);
  }
  await expect(page.getByTestId("accounts")).toContainText(REVIEWERS[1]!.email);

  await page.goto("/editor");
  const form = page.getByTestId("new-round");
  await form.getByLabel("Track").selectOption("un-hrc");
  await form.getByLabel("Name").fill(ROUND.name);
  await form.getByLabel("Short identifier for the address").fill(ROUND.slug);
  await form.getByLabel("Location").fill("Geneva");
  await form.getByLabel("Start date").fill("2019-02-25");
  await form.getByLabel("End date (optional)").fill("2019-03-22");
  await form.getByLabel("How precise the dates are").selectOption("day");
  await form.getByLabel("Scoring deadline (optional)").fill("2019-04-30");
  await form.getByRole("button", { name: "Add round" }).click();
  await expect(form.getByRole("status")).toContainText(`Created the round ${ROUND.name}`);
  expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('user.create', 'round.create')")).toBeGreaterThanOrEqual(3);
});

test("two reviewers score the round, disagreeing on one benchmark", async ({ browser }) => {
  const scores = [
    { "release-wang-quanzhang": ["partial", "Moved from secret detention to a formal trial; still held."], "release-gui-minhai": ["met", "Freed and allowed to leave, by this reviewer's reading."] },
    { "release-wang-quanzhang": ["partial", "Formally tried; not released: partial at most."], "release-gui-minhai": ["not_met", "Still detained, by this reviewer's reading."] },
  ] as const;
  for (const [i, reviewer] of REVIEWERS.entries()) {
    const page = await pageAs(browser, reviewer);
    await page.getByTestId("review-rounds").getByRole("link", { name: ROUND.name }).click();
    await expect(page.getByTestId("todo-count")).toContainText("still to score");
    await expect(page.getByText("scoring closes 2019-04-30")).toBeVisible();
    const labels: Record<string, string> = { met: "Met", partial: "Partial", not_met: "Not met" };
    for (const [slug, [status, rationale]] of Object.entries(scores[i]!) as Array<[string, readonly [string, string]]>) {
      await page.goto(`/review/${ROUND.slug}/${slug}`);
      if (i === 0 && slug === "release-wang-quanzhang") {
        // The previous round's published score is offered as a starting point.
        await page.getByRole("button", { name: "Start from the previous round's score" }).click();
        await expect(page.getByLabel("Rationale")).not.toHaveValue("");
      }
      await page.getByRole("radio", { name: labels[status], exact: true }).check();
      await page.getByLabel("Rationale").fill(rationale);
      await page.getByLabel("Address 1").fill("https://example.org/report");
      await page.getByLabel("Title 1").fill("A public report");
      await page.getByRole("button", { name: "Save score" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    }
    await page.goto(`/review/${ROUND.slug}`);
    await expect(page.locator("[data-benchmark=release-gui-minhai] [data-testid=my-status] [data-status]")).toHaveAttribute("data-status", scores[i]!["release-gui-minhai"][0]);
    await page.context().close();
  }
  expect(await count("SELECT COUNT(*) AS n FROM assessments a JOIN rounds r ON r.id = a.round_id WHERE r.slug = ?", ROUND.slug)).toBe(4);
});

test("a reviewer cannot reach publishing", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWERS[0]!, `/editor/rounds/${ROUND.slug}`);
  await expect(page.getByRole("heading", { name: "Editors only" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish this round" })).toHaveCount(0);
  await page.context().close();
  expect(await count("SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE r.slug = ?", ROUND.slug)).toBe(0);
});

test("the editor resolves the disagreement, publishes, and the public dashboard shows the new round", async ({ page }) => {
  // The public answers are cached before publishing: publishing must replace them, not just fill an empty cache.
  const summaryRounds = async () => ((await (await page.request.get("/api/v1/summary")).json()) as { rounds: Array<{ round: string }> }).rounds.map((r) => r.round);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Latest round in view/ })).not.toContainText(ROUND.name);
  expect(await summaryRounds()).not.toContain(ROUND.slug);

  await signIn(page, EDITOR, `/editor/rounds/${ROUND.slug}`);
  await expect(page.getByTestId("summary-agreed")).toHaveText("1");
  await expect(page.getByTestId("summary-disagreements")).toHaveText("1");
  await expect(page.getByTestId("summary-percent-agreement")).toHaveText("50%");

  const dispute = page.getByTestId("disagreements").locator("[data-benchmark=release-gui-minhai]");
  await expect(dispute).toContainText("Still detained, by this reviewer's reading.");
  await expect(dispute).toContainText("Freed and allowed to leave, by this reviewer's reading.");
  await dispute.getByRole("radio", { name: "Sam Scorer: Not met" }).check();
  await dispute.getByLabel("Note on the decision (optional)").fill("Public reporting confirms he is still held.");
  await dispute.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("summary-disagreements")).toHaveText("0");
  await expect(page.getByTestId("summary-decided-by-you")).toHaveText("1");

  const publish = page.getByTestId("publish");
  await publish.getByRole("button", { name: "Publish this round" }).click();
  await expect(publish.getByRole("alert")).toContainText("Nothing was saved");
  await publish.getByLabel("I have checked the scores and want to publish them.").check();
  // 2 of some 50 benchmarks judged: the round is published as preliminary, which the editor accepts.
  await expect(page.getByTestId("preliminary-warning")).toBeVisible();
  await publish.getByLabel(/marked preliminary/).check();
  await publish.getByRole("button", { name: "Publish this round" }).click();
  await expect(publish.getByRole("status")).toContainText("Published Human Rights Council, 40th session: 2 scores");

  // partial (0.5) + not met (0) over 2 judged = 25.0
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Latest round in view: ${ROUND.name}` })).toBeVisible();
  await expect(page.getByTestId("headline-index").locator("[data-value]")).toHaveText("25.0");
  await expect(page.getByTestId("round-table").locator(`[data-round=${ROUND.slug}]`)).toBeVisible();
  expect(await summaryRounds()).toContain(ROUND.slug);
  await page.goto("/benchmarks/release-gui-minhai#round-hrc-40");
  await expect(page.locator("#round-hrc-40")).toContainText("Still detained, by this reviewer's reading.");
  await expect(page.locator("#round-hrc-40")).toContainText("Decided by an editor");
  await expect(page.locator("#round-hrc-40").getByRole("link", { name: /A public report/ })).toHaveAttribute("rel", "noopener noreferrer");
});

test("a stale form is refused with a conflict message, and nothing is overwritten", async ({ browser }) => {
  const first = await pageAs(browser, REVIEWERS[0]!, `/review/${ROUND.slug}/release-yu-wensheng`);
  const second = await first.context().newPage();
  await second.goto(`/review/${ROUND.slug}/release-yu-wensheng`);
  for (const [page, rationale] of [[first, "Still held, first tab."], [second, "Still held, second tab."]] as const) {
    await page.getByRole("radio", { name: "Not met", exact: true }).check();
    await page.getByLabel("Rationale").fill(rationale);
    await page.getByRole("button", { name: "Save score" }).click();
  }
  await expect(first.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(second.getByRole("alert").filter({ hasText: "changed" })).toContainText("after you opened the form. Nothing was saved");
  expect(await count("SELECT COUNT(*) AS n FROM assessments a JOIN benchmarks b ON b.id = a.benchmark_id JOIN rounds r ON r.id = a.round_id WHERE r.slug = ? AND b.slug = 'release-yu-wensheng'", ROUND.slug)).toBe(1);
  await first.context().close();
});

test("bad input gets field errors and saves nothing", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWERS[1]!, `/review/${ROUND.slug}/release-tashi-wangchuk`);
  // This reviewer's assessments only: other workflow specs save scores on the same server meanwhile.
  const mine = "SELECT COUNT(*) AS n FROM assessments WHERE reviewer_id = (SELECT id FROM users WHERE email = ?)";
  const before = await count(mine, REVIEWERS[1]!.email);
  await page.getByLabel("Rationale").fill("short");
  await page.getByLabel("Address 1").fill("javascript:alert(1)");
  await page.getByLabel("Title 1").fill("x");
  await page.getByRole("button", { name: "Save score" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("Choose a status.")).toBeVisible();
  await expect(page.getByText(/at least 10 characters/)).toBeVisible();
  expect(await count(mine, REVIEWERS[1]!.email)).toBe(before);
  await page.context().close();
});

test("workspace pages send a visitor without a session to sign in, and a wrong password is refused", async ({ page }) => {
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freview$/);
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("an editor retires a benchmark and hides a person; the public pages follow", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/reference");
  const retire = page.getByTestId("retire");
  await retire.getByLabel("Benchmark").selectOption("release-tang-jingling");
  await retire.getByLabel("Retired from").fill("2019-01-01");
  await retire.getByLabel("Reason").fill("Released at the end of his sentence.");
  await retire.getByRole("button", { name: "Retire" }).click();
  await expect(retire.getByRole("status")).toContainText("Retired");

  const hide = page.getByTestId("confidentiality");
  await hide.getByLabel("Benchmark, person or law").selectOption("subject:zhu-yufu");
  await hide.getByRole("radio", { name: "Confidential" }).check();
  await hide.getByRole("button", { name: "Apply" }).click();
  await expect(hide.getByRole("status")).toContainText("Marked confidential.");
  await expect(hide.getByRole("status")).toContainText("now show as “[name withheld]” in every public text");

  await page.goto("/benchmarks/release-tang-jingling");
  await expect(page.getByTestId("retired")).toContainText("Released at the end of his sentence.");
  await expect(page.getByTestId("timeline").locator("#round-hrc-40")).toHaveCount(0);
  expect((await page.goto("/people/zhu-yufu"))?.status()).toBe(404);
  // A public demand about a hidden person would name them: it is hidden with them.
  expect((await page.goto("/benchmarks/medical-parole-zhu-yufu"))?.status()).toBe(404);
  await page.goto("/people");
  await expect(page.getByTestId("subject-list")).not.toContainText("Zhu Yufu");
  // The 2015 editorial's summary named him among four sick prisoners: the name is withheld there too.
  await page.goto("/statements/rdn-2015-editorial");
  await expect(page.getByText("(Gao Yu, Wang Bingzhang, Chen Xi, [name withheld])")).toBeVisible();
  expect(await page.content()).not.toContain("Zhu Yufu");
  // The entries for these two changes: other workflow specs retire benchmarks of their own meanwhile.
  expect(
    await count(
      `SELECT COUNT(*) AS n FROM audit_log
        WHERE (action = 'benchmark.retire' AND entity_id = (SELECT CAST(id AS TEXT) FROM benchmarks WHERE slug = 'release-tang-jingling'))
           OR (action = 'subject.confidentiality' AND entity_id = (SELECT CAST(id AS TEXT) FROM subjects WHERE slug = 'zhu-yufu'))`,
    ),
  ).toBe(2);
});

test("a reviewer adds a statement, confirms one demand as a benchmark and adds a repeat to an existing one; an editor approves them", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWERS[0]!, "/review/statements/new");
  const form = page.getByTestId("new-statement");
  const title = `Joint letter before the 40th session ${run}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Kind").selectOption("ngo_joint_letter");
  await form.getByLabel("Date", { exact: true }).fill("2019-01-15");
  await form.getByLabel("Date known to the").selectOption("day");
  await form.getByLabel("Publishing organisations").fill("Group for Tests, Another Group");
  await form.getByLabel("Round it addresses").selectOption(ROUND.slug);
  await form.getByLabel("Full text (pasted; kept in the workspace, not published)").fill(
    "We ask the Council to act:\n\n1. China should end Liu Xia's house arrest and let her go free at once.\n2. The authorities must allow independent journalists into Tibetan areas without escorts.\n",
  );
  await form.getByRole("button", { name: "Save and find demands" }).click();
  await expect(page).toHaveURL(/\/review\/statements\/joint-letter-before-the-40th-session/);
  await expect(page.getByTestId("candidates").locator("> li")).toHaveCount(2);

  const newDemand = page.locator("[data-candidate='1']");
  const newTitle = `Journalists can enter Tibetan areas freely ${run}`;
  await newDemand.getByLabel("Benchmark title, in plain words").fill(newTitle);
  await newDemand.getByLabel("Category").selectOption("international-access-and-accountability");
  await newDemand.getByRole("button", { name: "Create benchmark" }).click();
  await expect(newDemand.getByTestId("confirmed")).toContainText(`Confirmed → ${newTitle}`);

  const repeat = page.locator("[data-candidate='0']");
  await expect(repeat.getByLabel("Benchmark", { exact: true })).toHaveValue("");
  await repeat.getByLabel("Benchmark", { exact: true }).selectOption("release-liu-xia");
  await repeat.getByRole("button", { name: "Add as a source" }).click();
  await expect(repeat.getByTestId("confirmed")).toContainText("Confirmed → End Liu Xia's house arrest");
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  await page.context().close();

  // A reviewer's statement is public once an editor approves it, and its link to the existing benchmark once that is approved too.
  const editor = await pageAs(browser, EDITOR, "/editor/drafts");
  await editor.locator(`[data-statement=${slug}]`).getByRole("button", { name: "Approve statement" }).click();
  await expect(editor.locator(`[data-statement=${slug}]`)).toHaveCount(0);
  const link = editor.locator(`[data-source="release-liu-xia@${slug}"]`);
  await link.getByRole("button", { name: "Approve source" }).click();
  await expect(editor.locator(`[data-source="release-liu-xia@${slug}"]`)).toHaveCount(0);
  await editor.goto("/benchmarks/release-liu-xia");
  await expect(editor.getByRole("link", { name: title })).toBeVisible();
  await editor.context().close();
});
