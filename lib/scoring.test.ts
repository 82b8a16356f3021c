import { describe, expect, it } from "vitest";
import type { Status } from "./domain";
import {
  cohensKappa,
  compareRounds,
  coverage,
  emptyTally,
  fulfilmentIndex,
  isApplicable,
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
  const benchmark = { appliesFromDate: "2015-08-13", retiredOn: null };

  it("applies from its first round on", () => {
    expect(isApplicable(benchmark, { startDate: "2013-07-30" })).toBe(false);
    expect(isApplicable(benchmark, { startDate: "2015-08-13" })).toBe(true);
    expect(isApplicable(benchmark, { startDate: "2018-11-01" })).toBe(true);
  });

  it("leaves every round that starts on or after its retirement", () => {
    const retired = { ...benchmark, retiredOn: "2017-07-13" };
    expect(isApplicable(retired, { startDate: "2017-02-27" })).toBe(true);
    expect(isApplicable(retired, { startDate: "2017-07-13" })).toBe(false);
    expect(isApplicable(retired, { startDate: "2018-02-26" })).toBe(false);
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
