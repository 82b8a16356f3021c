import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { rawAll, rawCount, rawGet } from "../testing/raw-sql";
import { integrityViolations, unscoredApplicablePairs } from "./integrity";
import { generateScaleData, type ScaleOptions } from "./scale";

async function generate(options: ScaleOptions) {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  const summary = await generateScaleData(db, options);
  return { db, summary };
}

// Every generated table has an id or a key of its own: ordered by it, the rows come in the order written.
const FINGERPRINT_ORDER: Record<string, string> = {
  rounds: "id",
  statements: "id",
  benchmarks: "id",
  benchmark_tracks: "benchmark_id, track_id",
  benchmark_sources: "benchmark_id, statement_id",
  benchmark_subjects: "benchmark_id, subject_id",
  subjects: "id",
  assessments: "id",
  evidence_links: "id",
  published_scores: "benchmark_id, round_id",
};

async function fingerprint(db: Db): Promise<string> {
  const hash = createHash("sha256");
  for (const [table, order] of Object.entries(FINGERPRINT_ORDER)) {
    for (const row of await rawAll(db, `SELECT * FROM ${table} ORDER BY ${order}`)) hash.update(JSON.stringify(Object.values(row)));
  }
  return hash.digest("hex");
}

describe("the scale generator", async () => {
  const options = { benchmarks: 600, rounds: 12, reviewers: 3, seed: 7 };
  const { db, summary } = await generate(options);
  const count = (sql: string, ...params: unknown[]) => rawCount(db, sql, ...params);

  it("satisfies every integrity rule the seed satisfies", async () => {
    const violations = await integrityViolations(db);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
    expect(await unscoredApplicablePairs(db)).toBe(0);
  });

  it("makes the sizes it was asked for, with two or three assessments per scored benchmark and round", async () => {
    expect(summary.benchmarks).toBe(600);
    expect(summary.rounds).toBe(12);
    const perPair = await rawGet<{ low: number; high: number }>(db, "SELECT MIN(n) AS low, MAX(n) AS high FROM (SELECT COUNT(*) AS n FROM assessments GROUP BY benchmark_id, round_id) AS pairs");
    expect(perPair).toEqual({ low: 2, high: 3 });
    expect(summary.assessments).toBe(await count("SELECT COUNT(*) AS n FROM assessments"));
  });

  it("has realistic shapes: skewed categories, several sources, Chinese names, a mix that improves over time", async () => {
    const categories = await rawAll<{ n: number }>(db, "SELECT COUNT(*) AS n FROM benchmarks GROUP BY category_id ORDER BY n DESC");
    expect(categories[0]!.n).toBeGreaterThan(3 * categories.at(-1)!.n);
    expect(await count("SELECT COUNT(*) AS n FROM (SELECT benchmark_id FROM benchmark_sources GROUP BY benchmark_id HAVING COUNT(*) > 1) AS several")).toBeGreaterThan(0);
    expect(await rawGet(db, "SELECT name_zh FROM subjects WHERE kind = 'person' LIMIT 1")).toMatchObject({ name_zh: expect.stringMatching(/^[\u4e00-\u9fff]{2,3}$/) });
    const metShare = async (round: string) =>
      Number((await rawGet<{ share: number }>(db, "SELECT AVG(CASE WHEN ps.status IN ('met','partial') THEN 1.0 ELSE 0.0 END) AS share FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE r.slug = ?", round))!.share);
    expect(await metShare("round-12")).toBeGreaterThan(await metShare("round-2"));
    const statuses = (await rawAll<{ status: string }>(db, "SELECT DISTINCT status FROM published_scores ORDER BY status")).map((r) => r.status);
    expect(statuses).toEqual(["met", "not_met", "partial", "regressed", "unknown"]);
  });

  it("gives about one benchmark in ten a limited scope, scored only at its tracks' rounds", async () => {
    const scoped = await count("SELECT COUNT(DISTINCT benchmark_id) AS n FROM benchmark_tracks");
    expect(scoped).toBeGreaterThan(600 * 0.05);
    expect(scoped).toBeLessThan(600 * 0.15);
    expect(await count("SELECT COUNT(*) AS n FROM (SELECT benchmark_id FROM benchmark_tracks GROUP BY benchmark_id HAVING COUNT(*) > 1) AS several")).toBeGreaterThan(0);
    const scoredInScope = await count("SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmark_tracks bt ON bt.benchmark_id = ps.benchmark_id AND bt.track_id = r.track_id");
    expect(scoredInScope).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and differs for another", async () => {
    expect(await fingerprint((await generate(options)).db)).toBe(await fingerprint(db));
    expect(await fingerprint((await generate({ ...options, seed: 8 })).db)).not.toBe(await fingerprint(db));
  });
});
