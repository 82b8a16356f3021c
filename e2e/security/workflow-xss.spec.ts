import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { EDITOR, pageAs } from "../session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readCount, readRows } from "../test-database";
import { WEB_URL_MESSAGE } from "../../lib/validation/url";
import { hydrated } from "../hydrated";

// Script in every text a user can write, written through the real forms by an editor and a
// reviewer: reference data (track, category, person, law, event), a round, a reviewer's name, a
// statement and the benchmark confirmed from it, scores with rationale and evidence, an editor's
// decision note and a retirement reason. The round is published, then every public and workspace
// page that shows those texts is loaded in Chromium: no payload runs (window.__xss stays undefined,
// no dialog opens, no element carries an event-handler attribute or a javascript: link), and the
// text shows literally. javascript: addresses are refused with a clear message and save nothing.
// (The PDF, CSV and XLSX exports are not HTML; they are checked for content elsewhere.)
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const PAYLOADS = {
  script: "<script>window.__xss=1</script>",
  img: '<img src=x onerror="window.__xss=1">',
  svg: '"><svg onload=window.__xss=1>',
  alert: "<img src=x onerror=alert(document.domain)>",
};
const JS_URL = "javascript:window.__xss=1";
const text = (label: string, payload: string) => `${label} ${run} ${payload}`;

const T = {
  reviewerName: text("Rev", PAYLOADS.svg),
  trackName: text("Track", PAYLOADS.script),
  trackShort: "<svg/onload=__xss=1>",
  trackDescription: text("Track about", PAYLOADS.img),
  categoryName: text("Category", PAYLOADS.alert),
  categoryDescription: text("Category about", PAYLOADS.svg),
  personName: text("Person", PAYLOADS.img),
  personNameZh: `许安${run}${PAYLOADS.script}`,
  personRole: text("Role", PAYLOADS.svg),
  personDescription: text("Person about", PAYLOADS.alert),
  lawName: text("Law", PAYLOADS.svg),
  lawArticle: `Article 977 ${PAYLOADS.img}`,
  lawDescription: text("Law about", PAYLOADS.script),
  eventDescription: text("Event", PAYLOADS.alert),
  roundName: text("Round", PAYLOADS.img),
  roundLocation: text("Place", PAYLOADS.svg),
  statementTitle: text("Statement", PAYLOADS.svg),
  statementLanguage: `en${PAYLOADS.script}`,
  publisher: text("Group", PAYLOADS.img),
  statementSummary: text("Summary", PAYLOADS.alert),
  benchmarkTitle: text("Benchmark", PAYLOADS.script),
  rationale: text("Rationale", PAYLOADS.img),
  editorRationale: text("Editor rationale", PAYLOADS.svg),
  evidenceTitle: text("Evidence", PAYLOADS.alert),
  decisionNote: text("Note", PAYLOADS.script),
  retiredReason: text("Retired", PAYLOADS.svg),
};
const SLUG = { track: `xss-track-${run}`, category: `xss-category-${run}`, person: `xss-person-${run}`, law: `xss-law-${run}`, round: `xss-round-${run}` };
const REVIEWER = { email: `xss-reviewer-${run}@example.org`, password: "xss-password-1" };
// The demand as the statement puts it: the extractor links the person (by the Chinese name) and the law (by its article).
const DEMAND = `China should release ${T.personNameZh} at once and repeal Article 977 ${PAYLOADS.svg}`;
// Assessed at every track, so also at the test's own round (a dialogue-only benchmark would not be there to score).
const OTHER_BENCHMARK = "action-plan-enforceable";

let statementSlug = "";
let benchmarkSlug = "";
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();
const dialogs: string[] = [];

/** A page signed in as someone, signing in only once per person. */
async function pageFor(browser: Browser, account: { email: string; password: string } | null, path: string): Promise<Page> {
  let page: Page;
  if (!account) {
    page = await (await browser.newContext()).newPage();
  } else if (sessions.has(account.email)) {
    page = await (await browser.newContext({ storageState: sessions.get(account.email) })).newPage();
  } else {
    page = await pageAs(browser, account, path);
    sessions.set(account.email, await page.context().storageState());
  }
  page.on("dialog", (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(path);
  return page;
}

/** Elements carrying an event-handler attribute or a javascript: address: what an injected payload leaves. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Nothing the payloads would do has happened on this page, and the given texts show as text. */
async function expectInert(page: Page, path: string, shown: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await hydrated(page);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
  expect(await injectedElements(page), path).toEqual([]);
  const body = await page.locator("body").innerText();
  for (const t of shown) expect(body, `${path} shows ${t}`).toContain(t);
  expect(dialogs).toEqual([]);
}

async function submit(page: Page, formTestId: string, button: string, values: Record<string, string>, selects: Record<string, string> = {}) {
  const form = page.getByTestId(formTestId);
  for (const [label, value] of Object.entries(selects)) await form.getByLabel(label, { exact: true }).selectOption(value);
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: button }).click();
  return form;
}

test("the checks catch a payload that does run (so a pass below means something)", async ({ page }) => {
  await page.setContent(`<p>${PAYLOADS.img}</p><a href="${JS_URL}">x</a>`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1);
  expect(await injectedElements(page)).toHaveLength(2);
});

test("an editor writes script into a reviewer's name, reference data and a round; javascript: sources are refused", async ({ browser }) => {
  const page = await pageFor(browser, EDITOR, "/editor/users");
  let form = await submit(page, "new-user", "Create account", { Name: T.reviewerName, Email: REVIEWER.email, "Initial password": REVIEWER.password }, { Role: "reviewer" });
  await expect(form.getByRole("status")).toContainText(`Created the reviewer account for ${REVIEWER.email}`);

  await page.goto("/editor/reference");
  form = await submit(page, "new-track", "Add track", { Name: T.trackName, "Short name for charts": T.trackShort, "Short identifier": SLUG.track, Description: T.trackDescription });
  await expect(form.getByRole("status")).toContainText("Added the track");
  form = await submit(page, "new-category", "Add category", { Name: T.categoryName, "Short identifier": SLUG.category, Description: T.categoryDescription });
  await expect(form.getByRole("status")).toContainText("Added the category");
  form = await submit(
    page,
    "new-subject",
    "Add",
    { Name: T.personName, "Name in Chinese (optional)": T.personNameZh, "Short identifier for the address": SLUG.person, "Role (people)": T.personRole, Description: T.personDescription },
    { Kind: "person" },
  );
  await expect(form.getByRole("status")).toContainText("Added");
  await page.reload();
  form = await submit(page, "new-subject", "Add", { Name: T.lawName, "Short identifier for the address": SLUG.law, "Article (laws)": T.lawArticle, Description: T.lawDescription }, { Kind: "law" });
  await expect(form.getByRole("status")).toContainText("Added");

  await page.reload();
  const events = () => readCount(E2E_WORKFLOW_DATABASE_PATH, "SELECT COUNT(*) AS n FROM subject_events");
  const before = await events();
  const event = { Date: "2018-11-01", Description: T.eventDescription, "Source address (http or https)": JS_URL };
  const eventChoices = { "Person or law": SLUG.person, "What happened": "detained", "Date known to the": "day" };
  form = await submit(page, "new-event", "Add event", event, eventChoices);
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await expect(form.getByText(WEB_URL_MESSAGE)).toBeVisible();
  expect(await events()).toBe(before);
  // A refused form keeps what was typed and chosen: correcting the address alone is enough, and the
  // event goes to the person chosen, not to the first one in the list.
  await expect(form.getByLabel("Description", { exact: true })).toHaveValue(T.eventDescription);
  form = await submit(page, "new-event", "Add event", { "Source address (http or https)": "https://example.org/xss-event" });
  await expect(form.getByRole("status")).toContainText("Added the event");
  expect(await events()).toBe(before + 1);
  const [added] = await readRows<{ slug: string; kind: string }>(
    E2E_WORKFLOW_DATABASE_PATH,
    "SELECT s.slug, e.kind FROM subject_events e JOIN subjects s ON s.id = e.subject_id ORDER BY e.id DESC LIMIT 1",
  );
  expect(added).toEqual({ slug: SLUG.person, kind: "detained" });

  // Dated between the seed's last round and the workflow test's hrc-40, so that round stays the latest.
  await page.goto("/editor");
  form = await submit(
    page,
    "new-round",
    "Add round",
    { Name: T.roundName, "Short identifier for the address": SLUG.round, Location: T.roundLocation, "Start date": "2018-12-10" },
    { Track: SLUG.track, "How precise the dates are": "day" },
  );
  await expect(form.getByRole("status")).toContainText("Created the round");
  await page.context().close();
});

test("a reviewer records a statement with script in it and confirms its demand as a benchmark; a javascript: source is refused", async ({ browser }) => {
  const page = await pageFor(browser, REVIEWER, "/review/statements/new");
  const fields = {
    Title: T.statementTitle,
    Date: "2018-12-01",
    Language: T.statementLanguage,
    "Publishing organisations": T.publisher,
    "Source address (http or https)": JS_URL,
    "Summary in your words": T.statementSummary,
    "Full text (pasted; kept in the workspace, not published)": `We ask the government to act:\n\n1. ${DEMAND}.\n`,
  };
  const statements = () => readCount(E2E_WORKFLOW_DATABASE_PATH, "SELECT COUNT(*) AS n FROM statements");
  const before = await statements();
  let form = await submit(page, "new-statement", "Save and find demands", fields, { Kind: "ngo_joint_letter", "Date known to the": "day" });
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await expect(form.getByText(WEB_URL_MESSAGE)).toBeVisible();
  expect(await statements()).toBe(before);
  form = await submit(page, "new-statement", "Save and find demands", { ...fields, "Source address (http or https)": "" }, { Kind: "ngo_joint_letter", "Date known to the": "day" });
  await expect(page).toHaveURL(/\/review\/statements\/statement-/);
  statementSlug = new URL(page.url()).pathname.split("/").pop()!;

  const candidate = page.locator("[data-candidate='0']");
  await expect(candidate.locator("blockquote")).toContainText(DEMAND);
  // The linked people and laws are named (literally, their script inert), not given by their slugs.
  await expect(candidate.getByTestId("linked")).toHaveText(`Linked: ${T.personName}, ${T.lawName}`);
  const confirm = candidate.getByTestId("confirm-0");
  // The assistant offers the demand restated; the reviewer keeps the statement's words, payloads and all.
  await confirm.getByLabel("The demand, restated", { exact: false }).fill(DEMAND);
  await confirm.getByLabel("Benchmark title, in plain words").fill(T.benchmarkTitle);
  await confirm.getByLabel("Category").selectOption(SLUG.category);
  await confirm.getByLabel("Applies from round").selectOption(SLUG.round);
  await confirm.getByRole("button", { name: "Create benchmark" }).click();
  await expect(candidate.getByTestId("confirmed")).toContainText(T.benchmarkTitle);
  benchmarkSlug = (await readRows<{ slug: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT slug FROM benchmarks WHERE title = ?", T.benchmarkTitle))[0]!.slug;
  await page.context().close();

  // The editor's queue shows the draft's texts literally too; approving the benchmark approves its statement.
  const editor = await pageFor(browser, EDITOR, "/editor/drafts");
  await expectInert(editor, "/editor/drafts", [T.statementTitle, T.publisher, T.statementSummary, T.benchmarkTitle, DEMAND]);
  await editor.locator(`[data-benchmark=${benchmarkSlug}]`).getByRole("button", { name: /^Approve benchmark and its statement/ }).click();
  await expect(editor.locator(`[data-benchmark=${benchmarkSlug}]`)).toHaveCount(0);
  await editor.context().close();
});

/** Scores a benchmark at the round from the review form; a javascript: evidence address is refused first. */
async function score(page: Page, benchmark: string, status: string, rationale: string, refuseJavascript: boolean) {
  await page.goto(`/review/${SLUG.round}/${benchmark}`);
  // A refused form comes back without its choices, as a fresh form would: fill it each time.
  const fill = async (address: string) => {
    await page.getByRole("radio", { name: status, exact: true }).check();
    await page.getByLabel("Rationale").fill(rationale);
    await page.getByLabel("Address 1").fill(address);
    await page.getByLabel("Title 1").fill(T.evidenceTitle);
    await page.getByRole("button", { name: "Save score" }).click();
  };
  if (refuseJavascript) {
    // Only this benchmark at this round: other workflow specs save scores on the same server meanwhile.
    const assessments = () =>
      readCount(
        E2E_WORKFLOW_DATABASE_PATH,
        "SELECT COUNT(*) AS n FROM assessments a JOIN benchmarks b ON b.id = a.benchmark_id JOIN rounds r ON r.id = a.round_id WHERE b.slug = ? AND r.slug = ?",
        benchmark,
        SLUG.round,
      );
    const before = await assessments();
    await fill(JS_URL);
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(page.getByText(`Evidence 1: ${WEB_URL_MESSAGE}`)).toBeVisible();
    expect(await assessments()).toBe(before);
  }
  await fill("https://example.org/xss-evidence");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

test("the reviewer and the editor score with script in rationale and evidence; the editor decides, publishes and retires", async ({ browser }) => {
  const reviewer = await pageFor(browser, REVIEWER, `/review/${SLUG.round}`);
  await score(reviewer, benchmarkSlug, "Met", T.rationale, true);
  await score(reviewer, OTHER_BENCHMARK, "Not met", T.rationale, false);
  await reviewer.context().close();

  const editor = await pageFor(browser, EDITOR, `/review/${SLUG.round}`);
  // The same rationale as the reviewer's: an agreement publishes one of the two, either may show.
  await score(editor, benchmarkSlug, "Met", T.rationale, false);
  await score(editor, OTHER_BENCHMARK, "Met", T.editorRationale, false);

  await editor.goto(`/editor/rounds/${SLUG.round}`);
  const dispute = editor.getByTestId("disagreements").locator(`[data-benchmark=${OTHER_BENCHMARK}]`);
  await dispute.getByRole("radio").first().check();
  await dispute.getByLabel("Note on the decision (optional)").fill(T.decisionNote);
  await dispute.getByRole("button", { name: "Record decision" }).click();
  await expect(editor.getByTestId("summary-disagreements")).toHaveText("0");
  const publish = editor.getByTestId("publish");
  await publish.getByLabel("I have checked the scores and want to publish them.").check();
  // Two benchmarks scored: the round is preliminary unless another test has lowered the threshold.
  const acceptPreliminary = publish.getByLabel(/marked preliminary/);
  if ((await acceptPreliminary.count()) > 0) await acceptPreliminary.check();
  await publish.getByRole("button", { name: "Publish this round" }).click();
  await expect(publish.getByRole("status")).toContainText("Published");

  await editor.goto("/editor/reference");
  const retire = await submit(editor, "retire", "Retire", { "Retired from": "2019-01-01", Reason: T.retiredReason }, { Benchmark: benchmarkSlug });
  await expect(retire.getByRole("status")).toContainText("Retired");
  await editor.context().close();
});

test("every public page that shows the texts runs none of them and shows them literally", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageFor(browser, null, "/");
  await expectInert(page, "/", [T.roundName, T.categoryName]);
  // The heat map is paged (20 rows): the test's benchmark is on the first page of its own category and track.
  await expectInert(page, `/?category=${SLUG.category}`, [T.roundName, T.benchmarkTitle, T.categoryName]);
  await expectInert(page, `/?track=${SLUG.track}&category=${SLUG.category}`, [T.roundName, T.benchmarkTitle]);
  await expectInert(page, `/?track=${SLUG.track}`, [T.roundName]);
  await expectInert(page, `/rounds/${SLUG.round}`, [T.roundName, T.benchmarkTitle, T.rationale, T.evidenceTitle, T.statementTitle]);
  await expectInert(page, `/rounds/${SLUG.round}/print`, [T.roundName, T.benchmarkTitle, T.rationale]);
  await expectInert(page, `/benchmarks/${benchmarkSlug}`, [T.benchmarkTitle, DEMAND, T.statementTitle, T.personName, T.lawName, T.rationale, T.evidenceTitle, T.retiredReason]);
  await expectInert(page, `/benchmarks/${OTHER_BENCHMARK}`, [T.roundName]);
  await expectInert(page, "/people", [T.personName]);
  await expectInert(page, `/people/${SLUG.person}`, [T.personName, T.personNameZh, T.personRole, T.personDescription, T.eventDescription, T.benchmarkTitle]);
  await expectInert(page, `/people?q=${encodeURIComponent(`Person ${run}`)}`, [T.personName]);
  // A search term is echoed back: as text.
  await expectInert(page, `/people?q=${encodeURIComponent(PAYLOADS.img)}`, [`“${PAYLOADS.img}”`]);
  await expectInert(page, "/laws", [T.lawName]);
  await expectInert(page, `/laws/${SLUG.law}`, [T.lawName, T.lawArticle, T.lawDescription, T.benchmarkTitle]);
  await expectInert(page, "/statements", [T.statementTitle]);
  await expectInert(page, `/statements/${statementSlug}`, [T.statementTitle, T.publisher, T.statementSummary, T.benchmarkTitle]);
  await expectInert(page, "/embed/fulfilment", []);
  await expectInert(page, `/embed/status-mix?track=${SLUG.track}`, []);
  await expectInert(page, "/method", []);
  await expectInert(page, "/api", []);
  // Script typed into a URL comes back as text too.
  await expectInert(page, `/?category=${encodeURIComponent(PAYLOADS.svg)}`, []);
  await page.context().close();
});

test("every workspace page that shows the texts runs none of them and shows them literally", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await pageFor(browser, EDITOR, "/editor");
  await expectInert(editor, "/editor", [T.roundName, T.reviewerName]);
  await expectInert(editor, `/editor/rounds/${SLUG.round}`, [T.roundName]);
  await expectInert(editor, "/editor/reference", []);
  await expectInert(editor, "/editor/users", [T.reviewerName]);
  await expectInert(editor, "/editor/audit", [T.reviewerName]);
  // The records before and after sit in closed <details>: open them and look again.
  await editor.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  expect(await editor.locator("body").innerText()).toContain(T.decisionNote);
  expect(await editor.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expectInert(editor, "/review", [T.roundName]);
  await expectInert(editor, `/review/${SLUG.round}`, [T.roundName, T.benchmarkTitle]);
  await expectInert(editor, `/review/${SLUG.round}/${benchmarkSlug}`, [T.benchmarkTitle]);
  await editor.context().close();

  const reviewer = await pageFor(browser, REVIEWER, "/review");
  await expectInert(reviewer, "/review", [T.reviewerName, T.roundName]);
  await expectInert(reviewer, `/review/${SLUG.round}/${benchmarkSlug}`, [T.benchmarkTitle]);
  await expectInert(reviewer, `/review/statements/${statementSlug}`, [T.statementTitle, DEMAND]);
  await expectInert(reviewer, "/review/statements/new", []);
  await reviewer.context().close();
  expect(dialogs).toEqual([]);
});
