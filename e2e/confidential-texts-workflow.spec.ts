import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";

// A person named in other people's public texts is marked confidential by an editor: the editor is
// told how many public texts named them and what the marking does not do, finds each text in the
// list with the words around the name, hides one event and keeps the name withheld in another text;
// the public page shows neither the name nor the hidden event, and a text written afterwards is
// withheld at once and listed again as not reviewed. Unique people, so no other test sees a change.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
// A Chinese name of this run's own: one CJK character per letter of the run.
const zh = [...run].map((c) => String.fromCharCode(0x4e00 + ((c.charCodeAt(0) * 131) % 5000))).join("");
const PERSON = { name: `Qiu ${run}`, nameZh: `邱${zh}`, slug: `qiu-${run}` };
const COMPANION = { name: `Companion ${run}`, slug: `companion-${run}` };
const NAMED = new RegExp(`qiu[\\s-]*${run}|邱\\s*${zh}`, "i");
const WITHHELD = "[name withheld]";

async function submit(page: Page, testId: string, button: string, fill: Record<string, string>, choose: Record<string, string> = {}) {
  await page.goto("/editor/reference");
  const form = page.getByTestId(testId);
  for (const [label, value] of Object.entries(choose)) await form.getByLabel(label, { exact: true }).selectOption(value);
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: button }).click();
  return form;
}

test("an editor marks a person confidential, reviews the texts that name them, and the public page withholds the name", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, EDITOR, "/editor/reference");
  // Two public people: the one to be marked, and one whose description and events name them.
  let form = await submit(page, "new-subject", "Add", { Name: PERSON.name, "Name in Chinese (optional)": PERSON.nameZh, "Short identifier for the address": PERSON.slug }, { Kind: "person" });
  await expect(form.getByRole("status")).toContainText("Added");
  form = await submit(page, "new-subject", "Add", { Name: COMPANION.name, "Short identifier for the address": COMPANION.slug, Description: `Shared a cell with ${PERSON.name} in 2016.` }, { Kind: "person" });
  await expect(form.getByRole("status")).toContainText("Added");
  const event = (date: string, description: string) =>
    submit(page, "new-event", "Add event", { Date: date, Description: description }, { "Person or law": COMPANION.slug, "What happened": "other", "Date known to the": "day" });
  await expect((await event("2016-03-01", `Visited in detention by QIU  ${run.toUpperCase()}.`)).getByRole("status")).toContainText("Added the event");
  await expect((await event("2016-04-01", `据报道与${PERSON.nameZh}同案受审。`)).getByRole("status")).toContainText("Added the event");
  await page.goto(`/people/${COMPANION.slug}`);
  await expect(page.getByTestId("events")).toContainText(`QIU  ${run.toUpperCase()}`);

  await page.goto("/editor/reference");
  form = page.getByTestId("confidentiality");
  await form.getByLabel("Benchmark, person or law").selectOption(`subject:${PERSON.slug}`);
  await form.getByRole("radio", { name: "Confidential" }).check();
  await form.getByRole("button", { name: "Apply" }).click();
  const message = form.getByRole("status");
  await expect(message).toContainText("Marked confidential.");
  await expect(message).toContainText(`its names (“${PERSON.name}”, “${PERSON.nameZh}”) now show as “${WITHHELD}”`);
  await expect(message).toContainText("3 public texts named it");
  await expect(message).toContainText("does not change the stored texts");
  await expect(message).not.toContainText("no longer appears on any public page");

  // Withheld at once, before any review.
  await page.goto(`/people/${COMPANION.slug}`);
  expect(await page.content()).not.toMatch(NAMED);
  await expect(page.getByText(`Shared a cell with ${WITHHELD} in 2016.`)).toBeVisible();

  await page.goto("/editor/reference");
  await page.getByRole("link", { name: "Review the public texts that name confidential items" }).click();
  await expect(page).toHaveURL(/\/editor\/confidential-texts$/);
  const section = page.getByRole("region", { name: new RegExp(PERSON.name) });
  const texts = section.getByTestId("confidential-texts").locator("> li");
  await expect(texts).toHaveCount(3);
  const visit = texts.filter({ hasText: "Visited in detention by" });
  await expect(visit.getByTestId("excerpt").locator("mark")).toHaveText(`QIU  ${run.toUpperCase()}`);
  await expect(visit.getByTestId("review-state")).toHaveText(/Not reviewed yet/);
  await page.screenshot({ path: "test-results/confidential-texts.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  await visit.getByRole("radio", { name: "Hide this event from the public" }).check();
  await visit.getByRole("button", { name: "Apply" }).click();
  await expect(visit.getByRole("status")).toContainText("Hidden:");
  const description = texts.filter({ hasText: "Shared a cell with" });
  await description.getByRole("radio", { name: "Keep the name withheld (mark as reviewed)" }).check();
  await description.getByRole("button", { name: "Apply" }).click();
  await expect(description.getByRole("status")).toContainText("Reviewed:");
  await expect(description.getByTestId("review-state")).toContainText("Reviewed by");
  await expect(page.getByTestId("hidden-records")).toContainText(`${COMPANION.name}: Event, 2016-03-01`);

  await page.goto(`/people/${COMPANION.slug}`);
  await expect(page.getByTestId("events").locator("> li")).toHaveCount(1);
  await expect(page.getByTestId("events")).toContainText(`据报道与${WITHHELD}同案受审。`);
  await expect(page.getByTestId("events")).not.toContainText("Visited in detention");
  expect(await page.content()).not.toMatch(NAMED);
  await page.screenshot({ path: "test-results/confidential-texts-public.png", fullPage: true });

  // A text written after the marking: withheld on the public page at once, listed as not reviewed.
  await expect((await event("2017-01-01", `${PERSON.name} was released.`)).getByRole("status")).toContainText("Added the event");
  await page.goto(`/people/${COMPANION.slug}`);
  await expect(page.getByTestId("events")).toContainText(`${WITHHELD} was released.`);
  expect(await page.content()).not.toMatch(NAMED);
  const api = await (await page.request.get(`/api/v1/people?q=${encodeURIComponent(COMPANION.name)}`)).text();
  expect(api).toContain(WITHHELD);
  expect(api).not.toMatch(NAMED);
  await page.goto("/editor/confidential-texts");
  const later = page.getByRole("region", { name: new RegExp(PERSON.name) }).getByTestId("confidential-texts").locator("> li").filter({ hasText: "was released" });
  await expect(later.getByTestId("review-state")).toHaveText(/Not reviewed yet/);

  const audited = (
    await readRows<{ action: string }>(
    E2E_WORKFLOW_DATABASE_PATH,
    `SELECT action FROM audit_log WHERE action LIKE 'redaction.%'
        AND ((entity = 'subject_event' AND entity_id IN (SELECT CAST(e.id AS TEXT) FROM subject_events e JOIN subjects s ON s.id = e.subject_id WHERE s.slug = ?))
          OR (entity = 'subject' AND entity_id = (SELECT CAST(id AS TEXT) FROM subjects WHERE slug = ?)))`,
    COMPANION.slug,
    COMPANION.slug,
  )).map((a) => a.action);
  expect(audited.sort()).toEqual(["redaction.confirm", "redaction.hide"]);
});
