import { describe, expect, it } from "vitest";
import { carriedForwardRationale, deadlineState, inQueueView, isDisagreement, nextUnscored, proposeScore, roundAgreement, unionEvidence, visibleOtherScores, type Decision, type LatestAssessment } from "./review";

const a = (id: number, reviewerId: string, status: LatestAssessment["status"]): LatestAssessment => ({ id, reviewerId, status });
const choice = (assessmentId: number, status: Decision["status"]): Decision => ({ assessmentId, status, isRuling: false });

describe("proposeScore", () => {
  it("proposes the status two reviewers agree on", () => {
    expect(proposeScore([a(1, "r1", "partial"), a(2, "r2", "partial")], null)).toEqual({ kind: "agreement", status: "partial", assessmentId: 1, evidenceFrom: [1, 2] });
  });

  it("waits for a second reviewer", () => {
    expect(proposeScore([a(1, "r1", "met")], null)).toEqual({ kind: "incomplete", reviewers: 1 });
    expect(proposeScore([], null)).toEqual({ kind: "incomplete", reviewers: 0 });
  });

  it("flags a disagreement for the editor, and takes the editor's ruling once made", () => {
    const latest = [a(1, "r1", "met"), a(2, "r2", "not_met")];
    expect(proposeScore(latest, null)).toEqual({ kind: "disagreement", statuses: ["met", "not_met"] });
    expect(proposeScore(latest, choice(2, "not_met"))).toEqual({ kind: "decided", status: "not_met", assessmentId: 2, evidenceFrom: [2] });
  });

  it("ignores a ruling on an assessment that a reviewer has since replaced", () => {
    expect(proposeScore([a(3, "r1", "met"), a(2, "r2", "not_met")], choice(1, "met"))).toEqual({ kind: "disagreement", statuses: ["met", "not_met"] });
  });

  it("takes an editor's own ruling, with its own status and evidence, whatever the reviewers said since", () => {
    const ruling: Decision = { assessmentId: 9, status: "partial", isRuling: true };
    expect(proposeScore([a(3, "r1", "met"), a(4, "r2", "not_met")], ruling)).toEqual({ kind: "decided", status: "partial", assessmentId: 9, evidenceFrom: [9] });
    expect(proposeScore([], ruling).kind).toBe("decided");
  });

  it("needs all three reviewers to agree when there are three", () => {
    expect(proposeScore([a(1, "r1", "met"), a(2, "r2", "met"), a(3, "r3", "partial")], null).kind).toBe("disagreement");
  });
});

describe("roundAgreement", () => {
  it("measures the two most active reviewers over the benchmarks both scored", () => {
    const byBenchmark = new Map([
      [1, [a(1, "r1", "met"), a(2, "r2", "met")]],
      [2, [a(3, "r1", "not_met"), a(4, "r2", "not_met")]],
      [3, [a(5, "r1", "met"), a(6, "r2", "not_met")]],
      [4, [a(7, "r1", "not_met"), a(8, "r2", "met")]],
      [5, [a(9, "r1", "partial")]],
    ]);
    const result = roundAgreement(byBenchmark);
    expect(result.reviewers).toEqual(["r1", "r2"]);
    expect(result.items).toBe(4);
    expect(result.percent).toBe(0.5);
    // po 0.5; A met 2/4, not 2/4; B the same → pe 0.5 → κ 0.
    expect(result.kappa).toBe(0);
  });

  it("has no figures with fewer than two reviewers", () => {
    const result = roundAgreement(new Map([[1, [a(1, "r1", "met")]]]));
    expect(result.items).toBe(0);
    expect(result.percent).toBeNull();
    expect(result.kappa).toBeNull();
  });
});

describe("deadlineState", () => {
  it("reads a deadline against today", () => {
    expect(deadlineState(null, "2026-11-23")).toBe("none");
    expect(deadlineState("2026-12-31", "2026-11-23")).toBe("open");
    expect(deadlineState("2026-11-30", "2026-11-23")).toBe("due-soon");
    expect(deadlineState("2026-11-23", "2026-11-23")).toBe("due-soon");
    expect(deadlineState("2026-11-22", "2026-11-23")).toBe("overdue");
  });
});

describe("carriedForwardRationale", () => {
  const source = { roundName: "HRC 37", status: "not_met" as const, rationale: "Still held without trial.", isDemo: false };

  it("names the round and repeats a real rationale", () => {
    expect(carriedForwardRationale(source)).toBe("Carried forward unchanged from HRC 37: Still held without trial.");
  });

  it("never repeats demo text, and says the score was demo", () => {
    const text = carriedForwardRationale({ ...source, rationale: "Demo score: nothing recorded.", isDemo: true });
    expect(text).not.toContain("Demo score");
    expect(text).toContain("demo data");
    expect(text).toContain("HRC 37");
  });

  it("does not stack prefixes when a carried score is carried again", () => {
    const once = carriedForwardRationale(source);
    expect(carriedForwardRationale({ ...source, roundName: "UPR 2018", rationale: once })).toBe("Carried forward unchanged from UPR 2018: Still held without trial.");
  });

  it("stays within the rationale limit by pointing to the round instead of quoting a long reason", () => {
    const text = carriedForwardRationale({ ...source, rationale: "x".repeat(4000) });
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text).toContain("HRC 37");
  });
});

describe("nextUnscored", () => {
  const order = ["a", "b", "c", "d"];
  it("takes the next one in queue order that is not scored", () => {
    expect(nextUnscored(order, new Set(["b"]), "a")).toBe("c");
  });
  it("wraps round to the start", () => {
    expect(nextUnscored(order, new Set(["a", "d"]), "c")).toBe("b");
  });
  it("never returns the current one, and null when all are scored", () => {
    expect(nextUnscored(order, new Set(["a", "b", "d"]), "c")).toBeNull();
    expect(nextUnscored(["a"], new Set(), "a")).toBeNull();
  });
  it("starts from the top when the current one is not in the queue", () => {
    expect(nextUnscored(order, new Set(["a"]), "zzz")).toBe("b");
  });
});

describe("the queue's views and blind scoring", () => {
  const other = { ...a(2, "r2", "met"), reviewerName: "R2" };
  it("shows no other reviewer's score until this reviewer has scored", () => {
    expect(visibleOtherScores({ mine: undefined, others: [other] })).toEqual([]);
    expect(visibleOtherScores({ mine: a(3, "r1", "met"), others: [other] })).toEqual([other]);
  });
  it("counts a disagreement only when both have scored and the statuses differ", () => {
    expect(isDisagreement({ mine: undefined, others: [other] })).toBe(false);
    expect(isDisagreement({ mine: a(3, "r1", "met"), others: [other] })).toBe(false);
    expect(isDisagreement({ mine: a(3, "r1", "partial"), others: [other] })).toBe(true);
    expect(isDisagreement({ mine: a(3, "r1", "partial"), others: [] })).toBe(false);
  });
  it("sorts entries into to score, scored and disagreements", () => {
    const unscored = { mine: undefined, others: [other] };
    const differing = { mine: a(3, "r1", "partial"), others: [other] };
    expect([inQueueView("to-score", unscored), inQueueView("scored", unscored), inQueueView("disagreements", unscored), inQueueView("all", unscored)]).toEqual([true, false, false, true]);
    expect([inQueueView("to-score", differing), inQueueView("scored", differing), inQueueView("disagreements", differing)]).toEqual([false, true, true]);
  });
});

describe("unionEvidence", () => {
  const link = (url: string, title = url) => ({ url, title, publishedOn: null });

  it("keeps every reviewer's links, each address once, in the order the assessments come", () => {
    const first = [link("https://a.example/1", "First title"), link("https://a.example/2")];
    const second = [link("https://b.example/3"), link("https://a.example/1", "Same address, other title")];
    expect(unionEvidence([first, second])).toEqual([link("https://a.example/1", "First title"), link("https://a.example/2"), link("https://b.example/3")]);
  });

  it("is empty when nobody gave evidence", () => {
    expect(unionEvidence([[], []])).toEqual([]);
  });
});
