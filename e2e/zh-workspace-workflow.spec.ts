// The workspace in Chinese (/zh/…): signing in, the review queue and the scoring form speak Chinese,
// refusals and confirmations included; links, redirects and the language switch keep the language; no
// interface text from the English catalogue and no axe-core violation on the translated pages.
// On the workflow server: a score is saved.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { englishInterfaceText } from "./english-interface";
import { hydrated } from "./hydrated";
import { plantScoredRound } from "./round-fixture";
import { createReviewerAccount, EDITOR, pageAs } from "./session-helpers";
import { rawInsert, rawRun } from "../db/testing/raw-sql";
import { E2E_WORKFLOW_DATABASE_PATH, readRows, writeRows } from "./test-database";

const ROUND = "upr-china-2018";
const run = Date.now().toString(36);
let made = 0;

const test = base.extend<{ reviewer: { name: string; email: string; password: string } }, { editor: Page }>({
  editor: [
    async ({ browser }, provide) => {
      const page = await pageAs(browser, EDITOR, "/editor/users");
      await provide(page);
      await page.context().close();
    },
    { scope: "worker" },
  ],
  reviewer: async ({ editor }, provide, info) => provide(await createReviewerAccount(editor, `zh-w${info.workerIndex}-${++made}`, run)),
});
test.describe.configure({ timeout: 90_000 });

async function expectChineseAndAccessible(page: Page) {
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  expect(await englishInterfaceText(page), page.url()).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), page.url()).toEqual([]);
}

async function signInInChinese(page: Page, account: { email: string; password: string }, next = "/zh/review") {
  await page.goto(`/zh/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("电子邮箱").fill(account.email);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出登录", exact: true })).toBeVisible();
}

test("a signed-out reader is sent to the Chinese sign-in, which speaks Chinese, refuses in Chinese and leads back to the Chinese page", async ({ page, reviewer }) => {
  await page.goto(`/zh/review/${ROUND}`);
  await expect(page).toHaveURL(new RegExp(`/zh/sign-in\\?next=${encodeURIComponent(`/zh/review/${ROUND}`)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
  await expectChineseAndAccessible(page);

  await page.getByLabel("电子邮箱").fill(reviewer.email);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "该电子邮箱和密码与任何账户都不匹配" })).toBeVisible();

  await page.getByLabel("密码").fill(reviewer.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/review/${ROUND}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("评分：");
});

test("the code step of signing in is in Chinese, both for the app's code and a backup code", async ({ page }) => {
  await page.goto("/zh/sign-in/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录：输入验证码");
  await expect(page.getByLabel("身份验证器应用中的验证码")).toBeVisible();
  await expectChineseAndAccessible(page);
  await page.getByRole("button", { name: "改用备用码" }).click();
  await expect(page.getByLabel("备用码", { exact: true })).toBeVisible();
  expect(await englishInterfaceText(page)).toEqual([]);
});

test("a reviewer scores in Chinese: the queue, the form, a refusal that keeps what was sent, and the saved confirmation", async ({ page, reviewer }) => {
  await signInInChinese(page, reviewer);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("评审队列");
  await expect(page.getByRole("navigation", { name: "工作区" }).getByRole("link", { name: "评审队列" })).toHaveAttribute("href", "/zh/review");
  await expectChineseAndAccessible(page);

  // The seed's round, its track and its benchmarks are named in Chinese: nothing there is marked as English.
  const listed = page.getByTestId("review-rounds").getByRole("listitem").filter({ has: page.locator(`a[href="/zh/review/${ROUND}"]`) });
  await expect(listed.getByRole("link")).toHaveText("2018年中国普遍定期审议");
  await expect(listed).toContainText("普遍定期审议 · ");
  await expect(listed.locator('[lang="en"]')).toHaveCount(0);
  await listed.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/zh/review/${ROUND}$`));
  await expect(page.getByTestId("todo-count")).toContainText("项待评分");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("评分：2018年中国普遍定期审议");
  await expect(page.getByTestId("queue").locator('tbody th[scope="row"] a')).not.toHaveCount(0);
  // Marked as English only where the benchmark has no Chinese title: the seed's all have one; other
  // specs in this server add benchmarks in English alone, which this round's queue may list too.
  const markedEnglish = await page.getByTestId("queue").locator("tbody tr").filter({ has: page.locator('[lang="en"]') }).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-benchmark")));
  const withoutChinese = new Set(
    (await readRows<{ slug: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT slug FROM benchmarks WHERE title_zh IS NULL OR trim(title_zh) = ''")).map((b) => b.slug),
  );
  expect(markedEnglish.filter((slug) => !withoutChinese.has(slug!))).toEqual([]);
  await expectChineseAndAccessible(page);

  const first = page.getByTestId("queue").locator("tbody tr").filter({ hasNot: page.locator('[lang="en"]') }).first();
  const benchmark = (await first.getAttribute("data-benchmark"))!;
  const chineseTitle = (await first.getByRole("link").first().textContent())!;
  expect(chineseTitle).toMatch(/\p{Script=Han}/u);
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/zh/review/${ROUND}/${benchmark}$`));
  await expect(page.getByRole("radiogroup", { name: "状态" })).toBeVisible();
  // The scoring form names the benchmark and the round by their Chinese names too.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(chineseTitle);
  await expect(page.getByRole("heading", { level: 1 }).locator('[lang="en"]')).toHaveCount(0);
  await expect(page.getByText("你在2018年中国普遍定期审议的评分")).toBeVisible();
  await expectChineseAndAccessible(page);

  // Too short a rationale: refused in Chinese beside its field, with what was typed kept.
  await page.getByLabel("部分落实").check();
  await page.getByLabel("理由", { exact: true }).fill("太短");
  await page.getByLabel("地址 1").fill("https://example.org/zh-report");
  await page.getByLabel("标题 1").fill("一份报告");
  await page.getByRole("button", { name: "保存评分" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未保存任何内容：请更正标出的字段。" })).toBeVisible();
  await expect(page.locator("#rationale-error")).toHaveText("请用至少 10 个字符说明评分理由。");
  await expect(page.getByLabel("理由", { exact: true })).toHaveValue("太短");
  await expect(page.getByLabel("地址 1")).toHaveValue("https://example.org/zh-report");
  await expect(page.getByLabel("部分落实")).toBeChecked();
  expect(await englishInterfaceText(page)).toEqual([]);

  const rationale = `部分被拘押者已获释，其余仍在羁押中（测试 ${run}）。`;
  await page.getByLabel("理由", { exact: true }).fill(rationale);
  await page.getByRole("button", { name: "保存评分" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。你之前的评分保留在历史记录中。" })).toBeVisible();
  await expect(page.getByLabel("理由", { exact: true })).toHaveValue(rationale);
  await expect(page.getByRole("link", { name: "返回队列" })).toHaveAttribute("href", `/zh/review/${ROUND}`);
  expect(await englishInterfaceText(page)).toEqual([]);

  // Save and next stays in Chinese.
  await page.getByRole("button", { name: "保存并前往下一项未评分的基准" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/review/${ROUND}/[^/?]+\\?saved=${benchmark}$`));
  await expect(page.getByTestId("saved-previous")).toContainText("已保存你对");
});

test("the scoring form names a person's role, a law's article and their events in Chinese, an English fallback marked as English", async ({ page, reviewer }) => {
  // A track, round and benchmark of this test's own (scoped to its track, so no other round's queue lists it),
  // naming a person whose role has a Chinese text and a law whose article has none (the schema holds no Chinese article).
  const slug = `zh-context-${run}`;
  const person = { role: `Rights lawyer (${run})`, roleZh: `维权律师（${run}）` };
  const events = {
    detainedEn: `Taken from home by police (${run}).`,
    detainedZh: `被警察从家中带走（${run}）。`,
    releasedEn: `Let go after a year, watched since (${run}).`,
    amendedEn: `Article narrowed (${run}).`,
  };
  const article = `Article 73 (${run})`;
  await writeRows(E2E_WORKFLOW_DATABASE_PATH, async (db) => {
    const track = await rawInsert(db, "INSERT INTO tracks (slug, name, short_name, name_zh) VALUES (?, ?, ?, ?)", slug, `Context track ${run}`, `C${run}`.slice(0, 12), `情境议程${run}`);
    const round = await rawInsert(db, "INSERT INTO rounds (slug, track_id, name, name_zh, start_date, date_precision) VALUES (?, ?, ?, ?, '2019-03-01', 'day')", slug, track, `Context round ${run}`, `情境轮次${run}`);
    const benchmark = await rawInsert(
      db,
      "INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, review_state) SELECT ?, ?, ?, id, 'chinese_government', ?, 'approved' FROM categories WHERE slug = 'release-of-detained-people'",
      slug,
      `Free the context person ${run}`,
      `释放情境人物${run}`,
      round,
    );
    await rawRun(db, "INSERT INTO benchmark_tracks (benchmark_id, track_id) VALUES (?, ?)", benchmark, track);
    const personId = await rawInsert(db, "INSERT INTO subjects (slug, kind, name, name_zh, role, role_zh) VALUES (?, 'person', ?, ?, ?, ?)", `${slug}-person`, `Context Person ${run}`, `情境人物${run}`, person.role, person.roleZh);
    const lawId = await rawInsert(db, "INSERT INTO subjects (slug, kind, name, name_zh, article) VALUES (?, 'law', ?, ?, ?)", `${slug}-law`, `Context Law ${run}`, `情境法律${run}`, article);
    await rawRun(db, "INSERT INTO subject_events (subject_id, kind, occurred_on, date_precision, description, description_zh, source_url) VALUES (?, 'detained', '2018-05-01', 'month', ?, ?, ?)", personId, events.detainedEn, events.detainedZh, `https://example.org/${slug}`);
    await rawRun(db, "INSERT INTO subject_events (subject_id, kind, occurred_on, date_precision, description) VALUES (?, 'released', '2019-05-01', 'month', ?)", personId, events.releasedEn);
    await rawRun(db, "INSERT INTO subject_events (subject_id, kind, occurred_on, date_precision, description) VALUES (?, 'amended', '2018-01-01', 'month', ?)", lawId, events.amendedEn);
    for (const subject of [personId, lawId]) await rawRun(db, "INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)", benchmark, subject);
  });

  await signInInChinese(page, reviewer, `/zh/review/${slug}/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`释放情境人物${run}`);
  const subjects = page.getByTestId("subjects");
  // The kinds of events in the "event" messages' Chinese.
  for (const word of ["被拘押", "获释", "修订"]) await expect(subjects.getByText(word, { exact: false }).first()).toBeVisible();
  // The role in Chinese, unmarked; an event's Chinese note where it has one.
  await expect(subjects.getByText(person.roleZh, { exact: true })).toBeVisible();
  await expect(subjects.locator('[lang="en"]', { hasText: person.role })).toHaveCount(0);
  await expect(subjects.getByText(person.role)).toHaveCount(0);
  await expect(subjects.getByText(events.detainedZh, { exact: true })).toBeVisible();
  await expect(subjects.getByText(events.detainedEn)).toHaveCount(0);
  // Its line in Chinese punctuation, its source link too.
  const detained = subjects.locator("ol > li").filter({ hasText: events.detainedZh });
  await expect(detained).toContainText(`被拘押：${events.detainedZh}（来源`);
  await expect(detained.getByRole("link", { name: /^来源/ })).toHaveAttribute("href", `https://example.org/${slug}`);
  // The article and the notes with no Chinese text: in English, marked as English content.
  for (const english of [article, events.releasedEn, events.amendedEn]) await expect(subjects.locator('[lang="en"]', { hasText: english })).toHaveCount(1);
  await expectChineseAndAccessible(page);
  await page.screenshot({ path: "test-results/zh-scoring-form.png", fullPage: true });
});

test("the language switch on a workspace page keeps the page and its query, and signing out stays in the language", async ({ page, reviewer }) => {
  await signInInChinese(page, reviewer, `/zh/review/${ROUND}?show=scored`);
  await expect(page.getByRole("navigation", { name: "显示哪些基准" }).locator('[aria-current="page"]')).toContainText("已评分");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`:\\d+/review/${ROUND}\\?show=scored$`));
  await expect(page.getByRole("navigation", { name: "Which benchmarks to show" }).locator('[aria-current="page"]')).toContainText("Scored");
  // The check finds English where there is some: the same page in English is full of it.
  expect(await englishInterfaceText(page)).toEqual(expect.arrayContaining(["Review queue", "Sign out", "Which benchmarks to show"]));
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/review/${ROUND}\\?show=scored$`));
  await page.getByRole("button", { name: "退出登录", exact: true }).click();
  await expect(page).toHaveURL(/\/zh$/);
});

test("the account page in Chinese: the password form's refusals and the sessions' answers", async ({ page, reviewer }) => {
  await signInInChinese(page, reviewer, "/zh/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("你的账户");
  await expect(page.getByText("（评审员）")).toBeVisible();
  await expectChineseAndAccessible(page);

  const form = page.getByTestId("change-password");
  await form.getByLabel("新密码", { exact: true }).fill("short");
  await form.getByRole("button", { name: "更改密码" }).click();
  await expect(form.getByRole("alert")).toHaveText("未作任何更改：请更正标出的字段。");
  await expect(form.getByText("请输入当前密码。")).toBeVisible();
  await expect(form.getByText("新密码至少需要 10 个字符。")).toBeVisible();

  const others = page.getByTestId("end-other-sessions");
  await others.getByRole("button", { name: "在其他所有地方退出登录" }).click();
  await expect(others.getByRole("alert").or(others.getByRole("status"))).toContainText(/没有其他打开的会话|已在其他所有地方退出登录/);
  expect(await englishInterfaceText(page)).toEqual([]);
});

test("the users page in Chinese: an editor creates an account and is told so in Chinese", async ({ editor }) => {
  await editor.goto("/zh/editor/users");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("用户");
  await expectChineseAndAccessible(editor);
  const form = editor.getByTestId("new-user");
  const email = `zh-users-${run}@example.org`;
  await form.getByLabel("姓名").fill(`评审员 ${run}`);
  await form.getByLabel("电子邮箱").fill(email);
  await form.getByLabel("角色").selectOption("reviewer");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "创建账户" }).click();
  await expect(form.getByRole("alert")).toHaveText("未保存任何内容：请更正标出的字段。");
  await expect(form.getByText("密码至少需要 10 个字符。")).toBeVisible();
  await expect(form.getByLabel("电子邮箱")).toHaveValue(email);
  await form.getByLabel("初始密码").fill("zh-users-password-1");
  await form.getByRole("button", { name: "创建账户" }).click();
  await expect(form.getByRole("status")).toHaveText(`已为 ${email} 创建评审员账户。请通过安全渠道告知对方密码。`);
});

test("the still-to-translate list and the CSV import page are in Chinese", async ({ editor }) => {
  await editor.goto("/zh/editor/records/translations");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("待翻译");
  await expectChineseAndAccessible(editor);

  await editor.goto("/zh/editor/import");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("从 CSV 导入基准或评分");
  await expect(editor.getByLabel("CSV 文件")).toBeVisible();
  await expectChineseAndAccessible(editor);
});

test("a track's correction page in Chinese saves a Chinese name, says so in Chinese and keeps it in its history", async ({ editor }) => {
  const slug = `zh-track-${run}`;
  await editor.goto("/editor/reference");
  const add = editor.getByTestId("new-track");
  await add.getByLabel("Name", { exact: true }).fill(`Track to translate ${run}`);
  await add.getByLabel("Short name for charts").fill(`T${run}`.slice(0, 12));
  await add.getByLabel("Short identifier").fill(slug);
  await add.getByLabel("Description").fill("A track made by the Chinese workspace test.");
  await add.getByRole("button", { name: "Add track" }).click();
  await expect(add.getByRole("status")).toContainText("Added the track");

  await editor.goto(`/zh/editor/records/tracks/${slug}`);
  await expect(editor.getByRole("heading", { level: 1 })).toContainText(`Track to translate ${run}`);
  await expectChineseAndAccessible(editor);
  const form = editor.getByTestId("edit-track");
  await form.getByLabel("中文名称（可选）").fill(`待译议程${run}`);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText(`已保存议程“Track to translate ${run}”：更改了 1 个字段。`);
  await editor.reload();
  await expect(editor.getByTestId("edit-track").getByLabel("中文名称（可选）")).toHaveValue(`待译议程${run}`);
  await expect(editor.getByTestId("record-history")).toContainText(`待译议程${run}`);
});

test("record pages name their record in Chinese, and what has only English is marked as English", async ({ editor }) => {
  const one = async (sql: string, slug: string) => (await readRows<{ en: string; zh: string | null }>(E2E_WORKFLOW_DATABASE_PATH, sql, slug))[0]!;
  // A category's and a benchmark's page: the heading by the Chinese name (other specs rename some, so read it now).
  const category = await one("SELECT name AS en, name_zh AS zh FROM categories WHERE slug = ?", "release-of-detained-people");
  await editor.goto("/zh/editor/records/categories/release-of-detained-people");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(category.zh!);
  const benchmark = await one("SELECT title AS en, title_zh AS zh FROM benchmarks WHERE slug = ?", "release-liu-xia");
  await editor.goto("/zh/editor/records/benchmarks/release-liu-xia");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`编辑基准“${benchmark.zh}”`);
  // A statement the seed gives no Chinese title: its English one, marked.
  const statement = await one("SELECT title AS en, title_zh AS zh FROM statements WHERE slug = ?", "chrd-2012-dialogue-comments");
  await editor.goto("/zh/review/statements/chrd-2012-dialogue-comments");
  const heading = editor.getByRole("heading", { level: 1 });
  if (statement.zh) await expect(heading).toHaveText(statement.zh);
  else {
    await expect(heading).toHaveText(statement.en);
    await expect(heading).toHaveAttribute("lang", "en");
  }
  // "Still to translate" lists records by their English names: each marked.
  await editor.goto("/zh/editor/records/translations");
  const listed = editor.locator('[data-testid^="untranslated-"] li a');
  await expect(listed.first()).toBeVisible();
  expect(await listed.evaluateAll((links) => links.filter((a) => a.getAttribute("lang") !== "en").length)).toBe(0);
  // The confidentiality page says how a withheld name reads in Chinese text, the English marker marked.
  await editor.goto("/zh/editor/confidential-texts");
  await expect(editor.getByText(/显示为“［姓名已隐去］”/)).toBeVisible();
  await expect(editor.locator('span[lang="en"]', { hasText: "[name withheld]" })).toHaveCount(1);
  // The account page names this browser in Chinese words around the product names.
  await editor.goto("/zh/account");
  await expect(editor.getByTestId("session-current")).toContainText(/(Linux|Windows) 上的 \w*Chrom/);
});

test("the editor home and the records index are in Chinese", async ({ editor }) => {
  await editor.goto("/zh/editor");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("编辑");
  await expect(editor.getByRole("heading", { name: "各轮次与评审员进度" })).toBeVisible();
  await expect(editor.getByTestId("new-round").getByLabel("日期的精确程度")).toBeVisible();
  // A record's Chinese name in a select's options where it has one (the seed's tracks all do).
  await expect(editor.getByTestId("new-round").getByLabel("议程").locator("option", { hasText: "普遍定期审议" })).toHaveCount(1);
  await expect(editor.getByTestId("new-round").getByLabel("议程").locator("option", { hasText: "Universal Periodic Review" })).toHaveCount(0);
  // The progress table names each round by its Chinese name, its deadline field too.
  const roundZh = (await readRows<{ zh: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT name_zh AS zh FROM rounds WHERE slug = ?", "upr-china-2018"))[0]!.zh;
  expect(roundZh).toMatch(/\p{Script=Han}/u);
  const progressRow = editor.getByTestId("progress").locator('tr[data-round="upr-china-2018"]');
  await expect(progressRow.getByRole("link", { name: roundZh, exact: true })).toHaveAttribute("href", "/zh/editor/rounds/upr-china-2018");
  await expect(progressRow.getByLabel(roundZh)).toBeVisible();
  await expectChineseAndAccessible(editor);

  await editor.goto("/zh/editor/records");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("更正记录");
  await expect(editor.getByRole("link", { name: "待翻译" })).toHaveAttribute("href", "/zh/editor/records/translations");
  // Records by their Chinese names where they have one (the seed's tracks, rounds, categories, people and benchmarks all do;
  // other specs on this server edit some, so the names are read as they are now), the round's track too.
  const zh = async (table: string, column: string, slug: string) =>
    (await readRows<{ zh: string }>(E2E_WORKFLOW_DATABASE_PATH, `SELECT ${column} AS zh FROM ${table} WHERE slug = ?`, slug))[0]!.zh;
  const track = await zh("tracks", "name_zh", "upr");
  expect(track).toMatch(/\p{Script=Han}/u);
  await expect(editor.getByRole("region", { name: /^议程/ }).getByRole("link", { name: track, exact: true })).toBeVisible();
  const round = editor.getByRole("region", { name: /^轮次/ }).getByRole("listitem").filter({ has: editor.locator('a[href="/zh/editor/records/rounds/upr-china-2018"]') });
  await expect(round.getByRole("link")).toHaveText(await zh("rounds", "name_zh", "upr-china-2018"));
  await expect(round).toContainText(`· ${track} ·`);
  await expect(editor.getByRole("region", { name: /^类别/ }).getByRole("link", { name: await zh("categories", "name_zh", "release-of-detained-people"), exact: true })).toBeVisible();
  await expect(editor.getByRole("region", { name: /^人物/ }).getByRole("link", { name: await zh("subjects", "name_zh", "liu-xiaobo"), exact: true })).toBeVisible();
  await expect(editor.getByRole("region", { name: /^基准/ }).getByRole("link", { name: await zh("benchmarks", "title_zh", "release-liu-xia"), exact: true })).toBeVisible();
  await expect(editor.getByRole("region", { name: /^议程/ }).getByRole("link", { name: "Universal Periodic Review" })).toHaveCount(0);
  // Every name without a Chinese text (records other tests made, statements not yet translated) is marked as English, and only those.
  const names = await editor.locator("section[aria-labelledby] li a").evaluateAll((elements) =>
    elements.map((e) => ({ text: e.textContent ?? "", marked: !!e.closest('[lang="en"]') || !!e.querySelector('[lang="en"]') })),
  );
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((n) => /\p{Script=Han}/u.test(n.text) === n.marked).map((n) => n.text)).toEqual([]);
  await expectChineseAndAccessible(editor);
  await editor.screenshot({ path: "test-results/zh-records-index.png", fullPage: true });
});

test("the correction pages of a round, a category, a person, a law, a benchmark and a statement are in Chinese", async ({ editor }) => {
  const pages: Array<[path: string, form: string, label: string]> = [
    ["/zh/editor/records/rounds/upr-china-2018", "edit-round", "日期备注（可选）"],
    ["/zh/editor/records/categories/legal-reform", "edit-category", "在列表中的位置（数字小的在前）"],
    ["/zh/editor/records/subjects/liu-xiaobo", "edit-subject", "其他名称和拼法（每行一个）"],
    ["/zh/editor/records/subjects/rsdl-article-73", "edit-subject", "条款"],
    ["/zh/editor/records/benchmarks/release-liu-xia", "edit-benchmark", "诉求对象"],
    ["/zh/editor/records/statements/chrd-2012-dialogue-comments", "edit-statement", "签署方"],
  ];
  for (const [path, form, label] of pages) {
    await editor.goto(path);
    await expect(editor.getByTestId(form).getByLabel(label, { exact: true })).toBeVisible();
    await expect(editor.locator("#history-heading")).toHaveText("历史");
    await expectChineseAndAccessible(editor);
  }
});

test("a benchmark's scope checkboxes name the tracks in Chinese, each name marked with its language", async ({ editor }) => {
  await editor.goto("/zh/editor/records/benchmarks/release-liu-xia");
  const form = editor.getByTestId("edit-benchmark");
  await expect(form.getByRole("checkbox", { name: "普遍定期审议" })).toBeVisible();
  await expect(form.locator('span[lang="zh"]', { hasText: "普遍定期审议" })).toHaveCount(1);
  await expect(form.getByRole("checkbox", { name: "Universal Periodic Review" })).toHaveCount(0);
});

test("a CSV with a bad row is refused in Chinese, the row's problem said in Chinese", async ({ editor }) => {
  const header = "Benchmark,Benchmark ID,Category,Addressed to,Applies from,Retired on,Why retired,Raised by,People,Laws and practices";
  const row = `Close every black jail (${run}),zh-black-jails-${run},No such category,Chinese government,hrc-37,,,,,`;
  await editor.goto("/zh/editor/import");
  const form = editor.getByTestId("import-form");
  await form.getByLabel("CSV 文件").setInputFiles({ name: `zh-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${row}\r\n`) });
  await form.getByRole("button", { name: "导入" }).click();
  await expect(form.getByRole("alert")).toContainText("未从");
  const problem = editor.getByTestId("import-problems").getByRole("listitem").first();
  await expect(problem).toContainText("第 2 行：");
  await expect(problem).toContainText("类别“No such category”不存在：请先在工作区的参考数据中添加。");
  expect(await englishInterfaceText(editor)).toEqual([]);
});

test("a category that benchmarks use refuses deletion in Chinese, saying what refers to it", async ({ editor }) => {
  await editor.goto("/zh/editor/records/categories/release-of-detained-people");
  const form = editor.getByTestId("delete-record");
  await form.getByLabel("是的，删除此类别").check();
  await form.getByRole("button", { name: "删除此类别" }).click();
  await expect(form.getByRole("alert")).toContainText(/^此类别不能删除：\d+ 项基准引用了它。/);
  expect(await englishInterfaceText(editor)).toEqual([]);
});

test("reference data, the audit log and the confidential-names page are in Chinese", async ({ editor }) => {
  await editor.goto("/zh/editor/reference");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("参考数据");
  await expect(editor.getByTestId("new-event").getByLabel("发生了什么")).toBeVisible();
  // The lists of records to choose from name them in Chinese (an option can carry no language mark): a benchmark, a person, a track in a scope.
  const target = editor.getByTestId("confidentiality").getByLabel("基准、人物或法律");
  await expect(target.locator("option", { hasText: "基准：解除对刘霞的软禁" })).toHaveCount(1);
  await expect(target.locator("option", { hasText: "人物：刘霞" })).toHaveCount(1);
  await expect(target.locator("option", { hasText: "End Liu Xia's house arrest" })).toHaveCount(0);
  const scoped = editor.getByTestId("scope").getByLabel("基准", { exact: true });
  await expect(scoped.locator("option", { hasText: "中美人权对话的轮次" }).first()).toBeAttached();
  await expect(scoped.locator("option", { hasText: "US–China Human Rights Dialogue" })).toHaveCount(0);
  await expectChineseAndAccessible(editor);

  await editor.goto("/zh/editor/audit");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("审计日志");
  await expect(editor.getByTestId("audit-count")).toContainText("项更改");
  await expect(editor.getByTestId("audit").locator("li").first().locator("time")).toContainText("年");
  await expectChineseAndAccessible(editor);

  await editor.goto("/zh/editor/confidential-texts");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("公开文本中的保密名称");
  await expect(editor.getByRole("heading", { name: "不向公众显示的内容" })).toBeVisible();
  await expectChineseAndAccessible(editor);
});

test("the drafts to review are in Chinese", async ({ editor }) => {
  await editor.goto("/zh/editor/drafts");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("待审核的草稿");
  await expectChineseAndAccessible(editor);
});

test("a CSV import in Chinese says what it wrote in Chinese", async ({ editor }) => {
  const header = "Benchmark,Benchmark ID,Category,Addressed to,Applies from,Retired on,Why retired,Raised by,People,Laws and practices";
  const slug = `zh-import-${run}`;
  const row = `Publish the dates of political trials (${run}),${slug},Transparency and reporting,Chinese government,hrc-37,,,,,`;
  await editor.goto("/zh/editor/import");
  const form = editor.getByTestId("import-form");
  await form.getByLabel("CSV 文件").setInputFiles({ name: `zh-ok-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${row}\r\n`) });
  await form.getByRole("button", { name: "导入" }).click();
  const summary = editor.getByTestId("import-summary").getByRole("listitem");
  await expect(summary).toHaveText(["读取了 1 行基准。", `创建了 1 项基准：${slug}。`]);
  expect(await englishInterfaceText(editor)).toEqual([]);
});

test("a round's page marks an English rationale as English on the Chinese page", async ({ editor }) => {
  // The seed's demo scores are written in English.
  await editor.goto("/zh/editor/rounds/upr-china-2018");
  const rationales = editor.locator("main p", { hasText: "Demo score" });
  await expect(rationales.first()).toBeAttached();
  expect(await rationales.evaluateAll((ps) => ps.map((p) => p.getAttribute("lang")))).toEqual(expect.arrayContaining(["en"]));
  expect(await rationales.evaluateAll((ps) => ps.filter((p) => p.getAttribute("lang") !== "en").length)).toBe(0);
});

test.describe("a round's agreement and publishing page in Chinese", () => {
  test.describe.configure({ mode: "serial" });
  // A round of its own, never published here: two reviewers agree on one benchmark and disagree on another.
  const round = { slug: `zh-pub-${run}`, name: `Council session in Chinese ${run}`, startDate: "2019-01-16" };
  const DISPUTED = "release-yu-wensheng";

  test.beforeAll(async () => {
    await plantScoredRound(E2E_WORKFLOW_DATABASE_PATH, round, [
      { benchmark: "end-rsdl", reviewer: "demo-reviewer-a", status: "not_met", rationale: `审查员甲的理由（${run}）。` },
      { benchmark: "end-rsdl", reviewer: "demo-reviewer-b", status: "not_met", rationale: `审查员乙的理由（${run}）。` },
      { benchmark: DISPUTED, reviewer: "demo-reviewer-a", status: "met", rationale: `审查员甲认为已落实（${run}）。` },
      { benchmark: DISPUTED, reviewer: "demo-reviewer-b", status: "not_met", rationale: `审查员乙认为未落实（${run}）。` },
    ]);
  });

  test("the page speaks Chinese, and a decision is recorded in Chinese", async ({ editor }) => {
    await editor.goto(`/zh/editor/rounds/${round.slug}`);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`一致性与发布：${round.name}`);
    await expect(editor.getByRole("heading", { name: "待解决的分歧（1）" })).toBeVisible();
    await expect(editor.getByTestId("summary-disagreements")).toHaveText("1");
    await expect(editor.getByTestId("preliminary-warning")).toContainText("覆盖率低");
    await editor.getByText(/将发布的 1 项评分/).click();
    await expect(editor.getByTestId("preview-withheld-list")).toContainText("评审员意见分歧（已落实 / 未落实）");
    // A rationale as it was written: a Chinese one unmarked on the Chinese page.
    const chineseRationale = editor.getByTestId("disagreements").locator("p", { hasText: `审查员甲认为已落实（${run}）。` });
    await expect(chineseRationale).toHaveCount(1);
    expect(await chineseRationale.getAttribute("lang")).toBeNull();
    await expectChineseAndAccessible(editor);

    const dispute = editor.getByTestId("disagreements").locator(`[data-benchmark=${DISPUTED}]`);
    await dispute.getByRole("radio", { name: "我自己的裁定，见下文" }).check();
    await dispute.getByRole("button", { name: "记录裁定" }).click();
    await expect(dispute.getByRole("alert")).toHaveText("未保存任何内容：请更正标出的字段。");
    await expect(dispute.getByText("请为你的裁定选择一个状态。")).toBeVisible();
    expect(await englishInterfaceText(editor)).toEqual([]);

    await dispute.getByLabel("你的状态（用于你自己的裁定）").selectOption("partial");
    await dispute.getByLabel("你的理由，向公众显示（用于你自己的裁定）").fill(`编辑的裁定：宣布了一次会见，但未举行（${run}）。`);
    await dispute.getByRole("button", { name: "记录裁定" }).click();
    await expect(editor.getByTestId("summary-decided-by-you")).toHaveText("1");
    const decision = editor.getByTestId("decisions").locator(`[data-benchmark=${DISPUTED}]`);
    await expect(decision.getByTestId("decision-current")).toContainText("本人的裁定");
    await expect(decision.getByTestId("decision-current")).toContainText("（UTC）裁定");
    await expectChineseAndAccessible(editor);
  });

  test("publishing is refused in Chinese: the confirmation box, then the preliminary figures", async ({ editor }) => {
    await editor.goto(`/zh/editor/rounds/${round.slug}`);
    const form = editor.getByTestId("publish");
    await form.getByRole("button", { name: "发布本轮" }).click();
    await expect(form.getByRole("alert")).toHaveText("未保存任何内容：请更正标出的字段。");
    await expect(form.getByText("请勾选此框以确认发布。")).toBeVisible();
    expect(await englishInterfaceText(editor)).toEqual([]);

    await form.getByLabel("我已核对评分，并希望发布它们。").check();
    await form.getByRole("button", { name: "发布本轮" }).click();
    await expect(form.getByRole("alert")).toHaveText(/^现在发布会使本轮的数据成为初步结果.*未发布任何内容。/);
    expect(await englishInterfaceText(editor)).toEqual([]);
  });
});
