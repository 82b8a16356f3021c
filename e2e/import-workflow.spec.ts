import { expect, test } from "@playwright/test";
import { E2E_WORKFLOW_DATABASE_PATH, readCount } from "./test-database";
import { EDITOR, signIn } from "./session-helpers";

// An editor imports benchmarks from CSV: a file with one bad row is refused whole, with the line
// and reason shown; the corrected file is written, and its benchmarks appear where they belong.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const HEADER = "Benchmark,Benchmark ID,Category,Addressed to,Applies from,Retired on,Why retired,Raised by,People,Laws and practices";
const NEW = [
  { slug: `let-liu-xia-travel-${run}`, title: `Let Liu Xia travel abroad freely (${run})` },
  { slug: `publish-trial-dates-${run}`, title: `Publish the dates of political trials (${run})` },
];
const rows = [
  `${NEW[0]!.title},${NEW[0]!.slug},Release of detained people,Chinese government,"Human Rights Council, 37th session",,,Joint NGO letter to UN member states ahead of the 37th Human Rights Council session,Liu Xia (刘霞),`,
  `${NEW[1]!.title},${NEW[1]!.slug},Transparency and reporting,Chinese government,hrc-37,,,,,`,
];
const BAD_ROW = `"Close every black jail,\nin every province (${run})",close-black-jails-${run},No such category,Chinese government,hrc-37,,,,,`;

const count = (sql: string, ...params: unknown[]) => readCount(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);
const importedHere = () => count(`SELECT COUNT(*) AS n FROM benchmarks WHERE slug LIKE '%-${run}'`);
const importsAudited = () => count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import.csv'");
const csv = (lines: string[]) => ({ name: `benchmarks-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) });

test("a file with a bad row is refused whole: the error names its line, and nothing is written", async ({ page }) => {
  await signIn(page, EDITOR, "/editor");
  await page.getByRole("link", { name: "Import benchmarks or scores from CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import benchmarks or scores from CSV" })).toBeVisible();
  const audited = await importsAudited();

  const form = page.getByTestId("import-form");
  await form.getByLabel("CSV file").setInputFiles(csv([HEADER, rows[0]!, BAD_ROW, rows[1]!]));
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was imported");
  // The bad row starts on line 3 and spans two lines; the next good row is on line 5.
  const problems = page.getByTestId("import-problems").getByRole("listitem");
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText("Line 3:");
  await expect(problems.first()).toContainText("The category “No such category” does not exist");
  expect(await importedHere()).toBe(0);
  expect(await importsAudited()).toBe(audited);
});

test("the corrected file is imported, and its benchmarks show on the public site and in the review queue", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/import");
  const form = page.getByTestId("import-form");
  await form.getByLabel("CSV file").setInputFiles(csv([HEADER, ...rows]));
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText(`Imported “benchmarks-${run}.csv”`);
  await expect(page.getByTestId("import-summary")).toContainText(`Created 2 benchmarks: ${NEW[0]!.slug}, ${NEW[1]!.slug}.`);
  expect(await importedHere()).toBe(2);
  expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import.csv' AND after LIKE ?", `%benchmarks-${run}.csv%`)).toBe(1);

  await page.goto(`/benchmarks/${NEW[0]!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW[0]!.title);
  await expect(page.getByRole("main")).toContainText("Liu Xia");

  await page.goto("/review/hrc-37");
  await expect(page.getByRole("link", { name: NEW[1]!.title })).toBeVisible();
});

test("importing the same file again changes nothing", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/import");
  const form = page.getByTestId("import-form");
  await form.getByLabel("CSV file").setInputFiles(csv([HEADER, ...rows]));
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Created 0 benchmarks.");
  await expect(page.getByTestId("import-summary")).toContainText("2 benchmarks were already stored exactly so");
  expect(await importedHere()).toBe(2);
});
