import { describe, expect, it } from "vitest";
import type { Status } from "./domain";
import {
  cohensKappa,
  compareRounds,
  coverage,
  emptyTally,
  fulfilmentIndex,
  isApplicable,
  isInScope,
  previousApplicableRound,
  isPreliminary,
  judgedCount,
  percentAgreement,
  regressionRate,
  statusShares,
  summariseRound,
  tallyStatuses,
  type RatingPair,
} from "./scoring";

const repeat = (status: Status, n: number): Status[] => Array.from({ length: n }, () => status);
const pairs = (a: Status, b: Status, n: number): RatingPair[] => Array.from({ length: n }, () => [a, b] as const);

describe("fulfilment index, coverage and regression rate", () => {
  it("counts met fully and partial by half over everything judged", () => {
    // 3 met, 2 partial, 4 not met, 1 regressed, 2 unknown → judged 10; (3 + 1) / 10 = 40.
    const t = tallyStatuses([...repeat("met", 3), ...repeat("partial", 2), ...repeat("not_met", 4), "regressed", ...repeat("unknown", 2)]);
    expect(judgedCount(t)).toBe(10);
    expect(fulfilmentIndex(t)).toBe(40);
    expect(coverage(t, 16)).toBe(10 / 16);
    expect(regressionRate(t)).toBe(0.1);
  });

  it("has no index, no regression rate and zero coverage when every score is unknown", () => {
    const t = tallyStatuses(repeat("unknown", 5));
    expect(fulfilmentIndex(t)).toBeNull();
    expect(regressionRate(t)).toBeNull();
    expect(coverage(t, 5)).toBe(0);
  });

  it("has no figures at all when nothing applies or was assessed", () => {
    const t = emptyTally();
    expect(fulfilmentIndex(t)).toBeNull();
    expect(coverage(t, 0)).toBeNull();
    expect(regressionRate(t)).toBeNull();
    expect(statusShares(t)).toBeNull();
  });

  it("scores only regressions as 0 with a regression rate of 1", () => {
    const t = tallyStatuses(repeat("regressed", 3));
    expect(fulfilmentIndex(t)).toBe(0);
    expect(regressionRate(t)).toBe(1);
  });

  it("reaches 100 only when everything judged is met", () => {
    expect(fulfilmentIndex(tallyStatuses([...repeat("met", 4), "unknown"]))).toBe(100);
    // 1 met + 1 partial: (1 + 0.5) / 2 = 75.
    expect(fulfilmentIndex(tallyStatuses(["met", "partial"]))).toBe(75);
  });

  it("does not round: one met in three judged is 33.33…", () => {
    expect(fulfilmentIndex(tallyStatuses(["met", "not_met", "not_met"]))).toBeCloseTo(100 / 3, 10);
  });

  it("refuses more judged benchmarks than apply, a data error that must not hide", () => {
    expect(() => coverage(tallyStatuses(["met", "met"]), 1)).toThrow(RangeError);
  });

  it("gives each status's share of everything scored, unknown included", () => {
    // 1 met, 1 partial, 2 unknown of 4 scored.
    expect(statusShares(tallyStatuses(["met", "partial", "unknown", "unknown"]))).toEqual({
      met: 0.25,
      partial: 0.25,
      not_met: 0,
      regressed: 0,
      unknown: 0.5,
    });
  });
});

describe("applicability", () => {
  const benchmark = { appliesFromDate: "2015-08-13", retiredOn: null, scopeTrackIds: [] };
  const at = (startDate: string, trackId = 1) => ({ startDate, trackId });

  it("applies from its first round on", () => {
    expect(isApplicable(benchmark, at("2013-07-30"))).toBe(false);
    expect(isApplicable(benchmark, at("2015-08-13"))).toBe(true);
    expect(isApplicable(benchmark, at("2018-11-01"))).toBe(true);
  });

  it("leaves every round that starts on or after its retirement", () => {
    const retired = { ...benchmark, retiredOn: "2017-07-13" };
    expect(isApplicable(retired, at("2017-02-27"))).toBe(true);
    expect(isApplicable(retired, at("2017-07-13"))).toBe(false);
    expect(isApplicable(retired, at("2018-02-26"))).toBe(false);
  });

  it("applies at every track's rounds when its scope lists none, and only at the listed tracks' rounds otherwise", () => {
    const DIALOGUE = 1;
    const COUNCIL = 2;
    const REVIEW = 3;
    for (const track of [DIALOGUE, COUNCIL, REVIEW, 99]) expect(isApplicable(benchmark, at("2016-03-01", track)), `track ${track}`).toBe(true);
    const dialogueOnly = { ...benchmark, scopeTrackIds: [DIALOGUE] };
    expect(isApplicable(dialogueOnly, at("2015-08-13", DIALOGUE))).toBe(true);
    expect(isApplicable(dialogueOnly, at("2016-03-01", COUNCIL))).toBe(false);
    expect(isApplicable(dialogueOnly, at("2018-11-01", REVIEW))).toBe(false);
    // A track added later is outside a limited scope.
    expect(isApplicable(dialogueOnly, at("2019-01-01", 99))).toBe(false);
    const twoTracks = { ...benchmark, scopeTrackIds: [COUNCIL, REVIEW] };
    expect([DIALOGUE, COUNCIL, REVIEW].map((t) => isInScope(twoTracks, t))).toEqual([false, true, true]);
    // Scope narrows the window; it never widens it.
    expect(isApplicable(dialogueOnly, at("2013-07-30", DIALOGUE))).toBe(false);
    expect(isApplicable({ ...dialogueOnly, retiredOn: "2015-01-01" }, at("2015-08-13", DIALOGUE))).toBe(false);
  });
});

describe("the previous applicable round", () => {
  // The seed's timeline: three dialogue rounds, three Council sessions, one review.
  const D = 1;
  const H = 2;
  const U = 3;
  const rounds = [
    { id: 1, startDate: "2012-07-01", trackId: D },
    { id: 2, startDate: "2013-07-30", trackId: D },
    { id: 3, startDate: "2015-08-13", trackId: D },
    { id: 4, startDate: "2016-03-01", trackId: H },
    { id: 5, startDate: "2017-02-27", trackId: H },
    { id: 6, startDate: "2018-02-26", trackId: H },
    { id: 7, startDate: "2018-11-01", trackId: U },
  ];
  const round = (id: number) => rounds.find((r) => r.id === id)!;
  const everywhere = { appliesFromDate: "2013-07-30", retiredOn: null, scopeTrackIds: [] };

  it("is the round before, for a benchmark assessed at every track", () => {
    expect(previousApplicableRound(everywhere, rounds, round(4))?.id).toBe(3);
    expect(previousApplicableRound(everywhere, rounds, round(7))?.id).toBe(6);
    // None before the round it applies from.
    expect(previousApplicableRound(everywhere, rounds, round(2))).toBeUndefined();
  });

  it("skips the rounds of other tracks for a benchmark with a limited scope", () => {
    const dialogueOnly = { ...everywhere, scopeTrackIds: [D] };
    const dialogueAndReview = { ...everywhere, scopeTrackIds: [D, U] };
    expect(previousApplicableRound(dialogueOnly, rounds, round(3))?.id).toBe(2);
    // The review follows three Council sessions: it is compared with the 2015 dialogue round.
    expect(previousApplicableRound(dialogueAndReview, rounds, round(7))?.id).toBe(3);
    // Not applicable at the round itself: nothing to compare.
    expect(previousApplicableRound(dialogueOnly, rounds, round(6))).toBeUndefined();
  });

  it("takes rounds in timeline order whatever order they are given in, and two rounds on one day by id", () => {
    const sameDay = [...rounds, { id: 8, startDate: "2018-11-01", trackId: H }].reverse();
    expect(previousApplicableRound(everywhere, sameDay, sameDay.find((r) => r.id === 8)!)?.id).toBe(7);
    expect(previousApplicableRound({ ...everywhere, scopeTrackIds: [H] }, sameDay, sameDay.find((r) => r.id === 8)!)?.id).toBe(6);
  });
});

describe("round summaries", () => {
  it("summarises a round's scores against what applies", () => {
    const summary = summariseRound({ applicable: 8, statuses: ["met", "partial", "not_met", "not_met", "unknown"] });
    // judged 4: (1 + 0.5) / 4 = 37.5; coverage 4 / 8.
    expect(summary).toMatchObject({ applicable: 8, scored: 5, judged: 4, index: 37.5, coverage: 0.5, regressionRate: 0 });
  });

  it("compares two rounds by index points and by count of each status", () => {
    const before = summariseRound({ applicable: 4, statuses: ["met", "not_met", "not_met", "not_met"] }); // 25
    const after = summariseRound({ applicable: 4, statuses: ["met", "met", "partial", "regressed"] }); // 62.5
    const change = compareRounds(before, after);
    expect(change.index).toBe(37.5);
    expect(change.counts).toEqual({ met: 1, partial: 1, not_met: -3, regressed: 1, unknown: 0 });
  });

  it("has no index change when either round has no index", () => {
    const empty = summariseRound({ applicable: 2, statuses: ["unknown"] });
    const scored = summariseRound({ applicable: 2, statuses: ["met"] });
    expect(compareRounds(empty, scored).index).toBeNull();
    expect(compareRounds(scored, empty).index).toBeNull();
  });
});

describe("agreement between two reviewers", () => {
  it("has nothing to say about no items", () => {
    expect(percentAgreement([])).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });

  it("matches the textbook two-category example: kappa 0.4", () => {
    // 50 items: both 'met' 20, A met/B not 5, A not/B met 10, both 'not met' 15.
    // po = 35/50 = 0.7; A met 25/50, B met 30/50 → pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    const data = [...pairs("met", "met", 20), ...pairs("met", "not_met", 5), ...pairs("not_met", "met", 10), ...pairs("not_met", "not_met", 15)];
    expect(percentAgreement(data)).toBe(0.7);
    expect(cohensKappa(data)).toBeCloseTo(0.4, 12);
  });

  it("works over three statuses", () => {
    // 10 items. Agreements: met 3, partial 2, not_met 2 → po = 0.7.
    // Disagreements: (met, partial), (partial, not_met), (not_met, met).
    // A: met 4, partial 3, not_met 3. B: met 4, partial 3, not_met 3.
    // pe = 0.4² + 0.3² + 0.3² = 0.34; κ = (0.7 − 0.34) / 0.66 = 0.5454…
    const data = [
      ...pairs("met", "met", 3),
      ...pairs("partial", "partial", 2),
      ...pairs("not_met", "not_met", 2),
      ["met", "partial"] as const,
      ["partial", "not_met"] as const,
      ["not_met", "met"] as const,
    ];
    expect(percentAgreement(data)).toBeCloseTo(0.7, 12);
    expect(cohensKappa(data)).toBeCloseTo(0.36 / 0.66, 12);
  });

  it("goes negative when reviewers agree less than chance would", () => {
    // Always opposite: po = 0; A and B each 50/50 → pe = 0.5; κ = −0.5/0.5 = −1.
    const data = [...pairs("met", "not_met", 5), ...pairs("not_met", "met", 5)];
    expect(percentAgreement(data)).toBe(0);
    expect(cohensKappa(data)).toBe(-1);
  });

  it("reports 1 when both reviewers used one and the same status throughout", () => {
    expect(cohensKappa(pairs("not_met", "not_met", 6))).toBe(1);
  });

  it("is 0 when agreement is exactly what chance predicts", () => {
    // A always 'met'; B half met, half not: po = 0.5, pe = 1·0.5 = 0.5 → κ = 0.
    const data = [...pairs("met", "met", 2), ...pairs("met", "not_met", 2)];
    expect(cohensKappa(data)).toBe(0);
  });
});

describe("isPreliminary", () => {
  const summary = (judged: number, applicable: number) => summariseRound({ applicable, statuses: [...repeat("met", judged), ...repeat("unknown", 1)] });

  it("marks a round judged below the threshold, and not one at or above it", () => {
    // 11 of 48 judged: 22.9% coverage.
    expect(isPreliminary(summary(11, 48), 0.6)).toBe(true);
    expect(isPreliminary(summary(29, 48), 0.6)).toBe(false);
    expect(isPreliminary(summary(30, 50), 0.6)).toBe(false);
    expect(isPreliminary(summary(29, 50), 0.6)).toBe(true);
  });

  it("counts unknown as not judged", () => {
    expect(isPreliminary(summariseRound({ applicable: 10, statuses: [...repeat("unknown", 9), "met"] }), 0.5)).toBe(true);
  });

  it("never marks a round where nothing applies, and marks nothing with a threshold of 0", () => {
    expect(isPreliminary(summariseRound({ applicable: 0, statuses: [] }), 0.6)).toBe(false);
    expect(isPreliminary(summariseRound({ applicable: 10, statuses: [] }), 0)).toBe(false);
  });
});
