import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { usesPostgres } from "./dialect";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");
export const PG_MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations-pg");

export async function migrateDatabase(db: Db): Promise<void> {
  if (usesPostgres()) await migratePg(db as unknown as NodePgDatabase, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  else migrateSqliteDatabase(db);
}

/** SQLite's migrator runs synchronously: for the restore, which streams rows into a better-sqlite3 connection. */
export function migrateSqliteDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
