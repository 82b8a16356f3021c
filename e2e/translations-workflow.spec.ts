import { expect, test } from "@playwright/test";
import { createReviewerAccount, EDITOR, pageAs, signIn } from "./session-helpers";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "./test-database";

// An editor finds a public record still without a Chinese title on the "still to translate" list,
// writes one in the record's form, and sees it saved: in the record's history, in the database, in the
// read API asked in Chinese, and off the list. Runs on the workflow server, whose data tests may change.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const run = Date.now().toString(36);
const db = <T,>(sql: string, ...params: unknown[]) => readRows<T>(E2E_WORKFLOW_DATABASE_PATH, sql, ...params);

test("an editor translates a statement from the still-to-translate list, and its history and the API show the Chinese title", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records");
  await page.getByRole("link", { name: "Still to translate" }).click();
  await expect(page).toHaveURL(/\/editor\/records\/translations$/);
  await expect(page.getByRole("heading", { name: "Still to translate", level: 1 })).toBeVisible();
  // The seed gives every benchmark a Chinese title (db/seed/data/integrity.test.ts); other tests on this
  // server may have created some without one, and only those may be listed.
  await expect(page.getByTestId("untranslated-benchmark")).toBeVisible();
  for (const name of await page.getByTestId("untranslated-benchmark").getByRole("link").allTextContents()) {
    const rows = await db<{ zh: string | null }>("SELECT title_zh AS zh FROM benchmarks WHERE title = ?", name.trim());
    expect(rows.length, name).toBeGreaterThan(0);
    expect(rows.every((r) => r.zh === null), name).toBe(true);
  }
  await expect(page.getByTestId("untranslated-benchmark").getByRole("link", { name: "Release Gui Minhai", exact: true })).toHaveCount(0);
  const statements = page.getByTestId("untranslated-statement");
  const first = statements.getByRole("link").first();
  const title = (await first.textContent())!.trim();
  await page.screenshot({ path: "test-results/translations-list.png", fullPage: true });
  await first.click();
  await expect(page).toHaveURL(/\/editor\/records\/statements\//);
  const slug = decodeURIComponent(page.url().split("/").at(-1)!);

  const titleZh = `中文标题（测试 ${run}）`;
  const form = page.getByTestId("edit-statement");
  const field = form.getByLabel("Title in Chinese (optional)");
  await expect(field).toHaveAttribute("lang", "zh");
  await field.fill(titleZh);
  await form.getByLabel("Summary in Chinese (optional)").fill("一份用中文写的摘要。");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved your changes");
  // The form keeps what was saved (React resets a form after its action).
  await expect(field).toHaveValue(titleZh);
  await expect(page.getByTestId("record-history")).toContainText(`title in Chinese (none) → “${titleZh}”`);
  await expect(page.getByTestId("record-history")).toContainText("summary in Chinese (none) → “一份用中文写的摘要。”");
  await page.screenshot({ path: "test-results/translations-saved.png", fullPage: true });

  expect(await db<{ t: string; s: string }>("SELECT title_zh AS t, summary_zh AS s FROM statements WHERE slug = ?", slug)).toEqual([{ t: titleZh, s: "一份用中文写的摘要。" }]);
  const audit = await db<{ after: string }>("SELECT after FROM audit_log WHERE entity = 'statement' AND entity_id = (SELECT CAST(id AS TEXT) FROM statements WHERE slug = ?) ORDER BY id DESC LIMIT 1", slug);
  expect(JSON.parse(audit[0]!.after)).toMatchObject({ titleZh, summaryZh: "一份用中文写的摘要。" });

  const answer = await (await page.request.get("/api/v1/statements?lang=zh&pageSize=500")).json();
  expect(answer.data.find((s: { slug: string }) => s.slug === slug)).toMatchObject({ title, titleZh });
  const english = await (await page.request.get("/api/v1/statements?pageSize=500")).json();
  expect(english.data.find((s: { slug: string }) => s.slug === slug)).not.toHaveProperty("titleZh");

  await page.goto("/editor/records/translations");
  // Other tests on this server may add statements meanwhile, so the list is checked for this one only.
  await expect(page.getByTestId("untranslated-statement").getByRole("link", { name: title, exact: true })).toHaveCount(0);
});

test("a benchmark's demand and a category's name are saved in Chinese and shown in their histories", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/records/categories/legal-reform");
  const category = page.getByTestId("edit-category");
  await category.getByLabel("Name in Chinese (optional)").fill(`法律改革（${run}）`);
  await category.getByRole("button", { name: "Save" }).click();
  await expect(category.getByRole("status")).toContainText("1 field changed");
  await expect(page.getByTestId("record-history")).toContainText(`name in Chinese “法律改革” → “法律改革（${run}）”`);

  await page.goto("/editor/records/benchmarks/release-liu-xia");
  const benchmark = page.getByTestId("edit-benchmark");
  await benchmark.getByLabel("The same demand in Chinese (optional)").first().fill(`立即解除软禁（${run}）`);
  await benchmark.getByRole("button", { name: "Save" }).click();
  await expect(benchmark.getByRole("status")).toContainText("Saved your changes");
  await expect(page.getByTestId("record-history")).toContainText(`立即解除软禁（${run}）`);
  await expect(page.getByTestId("record-history")).toContainText("restated demands in Chinese");
  const api = await (await page.request.get("/api/v1/benchmarks/release-liu-xia?lang=zh")).json();
  expect(api.data.sources.map((s: { demandZh: string | null }) => s.demandZh)).toContain(`立即解除软禁（${run}）`);

  // The Chinese public pages show what the workspace form saved, the English ones do not.
  await page.goto("/zh/benchmarks/release-liu-xia");
  await expect(page.getByText(`立即解除软禁（${run}）`)).toBeVisible();
  await page.goto("/benchmarks/release-liu-xia");
  await expect(page.getByText(`立即解除软禁（${run}）`)).toHaveCount(0);
});

test("the still-to-translate list is for editors: signed out it asks for sign-in, a reviewer sees that it is for editors", async ({ page, browser }) => {
  await page.goto("/editor/records/translations");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Feditor%2Frecords%2Ftranslations/);
  await signIn(page, EDITOR, "/editor/users");
  const reviewer = await pageAs(browser, await createReviewerAccount(page, "translator", run), "/editor/records/translations");
  await expect(reviewer.getByRole("heading", { name: "Editors only", level: 1 })).toBeVisible();
  await expect(reviewer.getByTestId("untranslated-statement")).toHaveCount(0);
});
