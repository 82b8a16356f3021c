// An import's summary in both languages: the same lines, said in English for the command line and an
// English page, in Chinese for a Chinese page.
import { describe, expect, it } from "vitest";
import type { ImportSummary } from "@/lib/import/summary";
import { describeImportSummary } from "./import-summary";

const scores: ImportSummary = { kind: "scores", rowsRead: 3, benchmarksCreated: [], benchmarksUnchanged: 0, assessmentsCreated: 2, alreadyPublished: 1, alreadyImported: 0, differFromPublished: 1, atPublishedRounds: 2 };
const benchmarks: ImportSummary = { ...scores, kind: "benchmarks", rowsRead: 1, benchmarksCreated: ["free-li"], benchmarksUnchanged: 0, assessmentsCreated: 0 };

describe("an import's summary", () => {
  it("says in English what a scores import did, counted in the singular or plural", () => {
    expect(describeImportSummary(scores, "en")).toEqual([
      "Read 3 rows of scores.",
      "Added 2 assessments in your name; no one else's assessment was changed.",
      "1 row repeats the published score and added nothing.",
      "1 new assessment differs from the published score: resolve it on the round's editor page.",
      "2 new assessments are at rounds already published: the public sees them only after the round is published again.",
    ]);
  });

  it("lists the benchmarks created, or says none were", () => {
    expect(describeImportSummary(benchmarks, "en")).toEqual(["Read 1 row of benchmarks.", "Created 1 benchmark: free-li."]);
    expect(describeImportSummary({ ...benchmarks, benchmarksCreated: [], benchmarksUnchanged: 2 }, "en")).toEqual([
      "Read 1 row of benchmarks.",
      "Created 0 benchmarks.",
      "2 benchmarks were already stored exactly so and left as they were.",
    ]);
  });

  it("says the same in Chinese on a Chinese page, with no English left but the slugs", () => {
    expect(describeImportSummary(benchmarks, "zh")).toEqual(["读取了 1 行基准。", "创建了 1 项基准：free-li。"]);
    const lines = describeImportSummary(scores, "zh");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).not.toMatch(/[A-Za-z]/);
  });
});
