import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

export async function migrateDatabase(db: Db): Promise<void> {
  migrateSqliteDatabase(db);
}

/** SQLite's migrator runs synchronously: for the restore, which streams rows into a better-sqlite3 connection. */
export function migrateSqliteDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
