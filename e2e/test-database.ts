// The throwaway database the e2e server runs on; tests read it directly to know what pages must show.
import path from "node:path";
import Database from "better-sqlite3";

export const E2E_DATABASE_PATH = path.resolve(".test-output/e2e.db");

export function queryTestDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
