import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";
import { createReviewerAccount, EDITOR, pageAs } from "./session-helpers";

// A reviewer scoring a round: the form keeps every word through saves and refusals, the queue
// filters and walks, and a benchmark whose status did not change takes at most two actions.
// Each test has a reviewer of its own, so each starts with a whole round to score.
const ROUND = { slug: "upr-china-2018", name: "China's Universal Periodic Review, 2018" };
const PREVIOUS_ROUND = "hrc-37";
const run = Date.now().toString(36);

// One editor session per worker creates every test's reviewer: signing the editor in for each test
// would spend the editor account's sign-in allowance that other specs need.
const test = base.extend<{ newReviewer: (label: string) => Promise<{ name: string; email: string; password: string }> }, { editor: Page }>({
  editor: [
    async ({ browser }, provide) => {
      const page = await pageAs(browser, EDITOR, "/editor/users");
      await provide(page);
      await page.context().close();
    },
    { scope: "worker" },
  ],
  newReviewer: async ({ editor }, provide) => provide((label) => createReviewerAccount(editor, label, run)),
});
test.describe.configure({ timeout: 90_000 });

interface StoredAssessment {
  id: number;
  benchmark: string;
  status: string;
  rationale: string;
  isDemo: number;
  publicRecord: number;
}

function assessmentsOf(email: string): Promise<StoredAssessment[]> {
  return readRows<StoredAssessment>(
    E2E_WORKFLOW_DATABASE_PATH,
    `SELECT a.id, b.slug AS benchmark, a.status, a.rationale, a.is_demo AS isDemo, a.public_record AS publicRecord FROM assessments a
       JOIN benchmarks b ON b.id = a.benchmark_id JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.reviewer_id
      WHERE u.email = ? AND r.slug = ? ORDER BY a.id`,
    email,
    ROUND.slug,
  );
}

function evidenceOf(assessmentId: number) {
  return readRows<{ url: string; title: string; publishedOn: string | null }>(
    E2E_WORKFLOW_DATABASE_PATH,
    "SELECT url, title, published_on AS publishedOn FROM evidence_links WHERE assessment_id = ? ORDER BY id",
    assessmentId,
  );
}

async function publishedStatus(benchmark: string, round: string): Promise<string> {
  const [row] = await readRows<{ status: string }>(
    E2E_WORKFLOW_DATABASE_PATH,
    "SELECT ps.status FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id WHERE b.slug = ? AND r.slug = ?",
    benchmark,
    round,
  );
  return row!.status;
}

async function queueOrder(page: Page): Promise<string[]> {
  await page.goto(`/review/${ROUND.slug}?show=all`);
  return page.getByTestId("queue").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-benchmark")!));
}

const saved = (page: Page) => page.getByRole("status").filter({ hasText: "Saved" });

test("save, edit one field, save again: the form shows what was saved each time, and the database holds both", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("cycle");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-liu-xia`);
  await page.getByRole("radio", { name: "Partial", exact: true }).check();
  await page.getByLabel("Rationale").fill("Allowed to leave for Germany in July; still watched.");
  await page.getByLabel("Address 1").fill("https://example.org/liu-xia-leaves");
  await page.getByLabel("Title 1").fill("Liu Xia leaves China");
  await page.getByLabel("Date 1").fill("2018-07-10");
  await page.getByRole("checkbox", { name: /^Rests on public record/ }).check();
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(page)).toBeVisible();
  await expect.poll(async () => (await assessmentsOf(reviewer.email)).length).toBe(1);
  await expect(page.getByRole("checkbox", { name: /^Rests on public record/ })).toBeChecked();

  // The form holds exactly what was saved.
  await expect(page.getByRole("radio", { name: "Partial", exact: true })).toBeChecked();
  await expect(page.getByLabel("Rationale")).toHaveValue("Allowed to leave for Germany in July; still watched.");
  await expect(page.getByLabel("Address 1")).toHaveValue("https://example.org/liu-xia-leaves");
  await expect(page.getByLabel("Title 1")).toHaveValue("Liu Xia leaves China");
  await expect(page.getByLabel("Date 1")).toHaveValue("2018-07-10");

  // One field changed: the second save keeps the others as they were.
  await page.getByLabel("Rationale").fill("Allowed to leave for Germany in July 2018; her brother stays behind.");
  await page.getByRole("checkbox", { name: /^Rests on public record/ }).uncheck();
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect.poll(async () => (await assessmentsOf(reviewer.email)).length).toBe(2);
  await expect(page.getByLabel("Rationale")).toHaveValue("Allowed to leave for Germany in July 2018; her brother stays behind.");
  await expect(page.getByLabel("Address 1")).toHaveValue("https://example.org/liu-xia-leaves");

  const [first, second] = await assessmentsOf(reviewer.email);
  expect(first).toMatchObject({ status: "partial", rationale: "Allowed to leave for Germany in July; still watched.", publicRecord: 1 });
  expect(second).toMatchObject({ status: "partial", rationale: "Allowed to leave for Germany in July 2018; her brother stays behind.", isDemo: 0, publicRecord: 0 });
  for (const row of [first!, second!]) {
    expect(await evidenceOf(row.id)).toEqual([{ url: "https://example.org/liu-xia-leaves", title: "Liu Xia leaves China", publishedOn: "2018-07-10" }]);
  }
  await page.reload();
  await expect(page.getByLabel("Rationale")).toHaveValue("Allowed to leave for Germany in July 2018; her brother stays behind.");
  await expect(page.getByRole("radio", { name: "Partial", exact: true })).toBeChecked();
  await page.context().close();
});

test("a refused save keeps every field, with the error beside the field it concerns", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("refused");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-gui-minhai`);
  await page.getByRole("radio", { name: "Not met", exact: true }).check();
  await page.getByLabel("Rationale").fill("Taken off a train in January and held again.");
  await page.getByLabel("Address 1").fill("example.org/gui-minhai");
  await page.getByLabel("Title 1").fill("Gui Minhai detained again");
  await page.getByLabel("Date 1").fill("2018-01-20");
  await page.getByRole("button", { name: "Save score", exact: true }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Not met", exact: true })).toBeChecked();
  await expect(page.getByLabel("Rationale")).toHaveValue("Taken off a train in January and held again.");
  await expect(page.getByLabel("Address 1")).toHaveValue("example.org/gui-minhai");
  await expect(page.getByLabel("Title 1")).toHaveValue("Gui Minhai detained again");
  await expect(page.getByLabel("Date 1")).toHaveValue("2018-01-20");
  await expect(page.getByLabel("Address 1")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Address 1")).toHaveAccessibleDescription(/http/);
  await expect(page.getByLabel("Rationale")).not.toHaveAttribute("aria-invalid", "true");
  expect(await assessmentsOf(reviewer.email)).toEqual([]);

  await page.getByLabel("Address 1").fill("https://example.org/gui-minhai");
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(page)).toBeVisible();
  await expect(page.getByLabel("Address 1")).not.toHaveAttribute("aria-invalid", "true");
  const rows = await assessmentsOf(reviewer.email);
  expect(rows).toMatchObject([{ status: "not_met", rationale: "Taken off a train in January and held again." }]);
  expect(await evidenceOf(rows[0]!.id)).toEqual([{ url: "https://example.org/gui-minhai", title: "Gui Minhai detained again", publishedOn: "2018-01-20" }]);
  await page.context().close();
});

test("starting from the previous round's score takes its status but not its demo rationale, and says it was demo", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("prefill");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-wang-quanzhang`);
  await expect(page.getByTestId("previous-score")).toContainText("demo");
  await page.getByRole("button", { name: "Start from the previous round's score" }).click();
  const status = await publishedStatus("release-wang-quanzhang", PREVIOUS_ROUND);
  await expect(page.locator(`input[name=status][value=${status}]`)).toBeChecked();
  await expect(page.getByLabel("Rationale")).not.toHaveValue(/Demo score/);
  await expect(page.getByLabel("Rationale")).toHaveValue(/Carried forward unchanged from Human Rights Council, 37th session/);
  await page.context().close();
});

test("a form opened before a save elsewhere keeps its text, shows the score saved meanwhile, and replaces it only when sent again", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("stale");
  const first = await pageAs(browser, reviewer, `/review/${ROUND.slug}/end-rsdl`);
  const second = await first.context().newPage();
  await second.goto(`/review/${ROUND.slug}/end-rsdl`);
  await first.getByRole("radio", { name: "Not met", exact: true }).check();
  await first.getByLabel("Rationale").fill("Still used against lawyers, first window.");
  await first.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(first)).toBeVisible();

  await second.getByRole("radio", { name: "Regressed", exact: true }).check();
  await second.getByLabel("Rationale").fill("Used more widely than before, second window.");
  await second.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(second.getByRole("alert").filter({ hasText: "after you opened the form" })).toBeFocused();
  await expect(second.getByTestId("saved-meanwhile")).toContainText("Still used against lawyers, first window.");
  await expect(second.getByRole("radio", { name: "Regressed", exact: true })).toBeChecked();
  await expect(second.getByLabel("Rationale")).toHaveValue("Used more widely than before, second window.");
  expect((await assessmentsOf(reviewer.email)).map((r) => r.rationale)).toEqual(["Still used against lawyers, first window."]);

  await second.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(second)).toBeVisible();
  expect((await assessmentsOf(reviewer.email)).map((r) => r.status)).toEqual(["not_met", "regressed"]);
  await first.context().close();
});

test("a score can carry any number of evidence links, added and removed with buttons", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("links");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-yu-wensheng`);
  await page.getByRole("radio", { name: "Not met", exact: true }).check();
  await page.getByLabel("Rationale").fill("Tried in secret; no verdict announced.");
  for (const n of [1, 2, 3, 4]) {
    if (n > 1) {
      await page.getByRole("button", { name: "Add another link" }).click();
      await expect(page.getByLabel(`Address ${n}`)).toBeFocused();
    }
    await page.getByLabel(`Address ${n}`).fill(`https://example.org/yu-${n}`);
    await page.getByLabel(`Title ${n}`).fill(`Report ${n}`);
  }
  await page.getByRole("button", { name: "Remove link 2" }).click();
  await expect(page.getByLabel("Address 4")).toHaveCount(0);
  await expect(page.getByLabel("Address 2")).toHaveValue("https://example.org/yu-3");
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(page)).toBeVisible();
  await expect(page.getByLabel("Address 3")).toHaveValue("https://example.org/yu-4");
  const [row] = await assessmentsOf(reviewer.email);
  expect((await evidenceOf(row!.id)).map((e) => e.title)).toEqual(["Report 1", "Report 3", "Report 4"]);
  await page.context().close();
});

test("save and next walks the queue, skipping what is scored; an unchanged benchmark takes two actions", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("walk");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}`);
  const order = await queueOrder(page);
  // The second in the queue is scored first: the walk must step over it.
  await page.goto(`/review/${ROUND.slug}/${order[1]}`);
  await page.getByRole("radio", { name: "Unknown", exact: true }).check();
  await page.getByLabel("Rationale").fill("Nothing reported either way this round.");
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(page)).toBeVisible();

  await page.goto(`/review/${ROUND.slug}/${order[0]}`);
  await page.getByRole("radio", { name: "Not met", exact: true }).check();
  await page.getByLabel("Rationale").fill("No step towards this demand by this round.");
  await page.getByRole("button", { name: "Save and go to the next unscored benchmark" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${ROUND.slug}/${order[2]}`));
  await expect(page.getByRole("status").filter({ hasText: "Saved your score" })).toBeFocused();

  // Two actions for a benchmark whose status did not change.
  await page.getByRole("button", { name: "Start from the previous round's score" }).click();
  await page.getByRole("button", { name: "Save and go to the next unscored benchmark" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${ROUND.slug}/${order[3]}`));

  const rows = await assessmentsOf(reviewer.email);
  expect(rows.map((r) => r.benchmark)).toEqual([order[1], order[0], order[2]]);
  expect(rows[2]).toMatchObject({ status: await publishedStatus(order[2]!, PREVIOUS_ROUND), isDemo: 0 });
  expect(rows[2]!.rationale).toMatch(/^Carried forward unchanged from Human Rights Council, 37th session/);
  expect(rows[2]!.rationale).not.toMatch(/Demo score/);
  await page.context().close();
});

test("the queue filters to score, scored and disagreements, shows the previous round's status, and reveals no one else's score before this reviewer's", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("filters");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}`);
  const benchmark = "release-xu-zhiyong";
  const row = () => page.getByTestId("queue").locator(`[data-benchmark=${benchmark}]`);
  const othersStatus = await publishedStatus(benchmark, ROUND.slug);
  const different = othersStatus === "met" ? "not_met" : "met";

  await page.goto(`/review/${ROUND.slug}?show=to-score`);
  await expect(row()).toBeVisible();
  await expect(row().getByTestId("previous-status").locator("[data-status]")).toHaveAttribute("data-status", await publishedStatus(benchmark, PREVIOUS_ROUND));
  await expect(page.getByText(/score blind/)).toBeVisible();
  await page.goto(`/review/${ROUND.slug}?show=disagreements`);
  await expect(page.getByTestId("queue").locator("tbody tr")).toHaveCount(0);
  // Before this reviewer scores, neither the queue nor the form names another reviewer's score.
  for (const path of [`/review/${ROUND.slug}?show=all`, `/review/${ROUND.slug}/${benchmark}`]) {
    await page.goto(path);
    await expect(page.locator("body")).not.toContainText("Demo reviewer");
  }

  await page.goto(`/review/${ROUND.slug}/${benchmark}`);
  await page.locator(`input[name=status][value=${different}]`).check();
  await page.getByLabel("Rationale").fill("Read differently from the others on purpose.");
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(page)).toBeVisible();

  await page.goto(`/review/${ROUND.slug}?show=to-score`);
  await expect(row()).toHaveCount(0);
  await page.goto(`/review/${ROUND.slug}?show=scored`);
  await expect(page.getByTestId("queue").locator("tbody tr")).toHaveCount(1);
  await expect(row().getByTestId("my-status").locator("[data-status]")).toHaveAttribute("data-status", different);
  // A scored benchmark cannot be ticked for carrying forward: that never replaces a score of the reviewer's.
  await expect(row().getByRole("checkbox")).toHaveCount(0);
  await page.goto(`/review/${ROUND.slug}?show=disagreements`);
  await expect(page.getByTestId("queue").locator("tbody tr")).toHaveCount(1);
  await expect(row()).toContainText("Demo reviewer A");
  await page.context().close();
});

test("bulk carry-forward scores the chosen benchmarks from the previous round, skipping one scored since the page was opened", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("bulk");
  const queue = await pageAs(browser, reviewer, `/review/${ROUND.slug}?show=to-score`);
  const chosen = ["release-guo-feixiong", "close-black-jails", "release-tashi-wangchuk"];
  const scoredMeanwhile = chosen[2]!;

  // Another tab scores one of them after the queue was opened.
  const other = await queue.context().newPage();
  await other.goto(`/review/${ROUND.slug}/${scoredMeanwhile}`);
  await other.getByRole("radio", { name: "Met", exact: true }).check();
  await other.getByLabel("Rationale").fill("Scored by hand in another tab.");
  await other.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(saved(other)).toBeVisible();

  for (const slug of chosen) await queue.getByTestId("queue").locator(`[data-benchmark=${slug}]`).getByRole("checkbox").check();
  await queue.getByRole("button", { name: "Carry forward unchanged from the previous round" }).click();
  const result = queue.getByTestId("carry-forward-result");
  await expect(result).toContainText("Carried forward 2");
  await expect(result).toContainText("Skipped 1");
  await expect(result).toContainText("Release Tashi Wangchuk");

  const rows = await assessmentsOf(reviewer.email);
  expect(rows.map((r) => r.benchmark).sort()).toEqual([...chosen].sort());
  for (const slug of chosen.slice(0, 2)) {
    const row = rows.find((r) => r.benchmark === slug)!;
    expect(row.status).toBe(await publishedStatus(slug, PREVIOUS_ROUND));
    expect(row.rationale).toMatch(/^Carried forward unchanged from Human Rights Council, 37th session/);
    expect(row.rationale).not.toMatch(/Demo score/);
    expect(row.isDemo).toBe(0);
  }
  expect(rows.filter((r) => r.benchmark === scoredMeanwhile)).toMatchObject([{ status: "met", rationale: "Scored by hand in another tab." }]);
  // The carried benchmarks leave the "to score" list.
  await expect(queue.getByTestId("queue").locator(`[data-benchmark=${chosen[0]}]`)).toHaveCount(0);
  await queue.context().close();
});

test("a reviewer scores one benchmark with the keyboard alone, and focus lands on the confirmation", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("keys");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-pu-zhiqiang`);
  const focused = () => page.evaluate(() => ({ name: document.activeElement?.getAttribute("name") ?? "", label: document.activeElement?.textContent ?? "" }));
  async function tabTo(name: string) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if ((await focused()).name === name) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }
  await tabTo("status");
  // Arrow keys move through the status radios and check the one they land on.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Partial", exact: true })).toBeChecked();
  await tabTo("rationale");
  await page.keyboard.type("Released in August but still watched; no licence to practise.");
  await tabTo("evidenceUrl[]");
  await page.keyboard.type("https://example.org/pu-zhiqiang");
  await tabTo("evidenceTitle[]");
  await page.keyboard.type("Pu Zhiqiang under watch");
  await tabTo("afterSave");
  expect((await focused()).label).toContain("Save score");
  await page.keyboard.press("Enter");
  await expect(saved(page)).toBeFocused();
  const rows = await assessmentsOf(reviewer.email);
  expect(rows).toMatchObject([{ status: "partial", rationale: "Released in August but still watched; no licence to practise." }]);
  expect(await evidenceOf(rows[0]!.id)).toMatchObject([{ url: "https://example.org/pu-zhiqiang", title: "Pu Zhiqiang under watch" }]);
  await page.context().close();
});

test("the editor's forms mark a refused field as invalid and point to its message", async ({ editor }) => {
  await editor.goto("/editor/users");
  const form = editor.getByTestId("new-user");
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription(/valid email/);
  await expect(form.getByLabel("Email")).toHaveValue("not-an-email");
});

test("the queue and the score form, with errors and the carry-forward result showing, have no axe-core violations", async ({ browser, newReviewer }) => {
  const reviewer = await newReviewer("axe");
  const page = await pageAs(browser, reviewer, `/review/${ROUND.slug}/release-liu-xia`);
  const violations = async () =>
    (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  await page.getByLabel("Address 1").fill("not a link");
  await page.getByRole("button", { name: "Save score", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  // One answer names every problem: the bad link along with the missing status and rationale.
  await expect(page.getByLabel("Address 1")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("radiogroup", { name: "Status" })).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/score-form-refused.png", fullPage: true });
  expect(await violations()).toEqual([]);

  await page.goto(`/review/${ROUND.slug}?show=to-score`);
  await page.getByRole("button", { name: "Carry forward unchanged from the previous round" }).click();
  await expect(page.getByTestId("carry-forward-result")).toContainText("at least one");
  await expect(page.getByTestId("carry-forward-result")).toBeFocused();
  await page.screenshot({ path: "test-results/review-queue.png", fullPage: true });
  expect(await violations()).toEqual([]);
  await page.context().close();
});
