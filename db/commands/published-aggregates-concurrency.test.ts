// Two app instances writing public data at once, each refreshing the published aggregates after its
// write (issue 18, item 3): the stored figures must end as a rebuild counts them. Two connections on
// one database stand for the two instances. PostgreSQL only: several instances are a PostgreSQL
// deployment (a SQLite file has one server process, whose write transactions queue), and two
// better-sqlite3 connections in one process would block each other's event loop.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rawAll, rawRun } from "@/db/testing/raw-sql";
import { openDatabase, type Db } from "../client";
import { usesPostgres } from "../dialect";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { transaction } from "../transaction";
import { rebuildPublishedAggregates, refreshPublishedAggregates } from "./published-aggregates";

const dir = mkdtempSync(path.join(tmpdir(), "scorecard-refresh-concurrency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STATUSES = ["met", "partial", "not_met", "regressed", "unknown"] as const;

/** Every stored aggregate, as sorted text: what the public figures are read from. */
async function aggregates(db: Db) {
  const rows = async (query: string) => (await rawAll(db, query)).map((r) => JSON.stringify(r)).sort();
  return {
    tallies: await rows("SELECT round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo FROM public_tallies WHERE applicable <> 0 OR met <> 0 OR demo <> 0"),
    changes: await rows("SELECT round_id, previous_round_id, benchmark_id, from_round_id, direction, from_status, to_status FROM public_changes"),
    benchmarks: await rows("SELECT benchmark_id, category_id, addressee FROM public_benchmarks"),
  };
}

describe.skipIf(!usesPostgres())("the published aggregates, refreshed by two instances writing at once", () => {
  it("end as a rebuild counts them", async () => {
    const file = path.join(dir, "shared.db");
    const setup = openDatabase(file);
    await migrateDatabase(setup);
    await loadSeed(setup);
    const scores = await rawAll<{ benchmarkId: number; roundId: number }>(setup, "SELECT benchmark_id AS \"benchmarkId\", round_id AS \"roundId\" FROM published_scores ORDER BY round_id, benchmark_id");
    expect(scores.length).toBeGreaterThan(20);
    await setup.$client.close();

    const instances = [openDatabase(file), openDatabase(file)];
    try {
      // Each instance corrects published scores and refreshes, as a server action does (withPublishedDataRefresh).
      await Promise.all(
        instances.map(async (db, instance) => {
          for (let i = 0; i < 15; i++) {
            const score = scores[(instance * 7 + i * 13) % scores.length]!;
            await transaction(db, (tx) =>
              rawRun(tx, "UPDATE published_scores SET status = ? WHERE benchmark_id = ? AND round_id = ?", STATUSES[(i + instance) % STATUSES.length], score.benchmarkId, score.roundId),
            );
            await refreshPublishedAggregates(db);
          }
        }),
      );
      const incremental = await aggregates(instances[0]!);
      expect(await rawAll(instances[0]!, "SELECT kind, id FROM public_stale")).toEqual([]);
      await rebuildPublishedAggregates(instances[0]!);
      expect(incremental).toEqual(await aggregates(instances[0]!));
    } finally {
      for (const db of instances) await db.$client.close();
    }
  });
});
