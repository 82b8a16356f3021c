import { describe, expect, it } from "vitest";
import { extractStatement } from "../demands";
import { precision, recall, scoreRuns } from "./score";
import { EVAL_CONTEXT, EVAL_STATEMENTS, type EvalStatement } from "./statements";

const statement: EvalStatement = { id: "t", lang: "en", text: "x", demands: [{ contains: "release A", people: ["a"], matches: [1] }, { contains: "publish" }], newNames: ["New Person"] };

describe("scoreRuns", () => {
  it("counts right, missed and unexpected demands, people, new names and best matches", () => {
    const score = scoreRuns([statement], () => ({
      demands: [
        { text: "We urge them to release A now.", people: ["a", "b"], matches: [1] },
        { text: "An unrelated sentence.", people: [], matches: [] },
      ],
      newNames: ["New Person", "Wrong Name"],
    }));
    expect(score.demands).toEqual({ found: 2, expected: 2, correct: 1 });
    expect(score.people).toEqual({ found: 2, expected: 1, correct: 1 });
    expect(score.newNames).toEqual({ found: 2, expected: 1, correct: 1 });
    expect(score.matches).toEqual({ right: 1, of: 1 });
    expect(precision(score.demands)).toBe(0.5);
    expect(recall(score.people)).toBe(1);
  });

  it("keeps the extractor at or above the figures in the README on the written statements", () => {
    const score = scoreRuns(EVAL_STATEMENTS, (text) => {
      const { demands, newSubjects } = extractStatement(text, EVAL_CONTEXT);
      return { demands, newNames: newSubjects.map((s) => s.name) };
    });
    expect(score.misses).toEqual([]);
    expect(EVAL_STATEMENTS.filter((s) => s.lang === "zh").length).toBeGreaterThanOrEqual(5);
  });
});
