// At scale a round has more benchmarks than SQLite allows bound parameters (32,766): the queries
// that take lists of ids must still answer.
import { rawAll, rawGet } from "@/db/testing/raw-sql";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { generateScaleData } from "../seed/scale";
import { listBenchmarkSources, listBenchmarkSubjects } from "./benchmarks";
import { listPublishedScoreDetails } from "./scores";
import { inBatches } from "./shared";

describe("inBatches", () => {
  it("runs the query per batch and keeps every row in order", async () => {
    const calls: number[][] = [];
    const rows = await inBatches(Array.from({ length: 25 }, (_, i) => i), async (batch) => (calls.push(batch), batch.map((id) => id * 2)), 10);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(rows).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
    expect(await inBatches([], async () => [1])).toEqual([]);
  });

  it("awaits an async query per batch and keeps every row in order", async () => {
    const calls: number[][] = [];
    const rows = await inBatches(Array.from({ length: 25 }, (_, i) => i), async (batch) => (calls.push(batch), batch.map((id) => id * 2)), 10);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(rows).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
    expect(await inBatches([], async () => [1])).toEqual([]);
  });
});

describe("queries over more ids than SQLite takes at once", () => {
  it("answers for 40,000 benchmarks", async () => {
    const db = openDatabase(":memory:");
    await migrateDatabase(db);
    await generateScaleData(db, { benchmarks: 40_000, rounds: 2, reviewers: 2, seed: 3 });
    const ids = ((await rawAll(db, "SELECT id FROM benchmarks")) as { id: number }[]).map((r) => r.id);
    expect((await listBenchmarkSources(db, ids)).length).toBeGreaterThanOrEqual(40_000);
    expect((await listBenchmarkSubjects(db, ids)).length).toBeGreaterThan(0);
    const scores = await listPublishedScoreDetails(db, { benchmarkIds: ids });
    expect(scores.length).toBe(((await rawGet(db, "SELECT COUNT(*) AS n FROM published_scores")) as { n: number }).n);
  }, 60_000);
});
