import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, pageAs, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readCount, readRows } from "./test-database";

// What a reviewer adds is a draft: their statement and its benchmarks reach no public page, API answer
// or export until an editor approves them; a rejected statement stays hidden and the reviewer reads
// why. Confirming a candidate twice (two submissions at once, a stale second tab, a reload) makes one
// benchmark, and the statement page remembers what each candidate became.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const REVIEWER = { name: "Dana Drafter", email: `dana-${run}@example.org`, password: "dana-password-1" };
const KEPT = { title: `Letter during the 37th session ${run}`, slug: "" };
const REFUSED = { title: `Letter to be refused ${run}`, slug: "" };
const NEW_TITLE = `Journalists enter Tibetan areas freely ${run}`;
const THIRD_TITLE = `Administrative detention figures published ${run}`;
const REASON = `It repeats a letter we already track (${run}).`;
const count = (sql: string, ...params: unknown[]) => readCount(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);
const benchmarksTitled = (title: string) => count("SELECT COUNT(*) AS n FROM benchmarks WHERE title = ?", title);
const slugOf = async (title: string) => (await readRows<{ slug: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT slug FROM benchmarks WHERE title = ?", title))[0]!.slug;

/** What the public gets for a statement: its page, the list, the API and the exports. */
async function publicView(request: APIRequestContext, slug: string, title: string) {
  const page = await request.get(`/statements/${slug}`);
  const list = await (await request.get("/statements")).text();
  const api = await (await request.get("/api/v1/statements?pageSize=500")).text();
  const csv = await request.get(`/exports/scores.csv?statement=${slug}`);
  return { page: page.status(), inList: list.includes(title), inApi: api.includes(slug), csv: csv.status() };
}

async function addStatement(page: Page, title: string, text: string) {
  await page.goto("/review/statements/new");
  const form = page.getByTestId("new-statement");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Kind").selectOption("government_statement");
  await form.getByLabel("Date", { exact: true }).fill("2018-03-05");
  await form.getByLabel("Date known to the").selectOption("day");
  await form.getByLabel("Publishing organisations").fill(`Drafting Group ${run}`);
  await form.getByLabel("Round it addresses").selectOption("hrc-37");
  await form.getByLabel("Full text (pasted; kept in the workspace, not published)").fill(text);
  await form.getByRole("button", { name: "Save and find demands" }).click();
  await expect(page).toHaveURL(/\/review\/statements\/letter-[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an editor creates a reviewer account", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/users");
  const form = page.getByTestId("new-user");
  await form.getByLabel("Name").fill(REVIEWER.name);
  await form.getByLabel("Email").fill(REVIEWER.email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill(REVIEWER.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created the reviewer account for ${REVIEWER.email}`);
});

test("the statement kinds include government statement", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWER, "/review/statements/new");
  await expect(page.getByTestId("new-statement").getByLabel("Kind").locator("option", { hasText: "Government statement" })).toHaveCount(1);
  await page.context().close();
});

test("a reviewer's statement is a draft: no public page, list, API answer or export names it", async ({ browser, request }) => {
  const page = await pageAs(browser, REVIEWER, "/review/statements/new");
  KEPT.slug = await addStatement(
    page,
    KEPT.title,
    "We ask the Council to act:\n\n1. China should end Liu Xia's house arrest and let her go free at once.\n2. The authorities must allow independent journalists into Tibetan areas without escorts.\n3. The government should publish the number of people held in administrative detention.\n",
  );
  await expect(page.getByTestId("statement-review-state")).toContainText("Draft, awaiting an editor");
  await expect(page.getByTestId("candidates").locator("> li")).toHaveCount(3);

  // The round the statement addresses is offered first and chosen, though it began before the letter's date.
  const applies = page.locator("[data-candidate='1']").getByLabel("Applies from round");
  await expect(applies).toHaveValue("hrc-37");
  await expect(applies.locator("option").first()).toHaveText(/Human Rights Council, 37th session \(the round it addresses\)/);
  // "Add to an existing benchmark" starts with nothing chosen and the likely match first.
  const existing = page.locator("[data-candidate='0']").getByLabel("Benchmark", { exact: true });
  await expect(existing).toHaveValue("");
  await expect(existing.locator("option").nth(1)).toHaveText("Likely match: End Liu Xia's house arrest");
  await page.context().close();

  expect(await publicView(request, KEPT.slug, KEPT.title)).toEqual({ page: 404, inList: false, inApi: false, csv: 400 });
});

test("confirming a candidate twice makes one benchmark: two submissions at once, a stale second tab, and after a reload", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWER, `/review/statements/${KEPT.slug}`);
  const stale = await page.context().newPage();
  await stale.goto(`/review/statements/${KEPT.slug}`);

  // Two submissions of the same form before the first answer arrives (a double click).
  const card = page.locator("[data-candidate='1']");
  const form = card.getByTestId("confirm-1");
  await form.getByLabel("Benchmark title, in plain words").fill(NEW_TITLE);
  await form.getByLabel("Category").selectOption("international-access-and-accountability");
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await expect(card.getByTestId("confirmed")).toContainText(`Confirmed → ${NEW_TITLE}`);
  await expect.poll(() => benchmarksTitled(NEW_TITLE)).toBe(1);

  // The second tab still shows the form: its confirmation finds the first one's benchmark.
  const staleCard = stale.locator("[data-candidate='1']");
  await staleCard.getByLabel("Benchmark title, in plain words").fill(`${NEW_TITLE} again`);
  await staleCard.getByRole("button", { name: "Create benchmark" }).click();
  await expect(staleCard.getByTestId("confirmed")).toContainText(`Confirmed → ${NEW_TITLE}`);
  expect(await benchmarksTitled(NEW_TITLE)).toBe(1);
  expect(await benchmarksTitled(`${NEW_TITLE} again`)).toBe(0);

  const third = page.locator("[data-candidate='2']");
  await third.getByLabel("Benchmark title, in plain words").fill(THIRD_TITLE);
  await third.getByRole("button", { name: "Create benchmark" }).click();
  await expect(third.getByTestId("confirmed")).toContainText(THIRD_TITLE);

  const repeat = page.locator("[data-candidate='0']");
  await repeat.getByLabel("Benchmark", { exact: true }).selectOption("release-liu-xia");
  await repeat.getByRole("button", { name: "Add as a source" }).click();
  await expect(repeat.getByTestId("confirmed")).toContainText("Confirmed → End Liu Xia's house arrest");

  // After a reload every card shows what it became, with the title as confirmed, and offers no second confirmation.
  await page.reload();
  await expect(card.getByTestId("confirmed")).toContainText(`Confirmed → ${NEW_TITLE}`);
  await expect(card).toContainText("Draft, awaiting an editor");
  await expect(card.getByRole("button", { name: "Create benchmark" })).toHaveCount(0);
  await expect(page.locator("[data-confirmed=yes]")).toHaveCount(3);
  expect(await benchmarksTitled(NEW_TITLE)).toBe(1);
  await page.screenshot({ path: "test-results/drafts-confirmed-candidates.png", fullPage: true });
  await page.context().close();
});

test("a reviewer cannot open the editor's queue of drafts", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWER, "/editor/drafts");
  await expect(page.getByRole("heading", { name: "Editors only" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await page.context().close();
});

test("an editor approves the statement, then one benchmark; each becomes public only then", async ({ page, request }) => {
  await signIn(page, EDITOR, "/editor");
  await expect(page.getByTestId("drafts-link")).toContainText(/\d+ waiting/);
  await page.getByTestId("drafts-link").click();
  await expect(page).toHaveURL(/\/editor\/drafts$/);

  const statement = page.locator(`[data-statement=${KEPT.slug}]`);
  await expect(statement).toContainText(KEPT.title);
  await page.screenshot({ path: "test-results/drafts-editor-queue.png", fullPage: true });
  await expect(statement).toContainText("Government statement");
  await statement.getByRole("button", { name: "Approve statement" }).click();
  await expect(page.locator(`[data-statement=${KEPT.slug}]`)).toHaveCount(0);
  expect(await publicView(request, KEPT.slug, KEPT.title)).toEqual({ page: 200, inList: true, inApi: true, csv: 200 });

  // Its benchmarks are still drafts: on no public page, in no export.
  const newSlug = await slugOf(NEW_TITLE);
  expect((await request.get(`/benchmarks/${newSlug}`)).status()).toBe(404);
  expect(await (await request.get("/exports/benchmarks.csv")).text()).not.toContain(NEW_TITLE);
  expect(await (await request.get(`/statements/${KEPT.slug}`)).text()).not.toContain(NEW_TITLE);

  // The editor corrects the title, then approves.
  const draft = page.locator(`[data-benchmark=${newSlug}]`);
  await draft.getByText("Edit before approving").click();
  const edit = draft.getByTestId(`edit-benchmark-${newSlug}`);
  await edit.getByLabel("Benchmark title").fill(`${NEW_TITLE} (edited)`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(`[data-benchmark=${newSlug}] h3`)).toHaveText(`${NEW_TITLE} (edited)`);
  await page.locator(`[data-benchmark=${newSlug}]`).getByRole("button", { name: "Approve benchmark" }).click();
  await expect(page.locator(`[data-benchmark=${newSlug}]`)).toHaveCount(0);

  const benchmark = await request.get(`/benchmarks/${newSlug}`);
  expect(benchmark.status()).toBe(200);
  expect(await benchmark.text()).toContain(KEPT.title);
  expect(await (await request.get("/exports/benchmarks.csv")).text()).toContain(`${NEW_TITLE} (edited)`);
  // The other stays a draft.
  expect((await request.get(`/benchmarks/${await slugOf(THIRD_TITLE)}`)).status()).toBe(404);
});

test("a rejected statement stays hidden, and the reviewer who added it reads the editor's reason", async ({ browser, request }) => {
  const reviewer = await pageAs(browser, REVIEWER, "/review/statements/new");
  REFUSED.slug = await addStatement(reviewer, REFUSED.title, "1. The government should release every lawyer detained in July 2015.\n");

  const editor = await pageAs(browser, EDITOR, "/editor/drafts");
  const item = editor.locator(`[data-statement=${REFUSED.slug}]`);
  await item.getByRole("button", { name: "Reject" }).click();
  await expect(item.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await item.getByLabel("Reason for rejecting (the reviewer reads it)").fill(REASON);
  await item.getByRole("button", { name: "Reject" }).click();
  await expect(editor.locator(`[data-statement=${REFUSED.slug}]`)).toHaveCount(0);
  await editor.context().close();
  expect(await count("SELECT COUNT(*) AS n FROM statements WHERE slug = ? AND review_state = 'rejected'", REFUSED.slug)).toBe(1);

  expect(await publicView(request, REFUSED.slug, REFUSED.title)).toEqual({ page: 404, inList: false, inApi: false, csv: 400 });

  await reviewer.goto("/review");
  const mine = reviewer.getByTestId("my-additions").locator("li", { hasText: REFUSED.title });
  await expect(mine).toContainText("Rejected");
  await expect(mine).toContainText(REASON);
  await reviewer.goto(`/review/statements/${REFUSED.slug}`);
  await expect(reviewer.getByTestId("statement-review-state")).toContainText(REASON);
  await expect(reviewer.getByRole("button", { name: "Create benchmark" })).toHaveCount(0);
  await reviewer.screenshot({ path: "test-results/drafts-rejected-statement.png", fullPage: true });
  await reviewer.context().close();
});
