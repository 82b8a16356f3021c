// The throwaway database the e2e server runs on; tests read it directly to know what pages must show,
// and write to it to set up cases (the server reads per request, so a write shows on the next load).
import path from "node:path";
import Database from "better-sqlite3";

export const E2E_DATABASE_PATH = path.resolve(".test-output/e2e.db");
export const E2E_WORKFLOW_DATABASE_PATH = path.resolve(".test-output/e2e-workflow.db");

export function queryTestDatabase<T>(sql: string, ...params: unknown[]): T[] {
  return queryDatabase<T>(E2E_DATABASE_PATH, sql, ...params);
}

export function queryDatabase<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function writeTestDatabase<T>(write: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  try {
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing.
    return db.transaction(() => write(db)).immediate();
  } finally {
    db.close();
  }
}
