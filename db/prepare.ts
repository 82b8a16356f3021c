// First-start set-up: create the file, apply migrations, seed an empty database.
import { rmSync } from "node:fs";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { ensurePublishedAggregates } from "./queries/published-aggregates";
import { isDatabaseEmpty, loadSeed, type SeedSummary } from "./seed/load";

export interface PrepareResult {
  file: string;
  seeded: SeedSummary | null;
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

export function prepareDatabase(file: string, options: { reset?: boolean } = {}): PrepareResult {
  if (options.reset) removeDatabaseFiles(file);
  const db: Db = openDatabase(file);
  try {
    migrateDatabase(db);
    const seeded = isDatabaseEmpty(db) ? loadSeed(db) : null;
    // Count the published aggregates before serving, so the first reader does not wait for them.
    ensurePublishedAggregates(db);
    return { file, seeded };
  } finally {
    db.$client.close();
  }
}
