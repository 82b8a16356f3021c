// Validation messages in Chinese: found by their English text, so the catalogue must hold the schemas'
// sentences exactly, and what has no entry stays readable (English) rather than blank.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessmentFormSchema, evidenceErrorsByRow } from "@/lib/validation/assessment";
import { newRoundSchema, redactionDecisionSchema } from "@/lib/validation/editor";
import { editTrackSchema } from "@/lib/validation/records-reference";
import en from "@/messages/en.json";
import { localizeFieldErrors, localizeValidationMessage, zodErrorMap } from "./validation";

const VALIDATION_SOURCE = ["lib/validation", "lib/auth"]
  .flatMap((dir) => readdirSync(path.resolve(__dirname, "../..", dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)))
  .map((file) => readFileSync(path.resolve(__dirname, "../..", file), "utf8"))
  .join("\n");

describe("validation messages in the page's language", () => {
  it("hold only sentences the schemas say (a placeholder stands for what the schema puts there)", () => {
    const missing = Object.entries(en.validation).filter(([, message]) => {
      const parts = message.split(/\{\w+\}/).filter((part) => part.length > 3);
      return !parts.every((part) => VALIDATION_SOURCE.includes(part));
    });
    expect(missing.map(([key]) => key)).toEqual([]);
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
