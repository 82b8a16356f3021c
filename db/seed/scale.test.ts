import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { integrityViolations, unscoredApplicablePairs } from "./integrity";
import { generateScaleData, type ScaleOptions } from "./scale";

async function generate(options: ScaleOptions) {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  const summary = await generateScaleData(db.$client, options);
  return { sqlite: db.$client as Database.Database, summary };
}

function fingerprint(sqlite: Database.Database): string {
  const hash = createHash("sha256");
  for (const table of ["rounds", "statements", "benchmarks", "benchmark_tracks", "benchmark_sources", "benchmark_subjects", "subjects", "assessments", "evidence_links", "published_scores"]) {
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw(true).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

describe("the scale generator", async () => {
  const options = { benchmarks: 600, rounds: 12, reviewers: 3, seed: 7 };
  const { sqlite, summary } = await generate(options);

  it("satisfies every integrity rule the seed satisfies", () => {
    expect(integrityViolations(sqlite)).toEqual(Object.fromEntries(Object.keys(integrityViolations(sqlite)).map((k) => [k, 0])));
    expect(unscoredApplicablePairs(sqlite)).toBe(0);
  });

  it("makes the sizes it was asked for, with two or three assessments per scored benchmark and round", () => {
    expect(summary.benchmarks).toBe(600);
    expect(summary.rounds).toBe(12);
    const perPair = sqlite.prepare("SELECT MIN(n) AS low, MAX(n) AS high FROM (SELECT COUNT(*) AS n FROM assessments GROUP BY benchmark_id, round_id)").get() as { low: number; high: number };
    expect(perPair).toEqual({ low: 2, high: 3 });
    expect(summary.assessments).toBe((sqlite.prepare("SELECT COUNT(*) AS n FROM assessments").get() as { n: number }).n);
  });

  it("has realistic shapes: skewed categories, several sources, Chinese names, a mix that improves over time", () => {
    const categories = sqlite.prepare("SELECT COUNT(*) AS n FROM benchmarks GROUP BY category_id ORDER BY n DESC").all() as { n: number }[];
    expect(categories[0]!.n).toBeGreaterThan(3 * categories.at(-1)!.n);
    expect((sqlite.prepare("SELECT COUNT(*) AS n FROM (SELECT benchmark_id FROM benchmark_sources GROUP BY benchmark_id HAVING COUNT(*) > 1)").get() as { n: number }).n).toBeGreaterThan(0);
    expect(sqlite.prepare("SELECT name_zh FROM subjects WHERE kind = 'person' LIMIT 1").get()).toMatchObject({ name_zh: expect.stringMatching(/^[\u4e00-\u9fff]{2,3}$/) });
    const metShare = (round: string) =>
      (sqlite.prepare("SELECT AVG(ps.status IN ('met','partial')) AS share FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE r.slug = ?").get(round) as { share: number }).share;
    expect(metShare("round-12")).toBeGreaterThan(metShare("round-2"));
    const statuses = sqlite.prepare("SELECT DISTINCT status FROM published_scores ORDER BY status").all().map((r) => (r as { status: string }).status);
    expect(statuses).toEqual(["met", "not_met", "partial", "regressed", "unknown"]);
  });

  it("gives about one benchmark in ten a limited scope, scored only at its tracks' rounds", () => {
    const scoped = (sqlite.prepare("SELECT COUNT(DISTINCT benchmark_id) AS n FROM benchmark_tracks").get() as { n: number }).n;
    expect(scoped).toBeGreaterThan(600 * 0.05);
    expect(scoped).toBeLessThan(600 * 0.15);
    expect((sqlite.prepare("SELECT COUNT(*) AS n FROM (SELECT benchmark_id FROM benchmark_tracks GROUP BY benchmark_id HAVING COUNT(*) > 1)").get() as { n: number }).n).toBeGreaterThan(0);
    const scoredInScope = sqlite
      .prepare("SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmark_tracks bt ON bt.benchmark_id = ps.benchmark_id AND bt.track_id = r.track_id")
      .get() as { n: number };
    expect(scoredInScope.n).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and differs for another", async () => {
    expect(fingerprint((await generate(options)).sqlite)).toBe(fingerprint(sqlite));
    expect(fingerprint((await generate({ ...options, seed: 8 })).sqlite)).not.toBe(fingerprint(sqlite));
  });
});
