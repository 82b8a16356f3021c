// EXPLAIN QUERY PLAN for every statement the dashboard and the API summary run: a full scan of a
// table that grows with the data (scores, assessments, benchmarks, the aggregates) fails the test.
import { loggingConnection } from "../dialect";
import { describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { generateScaleData } from "../seed/scale";
import { getDashboardSummary } from "./dashboard-summary";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";

// public_tallies is not among them: it holds rounds × categories × addressees rows (1,200 at 100,000
// benchmarks × 25 rounds), and reading all of it is the point when every round is in view.
const GROWING = ["published_scores", "assessments", "benchmarks", "benchmark_tracks", "benchmark_subjects", "benchmark_sources", "public_benchmarks", "public_changes"];

const db = openDatabase(":memory:");
await migrateDatabase(db);
await generateScaleData(db, { benchmarks: 400, rounds: 8, reviewers: 3, seed: 3 });
db.$client.exec("ANALYZE");

async function statementsOf(run: (db: Db) => unknown): Promise<Array<{ query: string; params: unknown[] }>> {
  const captured: Array<{ query: string; params: unknown[] }> = [];
  await run(loggingConnection(db.$client, (query, params) => captured.push({ query, params })));
  return captured;
}

/** Plan lines that read a growing table from end to end without an index. */
function fullScans(query: string, params: unknown[]): string[] {
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as Array<{ detail: string }>;
  return plan
    .map((p) => p.detail)
    .filter((detail) => {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      return scanned !== undefined && GROWING.includes(scanned) && !/USING (COVERING )?INDEX/.test(detail);
    });
}

describe("the dashboard's queries use indexes", () => {
  const category = (db.$client.prepare("SELECT slug FROM categories LIMIT 1").get() as { slug: string }).slug;
  const cases: Array<[string, DashboardFilters, boolean]> = [
    ["everything", {}, false],
    ["one category", { category }, false],
    ["one addressee", { addressee: "chinese_government" }, false],
    ["the API summary", {}, true],
  ];
  for (const [name, filters, figuresOnly] of cases) {
    it(`for ${name}`, async () => {
      const statements = await statementsOf((d) => getDashboardSummary(d, filters, { heatMapLimit: 100, changesLimit: 100, figuresOnly }));
      expect(statements.length).toBeGreaterThan(3);
      for (const { query, params } of statements) expect({ query, scans: fullScans(query, params) }).toEqual({ query, scans: [] });
      // The heat map's cells need each row's scope: that read is among the plans checked.
      if (!figuresOnly) expect(statements.some(({ query }) => query.includes('"benchmark_tracks"'))).toBe(true);
    });
  }

  it("and so does the rebuild of the aggregates: every scope lookup is by index", async () => {
    const sqlite = db.$client;
    const prepared: Array<{ query: string; params: unknown[] }> = [];
    const logged = loggingConnection(sqlite, (query, params) => prepared.push({ query, params }));
    await refreshPublishedAggregatesNow(logged, { rebuild: true });
    const scoped = prepared.filter(({ query }) => query.includes("benchmark_tracks"));
    // The tallies and both parts of the changes.
    expect(scoped.length).toBeGreaterThanOrEqual(3);
    expect(scoped.some(({ query }) => query.includes("own.benchmark_id"))).toBe(true);
    for (const { query: source, params } of scoped) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as Array<{ detail: string }>).map((p) => p.detail);
      expect({ source, scans: plan.filter((d) => /^SCAN (bt|own|other|benchmark_tracks)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d)) }).toEqual({ source, scans: [] });
      expect(plan.some((d) => /^SEARCH (bt|own|other|benchmark_tracks)\b/.test(d)), source).toBe(true);
    }
  });

  it("and the check itself catches a full scan", () => {
    expect(fullScans("SELECT count(*) FROM published_scores WHERE basis = ?", ["agreement"])).toEqual([expect.stringMatching(/^SCAN published_scores/)]);
  });
});
