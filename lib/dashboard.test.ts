import { describe, expect, it } from "vitest";
import { buildDashboard, latestStatuses, statusDirection, type MatrixBenchmark, type MatrixScore } from "./dashboard";

const rounds = [
  { id: 2, slug: "r2015", name: "2015", startDate: "2015-08-13" },
  { id: 1, slug: "r2013", name: "2013", startDate: "2013-07-30" },
  { id: 3, slug: "r2018", name: "2018", startDate: "2018-02-26" },
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
    expect(d.changes.map((c) => [c.benchmark.id, c.from, c.to, c.direction])).toEqual([
      [1, "partial", "met", "up"],
      [2, "not_met", "regressed", "down"],
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
