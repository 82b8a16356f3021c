import { describe, expect, it } from "vitest";
import { deadlineState, proposeScore, roundAgreement, unionEvidence, type Decision, type LatestAssessment } from "./review";

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
