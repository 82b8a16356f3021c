// Commands' refusals in Chinese: each catalogue sentence is one a command says, and the ones with parts
// (a stale form, a referenced record) are said again from those parts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EditConflictError } from "@/db/commands/record-edits";
import { ReferenceDataError, ReferencedRecordError } from "@/db/commands/reference";
import { RecordEditError } from "@/db/commands/record-edits-statements";
import { ConflictError, ScoreRefusedError } from "@/db/commands/review";
import { DraftError } from "@/db/commands/drafts";
import { PreliminaryRefusedError } from "@/db/commands/publishing";
import { ScopeError } from "@/db/commands/scopes";
import { StatementError } from "@/db/commands/statements";
import { RedactionError } from "@/db/queries/confidential-texts";
import en from "@/messages/en.json";
import { localizeDraftMessage, localizeRefusal } from "./refusals";

const COMMAND_FILES = [
  ...readdirSync(path.resolve(__dirname, "../../db/commands"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.resolve(__dirname, "../../db/commands", f)),
  // The query that reads a redaction decision's record key refuses a key of no kind it knows.
  path.resolve(__dirname, "../../db/queries/confidential-texts.ts"),
];
const COMMANDS = COMMAND_FILES.map((file) => readFileSync(file, "utf8")).join("\n");

describe("refusals in the page's language", () => {
  it("hold only sentences the commands say", () => {
    const missing = Object.entries(en.refusal).filter(([, message]) => !message.split(/\{\w+\}/).every((part) => COMMANDS.includes(part)));
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it("leave English as it is", () => {
    expect(localizeRefusal(new ReferenceDataError("noTrack", "No such track."), "en")).toBe("No such track.");
  });

  it("say a refusal in Chinese, its arguments kept", () => {
    expect(localizeRefusal(new ReferenceDataError("roundExists", "A round called “hrc-40” already exists.", { slug: "hrc-40" }), "zh")).toBe("名为“hrc-40”的轮次已经存在。");
    expect(localizeRefusal(new RecordEditError("benchmarkGone", "That benchmark no longer exists."), "zh")).toBe("该基准已不存在。");
    // The kinds are said in the catalogue's words.
    const sameKind = new ReferenceDataError("sameKind", "Only records of the same kind merge: this is a person, Article 73 a law.", { kind: { word: "person" }, name: "Article 73", other: { word: "law" } });
    expect(localizeRefusal(sameKind, "zh")).toBe("只有同类记录才能合并：这条是人物，Article 73是法律。");
    expect(localizeRefusal(sameKind, "en")).toBe("Only records of the same kind merge: this is a person, Article 73 a law.");
  });

  it("say a stale form's refusal from who changed the record and when", () => {
    expect(localizeRefusal(new EditConflictError("Erin Editor", "2026-12-03T10:15:00.000Z"), "zh")).toMatch(/^Erin Editor于 2026-12-03 10:15（UTC）更改了这条记录/);
    expect(localizeRefusal(new EditConflictError(null, null), "zh")).toMatch(/^有人更改了这条记录/);
  });

  it("say what refers to a record that cannot be deleted", () => {
    const error = new ReferencedRecordError("category", [{ what: "benchmarks", count: 3 }], "a category with benchmarks stays (retire its benchmarks instead).", "…");
    expect(localizeRefusal(error, "zh")).toBe("此类别不能删除：3 项基准引用了它。只有未被任何记录引用的记录才会删除；含有基准的类别予以保留（请改为停用其中的基准）。");
  });

  it("hold only sentences a decision on a draft says, and say them in Chinese", () => {
    // Said with or without a part the command adds (", with its statement …", " and 2 draft benchmarks …").
    const composed = new Set(["rejectedStatement", "rejectedStatementWithOne", "rejectedStatementWithMany", "approvedBenchmark", "approvedBenchmarkWith"]);
    const missing = Object.entries(en.draftAnswer).filter(([key, message]) => !composed.has(key) && !message.split(/\{\w+\}/).every((part) => COMMANDS.includes(part)));
    expect(missing.map(([key]) => key)).toEqual([]);
    expect(localizeDraftMessage("Approved the benchmark “Free Li”, with its statement “Letter”: it is public and in the scoring queue now.", "zh")).toBe("已批准基准“Free Li”及其声明 “Letter”：它现已公开并进入评分队列。");
    expect(localizeDraftMessage("“Free Li” is no longer a draft (merged); nothing was changed.", "zh")).toBe("“Free Li”已不再是草稿（已合并）；未作任何更改。");
    expect(localizeDraftMessage("Rejected the source; the reviewer sees your reason.", "en")).toBe("Rejected the source; the reviewer sees your reason.");
  });

  it("give each coded refusal the English sentence its code names in the catalogue", () => {
    const coded = [...COMMANDS.matchAll(/new (?:ScopeError|ConfidentialityError|StatementError|RedactionError|ReferenceDataError|ConflictError|PreliminaryRefusedError|RecordEditError|ScoreRefusedError)\(\s*"(\w+)",\s*"([^"]+)"/g)];
    expect(coded.length).toBeGreaterThan(50);
    for (const [, code, message] of coded) expect(en.refusal[code as keyof typeof en.refusal], code).toBe(message);
    const drafts = [...COMMANDS.matchAll(/new DraftError\(\s*"(\w+)",\s*"([^"]+)"/g)];
    expect(drafts.length).toBeGreaterThan(5);
    for (const [, code, message] of drafts) expect(en.draftAnswer[code as keyof typeof en.draftAnswer], code).toBe(message);
    // Every refusal of these commands is coded: none is thrown with its English sentence alone.
    const codedTemplates = [...COMMANDS.matchAll(/new (?:RecordEditError|ScoreRefusedError)\(\s*"(\w+)",/g)].map((m) => m[1]!);
    expect(codedTemplates.length).toBeGreaterThan(15);
    expect(codedTemplates.length).toBe([...COMMANDS.matchAll(/new (?:RecordEditError|ScoreRefusedError)\(/g)].length);
    for (const code of codedTemplates) expect(code in en.refusal, code).toBe(true);
    // A sentence with values: its code's English, filled in, is the message.
    const templated = [...COMMANDS.matchAll(/new (?:ReferenceDataError|ConflictError|DraftError|RecordEditError|ScoreRefusedError)\(\s*"(\w+)",\s*`/g)].map((m) => m[1]!);
    expect(templated.length).toBeGreaterThan(14);
    for (const code of templated) expect(code in en.refusal || code in en.draftAnswer, code).toBe(true);
  });

  it("say a coded refusal by its code, in English as the command said it", () => {
    expect(localizeRefusal(new ScopeError("trackGone", "One of the tracks ticked no longer exists."), "zh")).toBe("所勾选的议程中有一个已不存在。");
    expect(localizeRefusal(new StatementError("alreadySource", "This statement is already a source of that benchmark; nothing was changed."), "zh")).toBe("此声明已是该基准的来源；未作任何更改。");
    expect(localizeRefusal(new RedactionError("notHidden", "That record is not hidden."), "en")).toBe("That record is not hidden.");
  });

  it("say a decision's and a publication's refusals in Chinese", () => {
    expect(localizeRefusal(new ConflictError("decisionConflict", "Another decision on this benchmark was recorded after you opened the form. Nothing was saved: reload to see it, then decide again."), "zh")).toMatch(/^在你打开表单之后/);
    expect(localizeRefusal(new PreliminaryRefusedError("preliminaryRefused", "Publishing now would make this round's figures preliminary: too few of its benchmarks are judged. Nothing was published. Tick the box to publish them as preliminary, or wait for more scores."), "zh")).toMatch(/^现在发布会使本轮的数据成为初步结果/);
  });

  it("say a decision on a draft's refusal by its code, the draft's state in the catalogue's words", () => {
    const stale = new DraftError("noLongerDraft", "“Free Li” is no longer a draft (merged); nothing was changed.", { title: "Free Li", state: { word: "merged" } });
    expect(localizeRefusal(stale, "zh")).toBe("“Free Li”已不再是草稿（已合并）；未作任何更改。");
    expect(localizeRefusal(stale, "en")).toBe("“Free Li” is no longer a draft (merged); nothing was changed.");
    expect(localizeRefusal(new DraftError("chooseExisting", "Choose the existing benchmark the draft repeats."), "zh")).toBe("请选择该草稿所重复的现有基准。");
  });

  it("say a stale score's refusal by its code, its time kept", () => {
    const error = new ConflictError("scoreChanged", "This score was changed at 2026-12-03 10:15 UTC (now “met”) after you opened the form. Nothing was saved: reload to see the current score, then save again.", { time: "2026-12-03 10:15", status: "met" }, 7);
    expect(localizeRefusal(error, "zh")).toMatch(/^此评分已于 2026-12-03 10:15（UTC）被更改/);
    expect(error.latestId).toBe(7);
  });

  it("keep a sentence it has no entry for as it was", () => {
    expect(localizeRefusal(new Error("Something new went wrong."), "zh")).toBe("Something new went wrong.");
  });

  it("say an edit's and a merge's refusals by their code, a benchmark's title and rounds in Chinese where they have it", () => {
    const rejected = new RecordEditError("notApproved", "“Free Li” is rejected, not an approved benchmark; nothing was changed.", {
      title: { en: "Free Li", zh: "释放李某" },
      state: { word: "notApprovedState", values: { state: { word: "rejected" } } },
    });
    expect(localizeRefusal(rejected, "zh")).toBe("“释放李某”处于“已驳回”状态，不是已批准的基准；未作任何更改。");
    expect(localizeRefusal(rejected, "en")).toBe("“Free Li” is rejected, not an approved benchmark; nothing was changed.");
    const draft = new RecordEditError("notApproved", "“Free Li” is a draft: merge it from the drafts page; nothing was changed.", { title: { en: "Free Li", zh: null }, state: { word: "draftMergeElsewhere" } });
    expect(localizeRefusal(draft, "zh")).toBe("“Free Li”是草稿：请在草稿页面合并它；未作任何更改。");
    const both = new RecordEditError("bothScored", "Both benchmarks were scored at HRC 31. Nothing was merged. …", { rounds: { en: "HRC 31", zh: "人权理事会第31届会议" }, into: { en: "Free Li", zh: null }, from: { en: "Contact", zh: "联系" } });
    expect(localizeRefusal(both, "zh")).toMatch(/^两项基准在 人权理事会第31届会议 都有评分。.*“Free Li”的评分（“联系”在这些轮次/);
    expect(localizeRefusal(new RecordEditError("appliesTooEarly", "…", { slugs: "release-li" }), "zh")).toMatch(/^此声明提出的基准 release-li 届时/);
  });

  it("say a refused score by its code, the track in Chinese where it has a Chinese name, and keep the API's reason", () => {
    const outside = new ScoreRefusedError("scoreNotInScope", "This benchmark does not apply at this round. It is not assessed at US–China Human Rights Dialogue rounds. Nothing was saved.", {
      track: { en: "US–China Human Rights Dialogue", zh: "中美人权对话" },
    });
    expect(localizeRefusal(outside, "zh")).toBe("此基准不适用于本轮次：它不在中美人权对话的轮次中评估。未保存任何内容。");
    expect(localizeRefusal(outside, "en")).toBe("This benchmark does not apply at this round. It is not assessed at US–China Human Rights Dialogue rounds. Nothing was saved.");
    expect(outside.reason).toBe("not_applicable");
    const gone = new ScoreRefusedError("scoreRoundMissing", "That round no longer exists. Nothing was saved.");
    expect(localizeRefusal(gone, "zh")).toBe("该轮次已不存在。未保存任何内容。");
    expect(gone.reason).toBe("missing");
    expect(localizeRefusal(new ScoreRefusedError("scoreNotApproved", "This benchmark is not approved by an editor yet: it is scored once approved. Nothing was saved."), "zh")).toBe("此基准尚未经编辑批准：批准后才能评分。未保存任何内容。");
    expect(localizeRefusal(new ScoreRefusedError("scoreNotInScope", "…", { track: { en: "UPR", zh: null } }), "zh")).toMatch(/^此基准不适用于本轮次：它不在UPR的轮次中评估/);
  });
});
