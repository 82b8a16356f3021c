// First-start set-up: create the file, apply migrations, seed an empty database, and bring the
// published aggregates up to date before anything is served (readers never build them).
import { rmSync } from "node:fs";
import { openDatabase, type Db } from "./client";
import { removeDatabase } from "./dialect";
import { refreshPublishedAggregatesNow } from "./commands/published-aggregates";
import { backfillReleaseTallies, ensureFirstRelease } from "./commands/releases";
import { migrateDatabase } from "./migrate";
import { transaction } from "./transaction";
import { isDatabaseEmpty, loadSeed, type SeedSummary } from "./seed/load";

export interface PrepareResult {
  file: string;
  seeded: SeedSummary | null;
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

export async function prepareDatabase(file: string, options: { reset?: boolean } = {}): Promise<PrepareResult> {
  if (options.reset) await removeDatabase(file);
  const db: Db = openDatabase(file);
  try {
    await migrateDatabase(db);
    const seeded = (await isDatabaseEmpty(db)) ? await loadSeed(db) : null;
    // A database published before releases began: what it published is release 1.
    await transaction(db, (tx) => ensureFirstRelease(tx));
    // A full rebuild when the aggregates were never built (a new or restored database, or a migration
    // asking for one); otherwise whatever a writer left stale (a script stopped before its refresh).
    await refreshPublishedAggregatesNow(db);
    // Releases recorded before their figures were stored get them, counted once from their scores.
    await transaction(db, (tx) => backfillReleaseTallies(tx));
    return { file, seeded };
  } finally {
    db.$client.close();
  }
}
