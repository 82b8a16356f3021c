import { describe, expect, it } from "vitest";
import { buildDashboard, latestStatuses, statusDirection, type MatrixBenchmark, type MatrixScore } from "./dashboard";

const rounds = [
  { id: 2, slug: "r2015", name: "2015", startDate: "2015-08-13", trackId: 1 },
  { id: 1, slug: "r2013", name: "2013", startDate: "2013-07-30", trackId: 1 },
  { id: 3, slug: "r2018", name: "2018", startDate: "2018-02-26", trackId: 2 },
];

const bm = (id: number, over: Partial<MatrixBenchmark> = {}): MatrixBenchmark => ({
  id,
  slug: `b${id}`,
  title: `Benchmark ${id}`,
  categorySlug: "release",
  categoryName: "Release",
  categoryPosition: 0,
  addressee: "chinese_government",
  appliesFromDate: "2013-07-30",
  retiredOn: null,
  scopeTrackIds: [],
  ...over,
});

const benchmarks = [
  bm(1),
  bm(2, { categorySlug: "law", categoryName: "Legal reform", categoryPosition: 1, addressee: "us_government" }),
  bm(3, { appliesFromDate: "2015-08-13" }),
  bm(4, { retiredOn: "2017-07-13" }),
];

const s = (benchmarkId: number, roundId: number, status: MatrixScore["status"]): MatrixScore => ({ benchmarkId, roundId, status });
const scores = [
  s(1, 1, "not_met"), s(2, 1, "not_met"), s(4, 1, "not_met"),
  s(1, 2, "partial"), s(2, 2, "not_met"), s(3, 2, "not_met"), s(4, 2, "unknown"),
  s(1, 3, "met"), s(2, 3, "regressed"), s(3, 3, "not_met"),
];

describe("buildDashboard", () => {
  const d = buildDashboard({ rounds, benchmarks, scores });

  it("orders rounds by date and computes each round's figures over what applies then", () => {
    expect(d.series.map((r) => r.round.slug)).toEqual(["r2013", "r2015", "r2018"]);
    // 2013: b1, b2, b4 apply, all not met → 0.
    expect(d.series[0]).toMatchObject({ applicable: 3, judged: 3, index: 0 });
    // 2015: b1..b4 apply; partial, not met, not met, unknown → judged 3, (0.5)/3 = 16.67; coverage 3/4.
    expect(d.series[1]!.applicable).toBe(4);
    expect(d.series[1]!.index).toBeCloseTo(50 / 3, 10);
    expect(d.series[1]!.coverage).toBe(0.75);
    // 2018: b4 retired; met, regressed, not met → 1/3.
    expect(d.series[2]).toMatchObject({ applicable: 3, judged: 3 });
    expect(d.series[2]!.index).toBeCloseTo(100 / 3, 10);
    expect(d.latest?.round.slug).toBe("r2018");
    expect(d.previous?.round.slug).toBe("r2015");
  });

  it("breaks the latest round down by category and by addressee, leaving out empty groups", () => {
    expect(d.byCategory.map((g) => [g.key, g.label, g.applicable, g.index])).toEqual([
      ["release", "Release", 2, 50],
      ["law", "Legal reform", 1, 0],
    ]);
    expect(d.byAddressee.map((g) => [g.key, g.applicable, g.index])).toEqual([
      ["chinese_government", 2, 50],
      ["us_government", 1, 0],
    ]);
  });

  it("lays out a heat map grouped by category, marking rounds where a benchmark does not apply", () => {
    expect(d.heatMap.map((g) => g.categorySlug)).toEqual(["release", "law"]);
    const release = d.heatMap[0]!;
    expect(release.rows.map((r) => r.benchmark.id)).toEqual([1, 4, 3]);
    expect(release.rows.find((r) => r.benchmark.id === 3)!.cells.map((c) => c.status)).toEqual(["n/a", "not_met", "not_met"]);
    expect(release.rows.find((r) => r.benchmark.id === 4)!.cells.map((c) => c.status)).toEqual(["not_met", "unknown", "n/a"]);
  });

  it("caps the heat map's rows, in display order, while the figures still count every benchmark", () => {
    const capped = buildDashboard({ rounds, benchmarks, scores, heatMapLimit: 2 });
    expect(capped.heatMap.flatMap((g) => g.rows.map((r) => r.benchmark.id))).toEqual([1, 4]);
    expect(capped.heatMapShown).toBe(2);
    expect(capped.heatMapTotal).toBe(4);
    expect(capped.series).toEqual(d.series);
    expect(d.heatMapShown).toBe(4);
  });

  it("lists what moved since the previous round, improvements first", () => {
    expect(d.changes.map((c) => [c.benchmark.id, c.fromRoundId, c.from, c.to, c.direction])).toEqual([
      [1, 2, "partial", "met", "up"],
      [2, 2, "not_met", "regressed", "down"],
    ]);
  });

  it("shows nothing to compare with a single round, and nothing at all with no rounds", () => {
    const one = buildDashboard({ rounds: rounds.slice(0, 1), benchmarks, scores });
    expect(one.changes).toEqual([]);
    expect(one.previous).toBeNull();
    const none = buildDashboard({ rounds: [], benchmarks, scores });
    expect(none.latest).toBeNull();
    expect(none.byCategory).toEqual([]);
  });
});

describe("buildDashboard with benchmarks of limited scope", () => {
  // Dialogue rounds (track 1) in 2013, 2015 and 2019; Council sessions (track 2) in 2016 and 2018.
  const D = 1;
  const H = 2;
  const timeline = [
    { id: 10, slug: "d2013", name: "Dialogue 2013", startDate: "2013-07-30", trackId: D },
    { id: 11, slug: "d2015", name: "Dialogue 2015", startDate: "2015-08-13", trackId: D },
    { id: 12, slug: "h2016", name: "Council 2016", startDate: "2016-03-01", trackId: H },
    { id: 13, slug: "h2018", name: "Council 2018", startDate: "2018-02-26", trackId: H },
    { id: 14, slug: "d2019", name: "Dialogue 2019", startDate: "2019-06-01", trackId: D },
  ];
  const scoped = [
    bm(21, { title: "The dialogue meets regularly", scopeTrackIds: [D] }),
    bm(22, { title: "Release a person" }),
    bm(23, { title: "Item 4 statements", appliesFromDate: "2016-03-01", scopeTrackIds: [H], categorySlug: "access", categoryName: "Access", categoryPosition: 1 }),
  ];
  const scoredAt = [
    s(21, 10, "not_met"), s(21, 11, "partial"), s(21, 14, "met"),
    // Scored at a Council session before its scope was narrowed: history, never a figure.
    s(21, 12, "not_met"),
    s(22, 10, "not_met"), s(22, 11, "not_met"), s(22, 12, "partial"), s(22, 13, "partial"), s(22, 14, "met"),
    s(23, 12, "not_met"), s(23, 13, "met"),
    s(23, 14, "not_met"),
  ];
  const d = buildDashboard({ rounds: timeline, benchmarks: scoped, scores: scoredAt });

  it("counts a benchmark only at the rounds of the tracks in its scope, whatever scores exist elsewhere", () => {
    // 2013: b21, b22 not met → 0 of 2. 2015: partial + not met → 100 × 0.5 / 2 = 25.
    // 2016: b22 partial, b23 not met (b21's stale score left out) → 25 over 2, not 16.7 over 3.
    // 2018: b22 partial, b23 met → 100 × 1.5 / 2 = 75. 2019: b21 met, b22 met → 100 over 2 (b23 is Council only).
    expect(d.series.map((r) => [r.round.slug, r.applicable, r.judged, r.index])).toEqual([
      ["d2013", 2, 2, 0],
      ["d2015", 2, 2, 25],
      ["h2016", 2, 2, 25],
      ["h2018", 2, 2, 75],
      ["d2019", 2, 2, 100],
    ]);
    expect(d.series[2]!.tally).toEqual({ met: 0, partial: 1, not_met: 1, regressed: 0, unknown: 0 });
  });

  it("marks rounds outside the scope as not applicable in the heat map, apart from rounds not scored", () => {
    const cells = (id: number) => d.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === id)!.cells.map((c) => c.status);
    expect(cells(21)).toEqual(["not_met", "partial", "n/a", "n/a", "met"]);
    expect(cells(23)).toEqual(["n/a", "n/a", "not_met", "met", "n/a"]);
    const unscored = buildDashboard({ rounds: timeline, benchmarks: scoped, scores: scoredAt.filter((x) => !(x.benchmarkId === 22 && x.roundId === 13)) });
    expect(unscored.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === 22)!.cells[3]!.status).toBeNull();
  });

  it("leaves a category out of the latest round's breakdown when none of its benchmarks is in scope there", () => {
    expect(d.byCategory.map((g) => [g.key, g.applicable])).toEqual([["release", 2]]);
  });

  it("compares each benchmark with its own previous applicable round in view", () => {
    // The 2019 dialogue round follows two Council sessions: b21 is compared with the 2015 dialogue round.
    expect(d.changes.map((c) => [c.benchmark.id, c.fromRoundId, c.from, c.to, c.direction])).toEqual([
      [22, 13, "partial", "met", "up"],
      [21, 11, "partial", "met", "up"],
    ]);
    // With only the dialogue's rounds in view, both are compared with 2015.
    const dialogue = buildDashboard({ rounds: timeline.filter((r) => r.trackId === D), benchmarks: scoped, scores: scoredAt });
    expect(dialogue.changes.map((c) => [c.benchmark.id, c.fromRoundId, c.from])).toEqual([
      [22, 11, "not_met"],
      [21, 11, "partial"],
    ]);
    // From 2016 on, b21's previous dialogue round is out of view: nothing to compare it with.
    const later = buildDashboard({ rounds: timeline.slice(2), benchmarks: scoped, scores: scoredAt });
    expect(later.changes.map((c) => c.benchmark.id)).toEqual([22]);
  });

  it("takes a benchmark's current status only from rounds in its scope", () => {
    const current = latestStatuses({ rounds: timeline, benchmarks: scoped, scores: scoredAt });
    expect(current.get(21)).toMatchObject({ status: "met", round: { slug: "d2019" } });
    expect(current.get(23)).toMatchObject({ status: "met", round: { slug: "h2018" } });
  });
});

describe("statusDirection", () => {
  it("reads moves along the scale", () => {
    expect(statusDirection("not_met", "partial")).toBe("up");
    expect(statusDirection("met", "partial")).toBe("down");
    expect(statusDirection("not_met", "regressed")).toBe("down");
    expect(statusDirection("met", "regressed")).toBe("down");
  });

  it("does not call staying at the bottom an improvement, nor a move into or out of unknown a move", () => {
    expect(statusDirection("regressed", "not_met")).toBeNull();
    expect(statusDirection("regressed", "regressed")).toBeNull();
    expect(statusDirection("unknown", "met")).toBeNull();
    expect(statusDirection("met", "unknown")).toBeNull();
  });
});

describe("latestStatuses", () => {
  it("takes each benchmark's status at the last round where it applied and was scored", () => {
    const latest = latestStatuses({ rounds, benchmarks, scores });
    expect(latest.get(1)).toMatchObject({ status: "met", round: { slug: "r2018" } });
    // Retired in 2017: its current status is the 2015 one.
    expect(latest.get(4)).toMatchObject({ status: "unknown", round: { slug: "r2015" } });
  });

  it("has nothing for a benchmark never scored", () => {
    expect(latestStatuses({ rounds, benchmarks: [bm(9)], scores }).has(9)).toBe(false);
  });
});
