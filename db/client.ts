// The one database connection. Scripts open their own through openDatabase(); the app uses getDb().
import { databaseFile } from "@/lib/env";
import { openConnection, openReadOnlyConnection, type Executor } from "./dialect";

export type Db = Executor;

export function openDatabase(file: string = databaseFile()): Db {
  return openConnection(file);
}

/**
 * A separate read-only connection for long reads such as streaming exports: a statement being
 * iterated keeps its connection busy, and under WAL other readers and the writer carry on.
 * The caller closes it.
 */
export function openReadConnection(file: string = databaseFile()): Db {
  return openReadOnlyConnection(file);
}

const cache = globalThis as unknown as { scorecardDb?: Db };

/** The app's shared connection, opened on first use (never at build time) and kept across dev reloads. */
export function getDb(): Db {
  cache.scorecardDb ??= openDatabase();
  return cache.scorecardDb;
}
