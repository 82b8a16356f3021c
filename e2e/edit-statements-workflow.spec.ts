import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, pageAs, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";
import { hydrated } from "./hydrated";

// An editor corrects a published statement and a published benchmark, and merges two benchmarks; each
// change shows on the public page, in the audit log and in the record's history. Runs on the workflow
// server, whose database the tests may change.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const db = <T,>(sql: string, ...params: unknown[]) => readRows<T>(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);

/** The public page once its "Edit" question has been answered, so an absent link means "not shown". */
async function openPublic(page: Page, path: string) {
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/workspace/can-edit"));
  await page.goto(path);
  await answered;
}

test("an anonymous reader sees no Edit link on a benchmark or a statement; an editor sees one, and it leads to the edit page", async ({ page, browser }) => {
  for (const path of ["/benchmarks/us-prioritises-serious-cases", "/statements/chrd-2012-dialogue-comments"]) {
    await openPublic(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("edit-link")).toHaveCount(0);
  }
  const editor = await pageAs(browser, EDITOR, "/editor");
  await openPublic(editor, "/benchmarks/us-prioritises-serious-cases");
  await editor.getByRole("link", { name: "Edit this benchmark" }).click();
  await expect(editor).toHaveURL(/\/editor\/records\/benchmarks\/us-prioritises-serious-cases$/);
  await expect(editor.getByRole("heading", { level: 1 })).toContainText("Edit the benchmark");
  await openPublic(editor, "/statements/chrd-2012-dialogue-comments");
  await editor.getByRole("link", { name: "Edit this statement" }).click();
  await expect(editor).toHaveURL(/\/editor\/records\/statements\/chrd-2012-dialogue-comments$/);
  await editor.context().close();
});

test("an editor corrects a statement's title and publisher: the public page, the audit log and the history show it", async ({ page }) => {
  const title = `Chinese Human Rights Defenders on the 2012 dialogue, corrected (${run})`;
  await signIn(page, EDITOR, "/editor/records/statements/chrd-2012-dialogue-comments");
  const form = page.getByTestId("edit-statement");
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Published by", { exact: true }).fill(`Chinese Human Rights Defenders (CHRD), Second Publisher ${run}`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved your changes to the statement “${title}”`);
  const history = page.getByTestId("record-history");
  await expect(history).toContainText("corrected the published statement");
  await expect(history).toContainText(`title “Chinese Human Rights Defenders on the 2012 US–China dialogue” → “${title}”`);
  await expect(history).toContainText(`Second Publisher ${run}`);

  await page.goto("/statements/chrd-2012-dialogue-comments");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(`Second Publisher ${run}`)).toBeVisible();
  await expect(page.getByTestId("corrected-on")).toContainText("Corrected on");

  await page.goto("/editor/audit");
  await expect(page.getByText("corrected the published statement").first()).toBeVisible();
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
});

test("an editor corrects a benchmark's title, category and restated demand: public at once, dated as corrected, audited, in its history", async ({ page }) => {
  const title = `The US puts the gravest cases at the core of the talks (${run})`;
  const demand = `The US should lead with the most serious individual cases (${run}).`;
  await openPublic(page, "/benchmarks/us-prioritises-serious-cases");
  await expect(page.getByTestId("corrected-on")).toHaveCount(0);

  await signIn(page, EDITOR, "/editor/records/benchmarks/us-prioritises-serious-cases");
  const form = page.getByTestId("edit-benchmark");
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Category", { exact: true }).selectOption("transparency-and-reporting");
  await form.getByLabel(/^The demand as “Rights Defense Network editorial/).fill(demand);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved your changes to the benchmark “${title}”`);
  const history = page.getByTestId("record-history");
  await expect(history).toContainText("corrected the published benchmark");
  await expect(history).toContainText(`title “The US makes the gravest individual cases and patterns of abuse the core of the talks” → “${title}”`);
  await expect(history).toContainText("category “benchmarks-and-follow-up” → “transparency-and-reporting”");
  await page.screenshot({ path: ".test-output/edit-statements-workspace-benchmark.png", fullPage: true });

  await page.goto("/benchmarks/us-prioritises-serious-cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("link", { name: "Transparency and reporting" })).toBeVisible();
  await expect(page.getByText(`The demand, restated: ${demand}`)).toBeVisible();
  await expect(page.getByTestId("corrected-on")).toContainText(/Corrected on \d{1,2} \w+ \d{4}/);
  await page.screenshot({ path: ".test-output/edit-statements-public-benchmark.png", fullPage: true });

  await page.goto("/editor/audit");
  await expect(page.getByText("corrected the published benchmark").first()).toBeVisible();
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
});

test("a form opened before another editor's save is refused with the conflict message and keeps what was typed", async ({ browser }) => {
  const path = "/editor/records/benchmarks/civil-society-takes-part";
  const first = await pageAs(browser, EDITOR, path);
  const second = await pageAs(browser, EDITOR, path);
  await first.getByTestId("edit-benchmark").getByLabel("Title", { exact: true }).fill(`Civil society takes part, first tab (${run})`);
  await first.getByTestId("edit-benchmark").getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByTestId("edit-benchmark").getByRole("status")).toContainText("Saved your changes");

  const stale = second.getByTestId("edit-benchmark");
  await stale.getByLabel("Title", { exact: true }).fill(`Civil society takes part, second tab (${run})`);
  await stale.getByRole("button", { name: "Save changes" }).click();
  await expect(stale.getByRole("alert")).toContainText("changed this record");
  await expect(stale.getByRole("alert")).toContainText("after you opened this form. Nothing was saved");
  await expect(stale.getByLabel("Title", { exact: true })).toHaveValue(`Civil society takes part, second tab (${run})`);
  expect((await db<{ title: string }>("SELECT title FROM benchmarks WHERE slug = 'civil-society-takes-part'"))[0]!.title).toBe(`Civil society takes part, first tab (${run})`);
  await first.context().close();
  await second.context().close();
});

test("merging two benchmarks keeps every source and score on the kept one, and the old address redirects (page and API)", async ({ page, request }) => {
  const FROM = "public-input-into-upr-report";
  const INTO = "consult-civil-society-before-round";
  const ids = await db<{ id: number; slug: string }>("SELECT id, slug FROM benchmarks WHERE slug IN (?, ?)", FROM, INTO);
  const idOf = (slug: string) => ids.find((b) => b.slug === slug)!.id;
  const sourcesBefore = await db<{ statement: string }>("SELECT s.slug AS statement FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id WHERE bs.benchmark_id IN (?, ?) ORDER BY 1", idOf(FROM), idOf(INTO));
  const scoresBefore = await db<{ round: string; status: string }>("SELECT r.slug AS round, ps.status FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE ps.benchmark_id IN (?, ?) ORDER BY 1", idOf(FROM), idOf(INTO));
  expect(scoresBefore.map((s) => s.round)).toContain("upr-china-2018");

  await signIn(page, EDITOR, `/editor/records/benchmarks/${FROM}`);
  const merge = page.getByTestId("merge-benchmark");
  await merge.getByLabel("The benchmark to keep").selectOption(INTO);
  await merge.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByTestId("record-state")).toContainText("It was merged into");
  await expect(page.getByTestId("record-history")).toContainText("merged into another benchmark");

  expect(await db("SELECT s.slug AS statement FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id WHERE bs.benchmark_id = ? ORDER BY 1", idOf(INTO))).toEqual(sourcesBefore);
  expect(await db("SELECT r.slug AS round, ps.status FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE ps.benchmark_id = ? ORDER BY 1", idOf(INTO))).toEqual(scoresBefore);
  expect(await db("SELECT review_state AS state, merged_into_id AS keptId FROM benchmarks WHERE id = ?", idOf(FROM))).toEqual([{ state: "merged", keptId: idOf(INTO) }]);

  const old = await request.get(`/benchmarks/${FROM}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toMatch(new RegExp(`/benchmarks/${INTO}$`));
  const api = await request.get(`/api/v1/benchmarks/${FROM}`, { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(api.headers().location).toBe(`/api/v1/benchmarks/${INTO}`);
  const kept = await request.get(`/api/v1/benchmarks/${FROM}`);
  expect(((await kept.json()) as { data: { slug: string; sources: unknown[] } }).data).toMatchObject({ slug: INTO, sources: expect.arrayContaining([expect.objectContaining({ statement: "hrw-2013-kunming-release" })]) });

  await page.goto(`/benchmarks/${FROM}`);
  await expect(page).toHaveURL(new RegExp(`/benchmarks/${INTO}$`));
  const sources = page.getByRole("region", { name: "Who demanded it, and when" });
  for (const title of ["Human Rights Watch: seek concrete public commitments at the Kunming dialogue", "Rights Defense Network editorial: the 2015 dialogue must bring concrete measures"]) {
    await expect(sources.getByRole("link", { name: title })).toBeVisible();
  }
  const timeline = page.getByTestId("timeline");
  for (const round of scoresBefore.map((s) => s.round)) await expect(timeline.locator(`#round-${round}`)).toBeVisible();

  await page.goto("/editor/audit");
  await expect(page.getByText("merged into another benchmark").first()).toBeVisible();
  await expect(page.getByText("took in a merged benchmark").first()).toBeVisible();
});

test("the record pages, and a public page showing its Edit link, have no axe-core violations", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records/benchmarks/release-liu-xia");
  for (const path of ["/editor/records/benchmarks/release-liu-xia", "/editor/records/statements/lawyers-2015-statement", "/benchmarks/release-liu-xia"]) {
    await page.goto(path);
    await hydrated(page);
    if (path.startsWith("/benchmarks/")) await expect(page.getByTestId("edit-link")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), path).toEqual([]);
  }
  await page.goto("/editor/records/benchmarks/release-liu-xia");
  await page.screenshot({ path: ".test-output/edit-statements-workspace-benchmark-layout.png", fullPage: true });
});
