// The throwaway database the e2e server runs on; tests read it directly to know what pages must show,
// and write to it to set up cases (the server reads per request, so a write shows on the next load).
// They go through the app's db/ layer, so they reach the server's database on either dialect: the SQLite
// file, or on PostgreSQL (npm run test:pg: DATABASE_URL) the database the file's path names
// (SCORECARD_PG_DATABASE_PER_FILE), as the server's own connection does.
import path from "node:path";
import { openDatabase, openReadConnection, type Db } from "../db/client";
import { transaction } from "../db/transaction";
import { rawAll } from "../db/testing/raw-sql";

export const E2E_DATABASE_PATH = path.resolve(".test-output/e2e.db");
export const E2E_WORKFLOW_DATABASE_PATH = path.resolve(".test-output/e2e-workflow.db");

/**
 * SQL: benchmark `b` applies at round `r`, `f` being the round it applies from — its window and its
 * scope (lib/scoring isApplicable), for tests that count what a page must list.
 */
export const APPLIES_AT = `f.start_date <= r.start_date AND (b.retired_on IS NULL OR b.retired_on > r.start_date)
  AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id AND bt.track_id = r.track_id))`;

/** The rows of a SELECT with ? placeholders, on whichever database the servers run on (SQLite or PostgreSQL). */
export async function readRows<T>(file: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const db = openReadConnection(file);
  try {
    return await rawAll<T>(db, sql, ...params);
  } finally {
    await db.$client.close();
  }
}

/** The number a `SELECT COUNT(*) AS n …` answers, on either database. */
export async function readCount(file: string, sql: string, ...params: unknown[]): Promise<number> {
  const [row] = await readRows<{ n: number | string }>(file, sql, ...params);
  return Number(row!.n);
}

/** readRows on the public-page server's database. */
export function readTestRows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return readRows<T>(E2E_DATABASE_PATH, sql, ...params);
}

/** readCount on the public-page server's database. */
export function readTestCount(sql: string, ...params: unknown[]): Promise<number> {
  return readCount(E2E_DATABASE_PATH, sql, ...params);
}

/**
 * Runs `write` in one transaction on the server's database, SQLite or PostgreSQL, through db/ (write SQL
 * with db/testing/raw-sql's helpers). On SQLite the transaction takes the write lock up front (BEGIN
 * IMMEDIATE), so it waits for the server's writer instead of failing.
 */
export async function writeRows<T>(file: string, write: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await transaction(db, write);
  } finally {
    await db.$client.close();
  }
}
