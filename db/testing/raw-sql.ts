// Hand-written SQL for tests, on either database: tests check the stored rows directly and plant
// states the commands refuse to make, so they write SQL of their own. These helpers take the SQL with
// ? placeholders, as better-sqlite3 does, and run it through db/dialect on the database in use (on
// PostgreSQL the placeholders become $1, $2 …; drizzle binds the values). They take the database or a
// transaction on it (db/transaction.ts), so a test can plant rows inside one and roll it back.
import { sql, type SQL } from "drizzle-orm";
import type pg from "pg";
import { allRows, runSqlCounting, usesPostgres, type Executor } from "../dialect";

/** The SQL text with each ? outside quotes bound to the next value. */
export function boundSql(text: string, params: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let quote: string | null = null;
  let start = 0;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === "`") {
      quote = c;
    } else if (c === "?") {
      if (next >= params.length) throw new Error(`More placeholders than values in: ${text}`);
      chunks.push(sql.raw(text.slice(start, i)), sql`${params[next++]}`);
      start = i + 1;
    }
  }
  if (next !== params.length) throw new Error(`${params.length} values for ${next} placeholders in: ${text}`);
  chunks.push(sql.raw(text.slice(start)));
  return sql.join(chunks);
}

/**
 * The database's own error rather than drizzle's wrapper ("Failed query: …"), so that a test of a
 * refused write reads the refusal (a trigger's message, a unique key) as better-sqlite3 gave it.
 */
async function unwrapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof Error ? cause : error;
  }
}

/** Every row of a SELECT. */
export async function rawAll<T = Record<string, unknown>>(db: Executor, text: string, ...params: unknown[]): Promise<T[]> {
  return unwrapped(allRows<T>(db, boundSql(text, params)));
}

/** The first row of a SELECT, or undefined. */
export async function rawGet<T = Record<string, unknown>>(db: Executor, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rawAll<T>(db, text, ...params))[0];
}

/** The single number a SELECT answers in a column named n (`SELECT COUNT(*) AS n …`). */
export async function rawCount(db: Executor, text: string, ...params: unknown[]): Promise<number> {
  const row = await rawGet<{ n: number | string }>(db, text, ...params);
  if (!row) throw new Error(`No row from: ${text}`);
  return Number(row.n);
}

/** Runs an insert, update or delete; answers how many rows it wrote. */
export async function rawRun(db: Executor, text: string, ...params: unknown[]): Promise<number> {
  return unwrapped(runSqlCounting(db, boundSql(text, params)));
}

/** Runs an INSERT of one row into a table with an integer id and answers that id (SQLite: lastInsertRowid; PostgreSQL: RETURNING id). */
export async function rawInsert(db: Executor, text: string, ...params: unknown[]): Promise<number> {
  if (usesPostgres()) {
    const [row] = await unwrapped(allRows<{ id: number }>(db, boundSql(`${text} RETURNING id`, params)));
    return Number(row!.id);
  }
  return Number(db.$client.prepare(text).run(...params).lastInsertRowid);
}

/** Runs several statements without parameters (a migration's hand-written part, say). */
export async function rawExec(db: Executor, text: string): Promise<void> {
  if (usesPostgres()) await (db.$client as unknown as pg.Pool).query(text);
  else db.$client.exec(text);
}

/** The first column of the first row of a SELECT (better-sqlite3's pluck().get()), or undefined. */
export async function rawValue<T = unknown>(db: Executor, text: string, ...params: unknown[]): Promise<T | undefined> {
  const row = await rawGet(db, text, ...params);
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}

/** The first column of every row of a SELECT (better-sqlite3's pluck().all()). */
export async function rawValues<T = unknown>(db: Executor, text: string, ...params: unknown[]): Promise<T[]> {
  return (await rawAll(db, text, ...params)).map((row) => Object.values(row)[0] as T);
}

/** The error a write refused by a unique key fails with, in either database's words. */
export const UNIQUE_VIOLATION = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
