import { expect, test } from "@playwright/test";
import { createReviewerAccount, EDITOR, pageAs, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";

// The extractor reads the whole statement: a list of names and a later "release them" give a candidate
// per person (or one linked to all, the reviewer's choice), and a name not yet in the database is
// proposed with its sentence and confirmed into a new, confidential person. Text written for this test.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const TITLE = `Letter on three defenders ${run}`;
const TEXT = `Several defenders named in our earlier letters remain in prison.

They include:
- Gao Yu, a journalist
- Wang Quanzhang, a lawyer
- Yu Wensheng, a lawyer

We urge the Chinese government to release them without conditions. The publisher Ingrid Solberg, a Norwegian citizen, was detained in Ningbo in March, and the Harbour Rights Network says Tomas Berger was questioned there too.`;

const db = <T>(sql: string, ...params: unknown[]) => readRows<T>(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);
let reviewer: { email: string; password: string };
let slug = "";

test("a pasted list of names and a “release them” give a candidate per person, or one linked to all", async ({ browser, page }) => {
  await signIn(page, EDITOR, "/editor/users");
  reviewer = await createReviewerAccount(page, "extractor", run);
  const own = await pageAs(browser, reviewer, "/review/statements/new");
  const form = own.getByTestId("new-statement");
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Kind").selectOption("ngo_joint_letter");
  await form.getByLabel("Date", { exact: true }).fill("2018-03-05");
  await form.getByLabel("Date known to the").selectOption("day");
  await form.getByLabel("Publishing organisations").fill(`Extraction Group ${run}`);
  await form.getByLabel("Round it addresses").selectOption("hrc-37");
  await form.getByLabel("Full text (pasted; kept in the workspace, not published)").fill(TEXT);
  await form.getByRole("button", { name: "Save and find demands" }).click();
  // Saving reads the statement through the extractor: allow for a loaded machine.
  await expect(own).toHaveURL(/\/review\/statements\/letter-on-three-defenders/, { timeout: 20_000 });
  slug = new URL(own.url()).pathname.split("/").pop()!;

  const cards = own.getByTestId("candidates").locator("> li");
  await expect(cards).toHaveCount(3);
  const people = ["Gao Yu", "Wang Quanzhang", "Yu Wensheng"];
  for (const [i, name] of people.entries()) {
    const card = own.locator(`[data-candidate='${i}']`);
    await expect(card).toContainText(`for ${name}`);
    await expect(card.getByLabel("Benchmark title, in plain words")).toHaveValue(`Release ${name}`);
    await expect(card.getByLabel("The demand, restated (the statement's words are quoted above)")).toHaveValue(`The Chinese government should release ${name}.`);
    await expect(card.getByLabel("Category")).toHaveValue("release-of-detained-people");
    await expect(card.getByLabel("Addressed to")).toHaveValue("chinese_government");
    await expect(card.getByLabel("Applies from round")).toHaveValue("hrc-37");
    await expect(card.getByTestId("linked")).toHaveText(`Linked: ${name}`);
    await expect(card.getByTestId("match")).toContainText(/Likely repeats “.+” \(similarity \d\.\d\d\)/);
  }
  await expect(own.locator("[data-candidate='0']")).toContainText("“them” is read as: Gao Yu, Wang Quanzhang, Yu Wensheng.");

  // The reviewer's choice: one candidate linked to all three, and back.
  await own.getByRole("link", { name: "Make one candidate linked to all 3 people" }).first().click();
  await expect(cards).toHaveCount(1);
  await expect(own.locator("[data-candidate='0']").getByTestId("linked")).toHaveText("Linked: Gao Yu, Wang Quanzhang, Yu Wensheng");
  await expect(own.locator("[data-candidate='0']").getByLabel("Benchmark title, in plain words")).toHaveValue("Release Gao Yu, Wang Quanzhang and Yu Wensheng");
  await own.getByRole("link", { name: "Take apart: one candidate per person (3)" }).click();
  await expect(cards).toHaveCount(3);

  // Confirmed as it is, the second person's candidate becomes a draft benchmark linked to that person only.
  const second = own.locator("[data-candidate='1']");
  const title = `Release Wang Quanzhang (${run})`;
  await second.getByLabel("Benchmark title, in plain words").fill(title);
  await second.getByRole("button", { name: "Create benchmark" }).click();
  await expect(second.getByTestId("confirmed")).toContainText(`Confirmed → ${title}`);
  const linked = await db<{ slug: string; state: string }>(
    "SELECT s.slug, b.review_state AS state FROM benchmarks b JOIN benchmark_subjects bs ON bs.benchmark_id = b.id JOIN subjects s ON s.id = bs.subject_id WHERE b.title = ?",
    title,
  );
  expect(linked).toEqual([{ slug: "wang-quanzhang", state: "draft" }]);
  await own.screenshot({ path: "test-results/extraction-candidates.png", fullPage: true });
  await own.context().close();
});

test("a name not yet in the database is proposed with its sentence and confirmed into a new, confidential person", async ({ browser, request }) => {
  const own = await pageAs(browser, reviewer, `/review/statements/${slug}`);
  const proposals = own.getByTestId("new-name");
  await expect(proposals).toHaveCount(3);
  const ingrid = own.locator("[data-name='Ingrid Solberg']");
  await expect(ingrid).toContainText("— a Norwegian citizen");
  await expect(ingrid.locator("blockquote")).toContainText("The publisher Ingrid Solberg, a Norwegian citizen, was detained in Ningbo in March");
  await expect(own.locator("[data-name='Harbour Rights Network']")).toContainText("an organisation");

  // Discarding a name only takes it off the page.
  await own.getByRole("button", { name: "Discard Tomas Berger" }).click();
  await expect(proposals).toHaveCount(2);
  expect((await db<{ n: number }>("SELECT COUNT(*) AS n FROM subjects WHERE name = 'Tomas Berger'"))[0]!.n).toBe(0);

  await ingrid.getByRole("button", { name: "Add as a new person" }).click();
  await expect(own.getByTestId("named")).toContainText("Ingrid Solberg (confidential)");
  await expect(ingrid).toHaveCount(0);
  const [created] = await db<{ slug: string; kind: string; confidential: number; role: string }>("SELECT slug, kind, confidential, role FROM subjects WHERE name = 'Ingrid Solberg'");
  expect(created).toEqual({ slug: "ingrid-solberg", kind: "person", confidential: 1, role: "a Norwegian citizen" });
  const audit = await db<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'subject.create' AND entity_id = (SELECT CAST(id AS TEXT) FROM subjects WHERE slug = 'ingrid-solberg')");
  expect(Number(audit[0]!.n)).toBe(1);

  // A reviewer's new person is on no public page until an editor clears it.
  expect((await request.get("/people/ingrid-solberg")).status()).toBe(404);
  expect(await (await request.get("/people")).text()).not.toContain("Ingrid Solberg");
  await own.screenshot({ path: "test-results/extraction-new-name.png", fullPage: true });
  await own.context().close();
});
