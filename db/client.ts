// The one database connection. Scripts open their own through openDatabase(); the app uses getDb().
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databaseFile } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string = databaseFile()): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers go on while a reviewer writes; the timeout waits out a writer instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * A separate read-only connection for long reads such as streaming exports: a statement being
 * iterated keeps its connection busy, and under WAL other readers and the writer carry on.
 * The caller closes it.
 */
export function openReadConnection(file: string = databaseFile()): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

const cache = globalThis as unknown as { scorecardDb?: Db };

/** The app's shared connection, opened on first use (never at build time) and kept across dev reloads. */
export function getDb(): Db {
  cache.scorecardDb ??= openDatabase();
  return cache.scorecardDb;
}
