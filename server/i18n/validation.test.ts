// Validation messages in Chinese: found by their English text, so the catalogue must hold the schemas'
// sentences exactly, and what has no entry stays readable (English) rather than blank.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountRoleSchema, changePasswordSchema, endSessionSchema, resetPasswordSchema } from "@/lib/validation/account";
import { assessmentApiSchema, assessmentFormSchema, carryForwardSchema, evidenceErrorsByRow } from "@/lib/validation/assessment";
import { benchmarkRowSchema, importUploadSchema, parseEvidenceCell, scoreRowSchema } from "@/lib/validation/import";
import { DASHBOARD_PAGE_KEYS, FILTER_KEYS, parseDashboardFilters, parseDashboardPages } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";
import { backupCodeSchema, confirmPasswordSchema, totpCodeSchema, twoFactorRequirementSchema, verifyTotpRequestSchema } from "@/lib/validation/two-factor";
import { newRoundSchema, redactionDecisionSchema } from "@/lib/validation/editor";
import { editTrackSchema } from "@/lib/validation/records-reference";
import en from "@/messages/en.json";
import { ADDRESSEE_LABELS, STATUS_LABELS, STATUSES } from "@/lib/domain";
import { localizeImportProblem } from "./import-problems";
import { localizeFieldErrors, localizeValidationMessage, zodErrorMap } from "./validation";

const VALIDATION_SOURCE = ["lib/validation", "lib/auth"]
  .flatMap((dir) => readdirSync(path.resolve(__dirname, "../..", dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)))
  .map((file) => readFileSync(path.resolve(__dirname, "../..", file), "utf8"))
  .join("\n");

describe("validation messages in the page's language", () => {
  it("hold only sentences the schemas say (a placeholder stands for what the schema puts there)", () => {
    const missing = Object.entries(en.validation).filter(([, message]) => {
      // The spaces around a placeholder are the template's, not the sentence's.
      const parts = message.split(/\{\w+\}/).map((part) => part.trim()).filter((part) => part.length > 3);
      return !parts.every((part) => VALIDATION_SOURCE.includes(part));
    });
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it("say the dashboard's dropped filters and pages in Chinese, each filter named in words", () => {
    const { problems } = parseDashboardFilters({ track: "Not_Valid", addressee: "martians", from: "hrc-37" }, { quoteValues: false });
    const { problems: pageProblems } = parseDashboardPages({ heatPage: "x", changesPage: "2" });
    expect([...problems, ...pageProblems].map((m) => localizeValidationMessage(m, "zh"))).toEqual([
      "议程（track）：该值不是有效的标识",
      "诉求对象（addressee）：该值不在可选范围内",
      "热力图的页码（heatPage）：该值不是页码",
    ]);
    // Quoted back (the exports' refusals), the value stays as it was sent.
    expect(parseDashboardFilters({ category: "Legal Reform" }).problems.map((m) => localizeValidationMessage(m, "zh"))).toEqual(["类别（category）：“Legal Reform”不是有效的标识"]);
    // Every filter and page key has its name.
    const named = [...FILTER_KEYS, ...DASHBOARD_PAGE_KEYS].map((key) => localizeValidationMessage(parseDashboardFilters({ [key]: "!" }, { quoteValues: false }).problems[0] ?? parseDashboardPages({ [key]: "!" }).problems[0]!, "zh"));
    expect(named.filter((m) => /[A-Za-z]+:/.test(m) || !m.includes("）："))).toEqual([]);
  });

  it("say a form's refusals in Chinese, the evidence row's number kept where the form looks for it", () => {
    const parsed = assessmentFormSchema.safeParse(
      { roundSlug: "hrc-37", benchmarkSlug: "release-liu-xia", expectedLatestId: "0", rationale: "short", evidenceUrl: ["javascript:alert(1)", ""], evidenceTitle: ["", ""], evidenceDate: ["", "10 July"] },
      { error: zodErrorMap("zh") },
    );
    expect(parsed.success).toBe(false);
    const errors = localizeFieldErrors(z.flattenError(parsed.error!).fieldErrors as Record<string, string[]>, "zh");
    expect(errors.status).toEqual(["请选择一个状态。"]);
    expect(errors.rationale).toEqual(["请用至少 10 个字符说明评分理由。"]);
    // The second row has a date and no address: its address is missing too.
    expect(errors.evidenceUrl).toEqual(["证据 1：请使用完整的 http:// 或 https:// 地址，例如 https://example.org/report。", "证据 2：请使用完整的 http:// 或 https:// 地址，例如 https://example.org/report。"]);
    expect(errors.evidenceTitle).toEqual(["证据 1：请填写不超过 300 个字符的标题。", "证据 2：请填写不超过 300 个字符的标题。"]);
    expect(errors.evidenceDate).toEqual(["证据 2：请使用 2018-07-10 这样的日期格式。"]);
    const byRow = evidenceErrorsByRow(errors);
    expect(byRow.get(1)!.url).toHaveLength(1);
    expect(byRow.get(2)!.url).toHaveLength(1);
    expect(byRow.get(2)!.date).toHaveLength(1);
  });

  it("say the editor's forms' refusals in Chinese and leave them in English on an English page", () => {
    const fieldErrors = (result: { error?: z.ZodError }, locale: "en" | "zh") =>
      localizeFieldErrors(z.flattenError(result.error!).fieldErrors as Record<string, string[]>, locale);
    const round = newRoundSchema.safeParse({ trackSlug: "Bad Slug", slug: "hrc-40", name: "x", location: "", startDate: "2019-03-10", endDate: "2019-03-01", datePrecision: "day", scoringDeadline: "" });
    expect(fieldErrors(round, "zh")).toMatchObject({ trackSlug: ["请使用小写字母、数字和连字符。"], name: ["请为该轮次填写名称。"] });
    expect(fieldErrors(round, "en")).toMatchObject({ trackSlug: ["Use lower-case letters, digits and hyphens."], name: ["Give the round a name."] });
    const dates = newRoundSchema.safeParse({ trackSlug: "hrc", slug: "hrc-40", name: "HRC 40", location: "", startDate: "2019-03-10", endDate: "2019-03-01", datePrecision: "day", scoringDeadline: "" });
    expect(fieldErrors(dates, "zh").endDate).toEqual(["结束日期早于开始日期。"]);
    expect(fieldErrors(dates, "en").endDate).toEqual(["The end date is before the start date."]);
    const redaction = redactionDecisionSchema.safeParse({ record: "nothing", field: "password", decision: "x" });
    expect(fieldErrors(redaction, "zh")).toEqual({ record: ["请从列表中选择一段文本。"], field: ["请从列表中选择一段文本。"], decision: ["请选择继续隐去名称、隐藏该记录，还是重新显示。"] });
    // A limit the schema puts in the sentence is kept in the Chinese one.
    const track = editTrackSchema.safeParse({ slug: "hrc", version: "1", name: "a".repeat(201), shortName: "HRC", description: "" });
    expect(fieldErrors(track, "zh").name).toEqual(["最多 200 个字符。"]);
    expect(fieldErrors(track, "en").name).toEqual(["At most 200 characters."]);
  });

  it("fill in a placeholder, leave English as it was, and keep a message without an entry", () => {
    expect(localizeValidationMessage("The password needs at least 12 characters.", "zh")).toBe("密码至少需要 12 个字符。");
    expect(localizeValidationMessage("The password needs at least 12 characters.", "en")).toBe("The password needs at least 12 characters.");
    expect(localizeValidationMessage("Something no catalogue knows.", "zh")).toBe("Something no catalogue knows.");
  });

  it("take zod's own messages (a wrong type) from its Chinese locale", () => {
    const result = z.object({ n: z.number() }).safeParse({ n: "x" }, { error: zodErrorMap("zh") });
    expect(result.error!.issues[0]!.message).toMatch(/\p{Script=Han}/u);
    expect(zodErrorMap("en")).toBeUndefined();
  });
});

/** Every message a failed parse gives, in the order zod reports them. */
const messagesOf = (result: { success: boolean; error?: z.ZodError }) => (result.error?.issues ?? []).map((issue) => issue.message);

/**
 * What is still English in a Chinese sentence once the words the reader types or sends as they are
 * (field names, codes, addresses, the accepted English labels, quoted values) are set aside.
 */
function englishLeftIn(sentence: string): string[] {
  // The addressees and statuses a file or a tool may name, in English as the export writes them.
  for (const label of [...Object.values(ADDRESSEE_LABELS), ...Object.values(STATUS_LABELS), ...STATUSES].sort((a, b) => b.length - a.length)) sentence = sentence.replaceAll(label, "");
  const kept = /“[^”]*”|https?:\/\/\S*|example\.org\/report|release-gui-minhai|npm run import|\b(?:currentPassword|newPassword|token|code|trustDevice|extra|true|false|yes|no|id|CSV|MB|abcde)\b/g;
  return sentence.replace(kept, "").match(/[A-Za-z]{3,}/g) ?? [];
}

describe("the account, scoring, import, paging and two-factor schemas in Chinese", () => {
  const everySentence: string[] = [
    // account.ts
    ...messagesOf(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" })),
    ...messagesOf(changePasswordSchema.safeParse({ currentPassword: 7, newPassword: "x".repeat(201) })),
    ...messagesOf(changePasswordSchema.safeParse({ currentPassword: "x".repeat(201), newPassword: "long enough now", trustDevice: true })),
    ...messagesOf(accountRoleSchema.safeParse({ userId: "", role: "admin" })),
    ...messagesOf(accountRoleSchema.safeParse({ userId: "x".repeat(65), role: "editor" })),
    ...messagesOf(resetPasswordSchema.safeParse({ newPassword: "long enough now", token: "" })),
    ...messagesOf(resetPasswordSchema.safeParse({ newPassword: "long enough now", token: "x".repeat(201), extra: 1 })),
    ...messagesOf(endSessionSchema.safeParse({ sessionId: "x".repeat(65) })),
    // assessment.ts: the form, the carry-forward and the API's body
    ...messagesOf(assessmentFormSchema.safeParse({ roundSlug: "Bad", benchmarkSlug: "b", expectedLatestId: "0", rationale: "x".repeat(4001), publicRecord: "no", evidenceUrl: ["x".repeat(2001)], evidenceTitle: [""], evidenceDate: [""] })),
    ...messagesOf(carryForwardSchema.safeParse({ roundSlug: "hrc-37", chosen: [] })),
    ...messagesOf(carryForwardSchema.safeParse({ roundSlug: "hrc-37", chosen: ["Not A Benchmark"] })),
    ...messagesOf(carryForwardSchema.safeParse({ roundSlug: "hrc-37", chosen: Array.from({ length: 501 }, (_, i) => `b-${i}:1`) })),
    ...messagesOf(assessmentApiSchema.safeParse({ round: "hrc-37", benchmark: "b", expectedLatestId: "1", status: "done", rationale: "long enough rationale", publicRecord: "yes", evidence: [{ url: "https://example.org", title: "", publishedOn: "July" }] })),
    ...messagesOf(assessmentApiSchema.safeParse({ round: "hrc-37", benchmark: "b", expectedLatestId: 0, status: "met", rationale: "long enough rationale", evidence: [{ url: "https://example.org", title: "x".repeat(301) }] })),
    // import.ts: the upload, a benchmarks row, a scores row and an evidence cell
    ...messagesOf(importUploadSchema.safeParse({ file: undefined })),
    ...messagesOf(importUploadSchema.safeParse({ file: new File([], "empty.csv") })),
    ...messagesOf(importUploadSchema.safeParse({ file: new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.csv") })),
    ...messagesOf(benchmarkRowSchema.safeParse({ benchmark: "", benchmark_id: "Not A Slug", category: "x".repeat(121), addressee: "the moon", applies_from: "", assessed_at: Array.from({ length: 101 }, (_, i) => `t${i}`).join(" | "), retired_on: "soon", retired_reason: "x".repeat(501), sources: "x".repeat(301), people: "x".repeat(301), laws: Array.from({ length: 101 }, (_, i) => `l${i}`).join(" | ") })),
    ...messagesOf(benchmarkRowSchema.safeParse({ benchmark_id: "b", category: "c", addressee: "", applies_from: "HRC 37", retired_on: "2019-01-01" })),
    ...messagesOf(benchmarkRowSchema.safeParse({ benchmark: "B", benchmark_id: "b", category: "c", addressee: "Chinese government", applies_from: "HRC 37", retired_reason: "died" })),
    ...messagesOf(scoreRowSchema.safeParse({ round: "x".repeat(201), round_id: "hrc-37", round_start: "March", track: "x".repeat(201), benchmark: "x".repeat(201), benchmark_id: "b", rationale: "short", status: "Done", status_code: "done", demo: "maybe", evidence: "Report" })),
    ...messagesOf(scoreRowSchema.safeParse({ round_id: "hrc-37", benchmark_id: "b", rationale: "long enough rationale", status: "Met", status_code: "partial" })),
    ...messagesOf(scoreRowSchema.safeParse({ round_id: "hrc-37", benchmark_id: "b", rationale: "" })),
    ...parseEvidenceCell(Array.from({ length: 21 }, () => "<https://example.org>").join(" | ")).problems,
    // paging.ts
    ...parsePageParams({ page: "two", pageSize: "many" }).problems,
    ...parsePageParams({ pageSize: "900" }).problems,
    // two-factor.ts
    ...messagesOf(totpCodeSchema.safeParse("12345")),
    ...messagesOf(backupCodeSchema.safeParse("x".repeat(33))),
    ...messagesOf(backupCodeSchema.safeParse("abcde12345")),
    ...messagesOf(confirmPasswordSchema.safeParse({ password: "" })),
    ...messagesOf(confirmPasswordSchema.safeParse({ password: "x".repeat(201) })),
    ...messagesOf(twoFactorRequirementSchema.safeParse({ requireTwoFactor: "yes" })),
    ...messagesOf(verifyTotpRequestSchema.safeParse({ code: "123456", trustDevice: true })),
  ];

  it("say every sentence these schemas give in Chinese, nothing of it left in English", () => {
    const sentences = [...new Set(everySentence)];
    expect(sentences.length).toBeGreaterThan(50);
    const english = sentences.map((sentence) => ({ sentence, left: englishLeftIn(localizeValidationMessage(sentence, "zh")) })).filter(({ left }) => left.length > 0);
    expect(english).toEqual([]);
    for (const sentence of sentences) expect(localizeValidationMessage(sentence, "en")).toBe(sentence);
  });

  it("say an account's and a sign-in code's refusals in Chinese", () => {
    expect(localizeValidationMessage("Choose editor or reviewer.", "zh")).toBe("请选择编辑或评审员。");
    expect(messagesOf(resetPasswordSchema.safeParse({ newPassword: "long enough now", token: "" })).map((m) => localizeValidationMessage(m, "zh"))).toEqual(["链接不完整：请从你收到的消息中重新打开它。"]);
    expect(messagesOf(verifyTotpRequestSchema.safeParse({ code: "123456", trustDevice: true })).map((m) => localizeValidationMessage(m, "zh"))).toEqual(["只能提交 code，不能提交 trustDevice（任何设备都不会因受信任而免填验证码）。"]);
  });

  it("say the scores API's refusals in Chinese, the status codes kept", () => {
    const [status] = messagesOf(assessmentApiSchema.safeParse({ round: "hrc-37", benchmark: "b", expectedLatestId: 0, status: "done", rationale: "long enough rationale" }));
    expect(localizeValidationMessage(status!, "zh")).toBe("请选择一个状态：met, partial, not_met, regressed, unknown。");
  });

  it("say an import's upload and row refusals in Chinese, each cell by its Chinese name", () => {
    const upload = importUploadSchema.safeParse({ file: undefined });
    expect(localizeFieldErrors(z.flattenError(upload.error!).fieldErrors as Record<string, string[]>, "zh")).toEqual({ file: ["请选择要导入的 CSV 文件。"] });
    const row = messagesOf(benchmarkRowSchema.safeParse({ benchmark: "B", benchmark_id: "b", category: "c", addressee: "", applies_from: "HRC 37", retired_on: "2019-01-01" }));
    // A row's problems reach the page as one text, its sentences said one by one.
    expect(localizeImportProblem([...new Set(row)].join(" "), "zh")).toBe("请说明该诉求是向谁提出的。已停用的基准需要注明停用原因。");
    expect(localizeValidationMessage("The title is missing.", "zh")).toBe("缺少标题。");
    expect(localizeValidationMessage("Why retired is longer than 500 characters.", "zh")).toBe("停用原因超过了 500 个字符。");
    // What an evidence cell says of a link zod gave no reason for.
    expect(localizeValidationMessage("Evidence 3: not a web address.", "zh")).toBe("证据 3：不是网址。");
  });

  it("say a page address's paging problems in Chinese", () => {
    expect(parsePageParams({ page: "two", pageSize: "many" }).problems.map((m) => localizeValidationMessage(m, "zh"))).toEqual(["“two”不是页码，因此显示第一页。", "“many”不是有效的每页条数，因此每页显示 100 条。"]);
  });
});
