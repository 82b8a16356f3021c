import { describe, expect, it } from "vitest";
import type { SeedBenchmark, SeedRound } from "./types";
import { buildDemoScores } from "./demo";

const round = (slug: string, startDate: string, trackSlug = "t"): SeedRound => ({
  slug,
  trackSlug,
  name: slug,
  nameZh: slug,
  location: null,
  startDate: startDate as SeedRound["startDate"],
  endDate: null,
  datePrecision: "day",
  dateNote: "",
  sourceSlug: "s",
});
const ROUNDS = [round("r3", "2017-03-01"), round("r1", "2013-07-30"), round("r2", "2015-08-13")];

const benchmark = (overrides: Partial<SeedBenchmark>): SeedBenchmark => ({
  slug: "b",
  title: "B",
  titleZh: "乙",
  categorySlug: "c",
  addressee: "chinese_government",
  appliesFromRoundSlug: "r1",
  scopeTrackSlugs: [],
  subjectSlugs: [],
  sources: [{ statementSlug: "s", demand: "d" }],
  retired: null,
  outcomes: [],
  ...overrides,
});

describe("buildDemoScores", () => {
  it("scores a benchmark at every round from the one it applies from, in date order", () => {
    const scores = buildDemoScores([benchmark({ appliesFromRoundSlug: "r2" })], ROUNDS);
    expect(scores.map((s) => s.roundSlug)).toEqual(["r2", "r3"]);
    expect(scores.every((s) => s.published.status === s.reviewerA.status)).toBe(true);
  });

  it("defaults to not met and carries an outcome forward until the next one", () => {
    const scores = buildDemoScores(
      [benchmark({ outcomes: [{ fromRoundSlug: "r2", status: "partial", rationale: "why", publicRecord: true }] })],
      ROUNDS,
    );
    expect(scores.map((s) => s.reviewerA.status)).toEqual(["not_met", "partial", "partial"]);
    // Where the seed holds no event, the rationale says the round was not checked, not that nothing happened.
    expect(scores[0]!.reviewerA).toMatchObject({ publicRecord: false, rationale: expect.stringMatching(/^Demo score, illustrative only: not checked against the public record/) });
    expect(scores.slice(1).map((s) => s.reviewerA.publicRecord)).toEqual([true, true]);
  });

  it("holds 'regressed' only at the round it was recorded for, then not met", () => {
    const scores = buildDemoScores(
      [benchmark({ outcomes: [{ fromRoundSlug: "r2", status: "regressed", rationale: "law adopted", publicRecord: true }] })],
      ROUNDS,
    );
    expect(scores.map((s) => s.reviewerA.status)).toEqual(["not_met", "regressed", "not_met"]);
    expect(scores[2]!.reviewerA.rationale).toContain("law adopted");
    // The setback rests on public record at its round; the later "not met" is the demo's inference.
    expect(scores.map((s) => s.reviewerA.publicRecord)).toEqual([false, true, false]);
    expect(scores[2]!.reviewerA.rationale).toMatch(/^Demo score/);
  });

  it("stops scoring a retired benchmark from its retirement date", () => {
    const scores = buildDemoScores([benchmark({ retired: { on: "2016-01-01", reason: "died in custody" } })], ROUNDS);
    expect(scores.map((s) => s.roundSlug)).toEqual(["r1", "r2"]);
  });

  it("scores a benchmark of limited scope only at the rounds of its tracks", () => {
    const mixed = [...ROUNDS, round("council", "2016-03-01", "council"), round("review", "2018-11-01", "review")];
    expect(buildDemoScores([benchmark({ scopeTrackSlugs: ["t"] })], mixed).map((s) => s.roundSlug)).toEqual(["r1", "r2", "r3"]);
    expect(buildDemoScores([benchmark({ scopeTrackSlugs: ["council", "review"] })], mixed).map((s) => s.roundSlug)).toEqual(["council", "review"]);
    expect(buildDemoScores([benchmark({ scopeTrackSlugs: ["no-such-track"] })], mixed)).toEqual([]);
    expect(buildDemoScores([benchmark({})], mixed)).toHaveLength(5);
  });

  it("never lets the demo reviewers disagree on an outcome of public record", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      benchmark({ slug: `b${i}`, outcomes: [{ fromRoundSlug: "r1", status: "met", rationale: "done", publicRecord: true }] }),
    );
    expect(buildDemoScores(many, ROUNDS).every((s) => s.published.basis === "agreement")).toBe(true);
  });

  it("is deterministic and includes some disagreements for the editor to settle", () => {
    const many = Array.from({ length: 60 }, (_, i) => benchmark({ slug: `b${i}` }));
    const first = buildDemoScores(many, ROUNDS);
    expect(buildDemoScores(many, ROUNDS)).toEqual(first);
    const disputed = first.filter((s) => s.published.basis === "editor");
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.every((s) => s.reviewerA.status !== s.reviewerB.status)).toBe(true);
  });
});
