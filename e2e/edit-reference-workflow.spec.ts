import { expect, test, type Page } from "@playwright/test";
import { EDITOR, pageAs, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";

// An editor corrects reference records through their workspace pages (/editor/records/…): each change
// shows on the public page at once, dated "Corrected on …", and in the audit log; a form opened before
// another edit is refused; two people merge keeping every benchmark and event, and the old address
// redirects; a referenced record is not deleted, an unused one is. Runs on the workflow server, whose
// database the tests may change (the public-page tests compare pages with theirs).
test.describe.configure({ mode: "serial", timeout: 90_000 });

const run = Date.now().toString(36);
const db = <T,>(sql: string, ...params: unknown[]) => readRows<T>(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);
const CORRECTED_ON = /Corrected on \d{1,2} [A-Z][a-z]+ \d{4}/;

async function save(page: Page, testId: string, button = "Save") {
  const form = page.getByTestId(testId);
  await form.getByRole("button", { name: button }).click();
  return form;
}

async function auditShows(page: Page, entity: string, text: string | RegExp) {
  await page.goto(`/editor/audit?entity=${entity}`);
  await expect(page.locator("li[data-entry]").filter({ hasText: text }).first()).toBeVisible();
}

test("a track, a round's dates and a category, corrected, show on the published scorecards and in the audit log", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records");
  await expect(page.getByRole("heading", { name: "Correct a record", level: 1 })).toBeVisible();
  await page.screenshot({ path: "test-results/edit-reference-index.png", fullPage: true });

  await page.getByRole("region", { name: /Tracks/ }).getByRole("link", { name: "Universal Periodic Review" }).click();
  await expect(page).toHaveURL(/\/editor\/records\/tracks\/upr$/);
  const trackName = `Universal Periodic Review (UN ${run})`;
  await page.getByTestId("edit-track").getByLabel("Name", { exact: true }).fill(trackName);
  await expect((await save(page, "edit-track")).getByRole("status")).toContainText("1 field changed");
  await expect(page.getByTestId("record-history")).toContainText(`name “Universal Periodic Review” → “${trackName}”`);

  await page.goto("/editor/records/rounds/hrc-31");
  const round = page.getByTestId("edit-round");
  await round.getByLabel("Start date").fill("2016-02-29");
  await round.getByLabel("End date (optional)").fill("2016-03-24");
  await round.getByLabel("Dates known to the").selectOption("day");
  await round.getByLabel("Note on the date (optional)").fill("");
  await expect((await save(page, "edit-round")).getByRole("status")).toContainText("4 fields changed");
  await expect(page.getByTestId("record-history")).toContainText("start date “2016-03-01” → “2016-02-29”");
  await page.screenshot({ path: "test-results/edit-reference-round.png", fullPage: true });

  const categoryName = `Benchmarks and follow-up (${run})`;
  await page.goto("/editor/records/categories/benchmarks-and-follow-up");
  await page.getByTestId("edit-category").getByLabel("Name", { exact: true }).fill(categoryName);
  await expect((await save(page, "edit-category")).getByRole("status")).toContainText("1 field changed");

  // The public pages, read by someone signed out.
  const reader = await page.context().browser()!.newPage();
  await reader.goto("/rounds/hrc-31");
  await expect(reader.getByText("29 February – 24 March 2016")).toBeVisible();
  await expect(reader.getByTestId("corrected-on")).toHaveText(CORRECTED_ON);
  await expect(reader.getByTestId("edit-link")).toHaveCount(0);
  await reader.goto("/rounds/hrc-37");
  await expect(reader.locator("body")).toContainText(categoryName);
  await reader.goto("/rounds/upr-china-2018");
  await expect(reader.getByText(`${trackName} ·`)).toBeVisible();
  await reader.close();

  // A signed-in editor sees the edit link on the scorecard, leading to the round's page.
  await page.goto("/rounds/hrc-31");
  await expect(page.getByTestId("edit-link")).toHaveAttribute("href", "/editor/records/rounds/hrc-31");

  await auditShows(page, "track", `corrected the published track ${trackName}`);
  await auditShows(page, "round", "corrected the published round");
  await auditShows(page, "category", `corrected the published category ${categoryName}`);
});

test("a person's Chinese name, a new other name and an event, corrected, show on their public page and in the audit log", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records/subjects/tang-jingling");
  const form = page.getByTestId("edit-subject");
  await form.getByLabel("Name in Chinese (optional)").fill("唐荊陵");
  await form.getByLabel("Other names and spellings (one per line)").fill(`Tang Jing-ling ${run}`);
  await expect((await save(page, "edit-subject")).getByRole("status")).toContainText("2 fields changed");
  await expect(page.getByTestId("record-history")).toContainText(`other names (none) → “Tang Jing-ling ${run}”`);

  const [event] = await db<{ id: number }>("SELECT id FROM subject_events WHERE subject_id = (SELECT id FROM subjects WHERE slug = 'liu-xiaobo') AND kind = 'sentenced'");
  const text = `Sentenced to eleven years in prison for “inciting subversion” (${run}).`;
  await page.goto("/editor/records/subjects/liu-xiaobo");
  const eventForm = page.getByTestId(`edit-event-${event!.id}`);
  await eventForm.getByLabel("Description", { exact: true }).fill(text);
  await eventForm.getByLabel("Source address (http or https, optional)").fill("https://example.org/liu-xiaobo-verdict");
  await expect((await save(page, `edit-event-${event!.id}`, "Save this event")).getByRole("status")).toContainText("2 fields changed");
  await page.screenshot({ path: "test-results/edit-reference-person.png", fullPage: true });

  const reader = await page.context().browser()!.newPage();
  await reader.goto("/people/tang-jingling");
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("唐荊陵");
  await expect(reader.getByTestId("corrected-on")).toHaveText(CORRECTED_ON);
  // Other names are never shown: they are the spellings withheld with a confidential name.
  await expect(reader.locator("body")).not.toContainText(`Tang Jing-ling ${run}`);
  await reader.goto("/people/liu-xiaobo");
  await expect(reader.getByTestId("events")).toContainText(text);
  await expect(reader.getByTestId("corrected-on")).toHaveText(CORRECTED_ON);
  await reader.close();

  await page.goto("/people/tang-jingling");
  await expect(page.getByTestId("edit-link")).toHaveAttribute("href", "/editor/records/subjects/tang-jingling");
  await auditShows(page, "subject", "corrected the published record of Tang Jingling");
  await auditShows(page, "subject_event", "corrected a published event of Liu Xiaobo");
});

test("a form opened before another editor's change is refused, and keeps what was typed", async ({ browser }) => {
  const first = await pageAs(browser, EDITOR, "/editor/records/categories/civil-society-participation");
  const second = await pageAs(browser, EDITOR, "/editor/records/categories/civil-society-participation");
  await first.getByTestId("edit-category").getByLabel("Description", { exact: true }).fill(`First editor's wording (${run}).`);
  await expect((await save(first, "edit-category")).getByRole("status")).toContainText("Saved");

  const late = `Second editor's wording (${run}).`;
  await second.getByTestId("edit-category").getByLabel("Description", { exact: true }).fill(late);
  const refused = await save(second, "edit-category");
  await expect(refused.getByRole("alert")).toContainText("changed this record");
  await expect(refused.getByRole("alert")).toContainText("after you opened this form. Nothing was saved");
  await expect(refused.getByLabel("Description", { exact: true })).toHaveValue(late);
  expect((await db<{ description: string }>("SELECT description FROM categories WHERE slug = 'civil-society-participation'"))[0]!.description).toBe(`First editor's wording (${run}).`);
});

test("two people merged: the kept one has every benchmark and event, and the old address redirects to it", async ({ page }) => {
  const benchmarks = await db<{ title: string }>("SELECT b.title FROM benchmarks b JOIN benchmark_subjects bs ON bs.benchmark_id = b.id WHERE bs.subject_id IN (SELECT id FROM subjects WHERE slug IN ('li-heping', 'jiang-tianyong'))");
  const events = await db<{ description: string }>("SELECT description FROM subject_events WHERE subject_id IN (SELECT id FROM subjects WHERE slug IN ('li-heping', 'jiang-tianyong'))");
  const movedEvents = Number((await db<{ n: number }>("SELECT COUNT(*) AS n FROM subject_events WHERE subject_id = (SELECT id FROM subjects WHERE slug = 'li-heping')"))[0]!.n);
  expect(movedEvents).toBeGreaterThan(0);

  await signIn(page, EDITOR, "/editor/records/subjects/li-heping");
  const merge = page.getByTestId("merge-subject");
  await merge.getByLabel("Keep").selectOption("jiang-tianyong");
  await merge.getByLabel("Yes, merge Li Heping into the record chosen").check();
  await merge.getByRole("button", { name: "Merge" }).click();
  // The page now shows the record as merged, in place of its forms.
  await expect(page.getByTestId("merged-into")).toContainText("Merged into Jiang Tianyong");
  expect(await db("SELECT 1 FROM benchmark_subjects WHERE subject_id = (SELECT id FROM subjects WHERE slug = 'li-heping')")).toHaveLength(0);

  const redirect = await page.request.get("/people/li-heping", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(/\/people\/jiang-tianyong$/);

  const reader = await page.context().browser()!.newPage();
  await reader.goto("/people/li-heping");
  await expect(reader).toHaveURL(/\/people\/jiang-tianyong$/);
  for (const b of benchmarks) await expect(reader.locator("body")).toContainText(b.title);
  for (const e of events) await expect(reader.getByTestId("events")).toContainText(e.description);
  await reader.goto("/people");
  await expect(reader.getByRole("link", { name: "Li Heping" })).toHaveCount(0);
  await reader.close();

  await auditShows(page, "subject", "merged into another record: Li Heping");
  await auditShows(page, "subject", "took in a merged record: Jiang Tianyong");
});

test("a referenced category is not deleted and says what refers to it; an unused track is deleted", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records/categories/legal-reform");
  await expect(page.getByTestId("record-stays")).toContainText("stays");
  const del = page.getByTestId("delete-record");
  await del.getByLabel("Yes, delete this category").check();
  await del.getByRole("button", { name: "Delete this category" }).click();
  await expect(del.getByRole("alert")).toContainText(/This category cannot be deleted: \d+ benchmarks refer to it/);
  expect(await db("SELECT id FROM categories WHERE slug = 'legal-reform'")).toHaveLength(1);

  const slug = `spare-track-${run}`;
  await page.goto("/editor/reference");
  const add = page.getByTestId("new-track");
  await add.getByLabel("Name", { exact: true }).fill(`Spare track ${run}`);
  await add.getByLabel("Short name for charts").fill("Spare");
  await add.getByLabel("Short identifier").fill(slug);
  await add.getByRole("button", { name: "Add track" }).click();
  await expect(add.getByRole("status")).toContainText("Added the track");

  await page.goto(`/editor/records/tracks/${slug}`);
  await page.getByTestId("delete-record").getByLabel("Yes, delete this track").check();
  await page.getByTestId("delete-record").getByRole("button", { name: "Delete this track" }).click();
  await expect(page).toHaveURL(/\/editor\/records\?deleted=track/);
  await expect(page.getByRole("status")).toContainText("Deleted the track.");
  expect(await db("SELECT id FROM tracks WHERE slug = ?", slug)).toHaveLength(0);
  await auditShows(page, "track", "deleted the unused track");
});
