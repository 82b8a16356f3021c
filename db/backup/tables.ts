// What a backup holds, read from the database itself so that a table added later is never forgotten.
import { readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS_FOLDER } from "../migrate";
import type { BackupMigration } from "./format";

export const MIGRATIONS_TABLE = "__drizzle_migrations";
/** SQLite's own table of AUTOINCREMENT counters: kept, so an id is never handed out twice after a restore. */
export const SEQUENCE_TABLE = "sqlite_sequence";
/**
 * The published data's version counter (migration 0001): its one row comes with the migration, and
 * triggers raise it while public tables are loaded, so a restore writes the backup's row last.
 */
export const DATA_VERSION_TABLE = "data_version";
/**
 * Written by the triggers while public tables load, so restored last, as the backup holds them: the
 * data version, and what had gone stale since the aggregates were refreshed (db/public-tables.ts).
 */
export const WRITTEN_LAST_TABLES = [DATA_VERSION_TABLE, "public_stale"] as const;

export interface BackupTable {
  name: string;
  columns: string[];
  orderBy: string;
}

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every ordinary table, drizzle's migrations table and sqlite_sequence included, by name. Virtual
 * tables are left out (their content lives in their shadow tables, which are ordinary tables),
 * and so are SQLite's other internal tables (statistics that ANALYZE rebuilds).
 */
export function listBackupTables(sqlite: Database.Database): BackupTable[] {
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string; sql: string | null }>;
  return tables
    .filter((t) => (t.name === SEQUENCE_TABLE || !t.name.startsWith("sqlite_")) && !/^\s*CREATE\s+VIRTUAL\s/i.test(t.sql ?? ""))
    .map((t) => {
      const info = sqlite.prepare(`PRAGMA table_xinfo(${quoteName(t.name)})`).all() as Array<{ name: string; pk: number; hidden: number }>;
      // Generated columns (hidden 2 and 3) are computed on insert: they cannot be written back.
      const columns = info.filter((c) => c.hidden === 0).map((c) => c.name);
      const withoutRowid = /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(t.sql ?? "");
      const orderBy = withoutRowid
        ? info
            .filter((c) => c.pk > 0)
            .sort((a, b) => a.pk - b.pk)
            .map((c) => quoteName(c.name))
            .join(", ")
        : "rowid";
      return { name: t.name, columns, orderBy };
    });
}

export function countRows(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${quoteName(table)}`).get() as { n: number }).n;
}

/** The migrations drizzle recorded as applied to this database, oldest first. */
export function readAppliedMigrations(sqlite: Database.Database): BackupMigration[] {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!exists) return [];
  const tags = migrationTags();
  return (sqlite.prepare(`SELECT id, hash, created_at AS createdAt FROM ${quoteName(MIGRATIONS_TABLE)} ORDER BY created_at, id`).all() as Array<{ id: number | null; hash: string; createdAt: number | string }>).map(
    (m) => ({ id: m.id === null ? null : Number(m.id), hash: m.hash, createdAt: Number(m.createdAt), tag: tags.get(Number(m.createdAt)) ?? null }),
  );
}

/** The migrations this version of the app ships, as drizzle would record them. */
export function appMigrations(): Array<{ hash: string; createdAt: number; tag: string | null }> {
  const tags = migrationTags();
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis, tag: tags.get(m.folderMillis) ?? null }));
}

function migrationTags(): Map<number, string> {
  try {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: Array<{ when: number; tag: string }> };
    return new Map(journal.entries.map((e) => [e.when, e.tag]));
  } catch {
    return new Map();
  }
}

/** Whether two migration lists name the same migrations in the same order. */
export function sameMigrations(a: ReadonlyArray<{ hash: string; createdAt: number }>, b: ReadonlyArray<{ hash: string; createdAt: number }>): boolean {
  return a.length === b.length && a.every((m, i) => m.hash === b[i]!.hash && m.createdAt === b[i]!.createdAt);
}

export function describeMigrations(list: ReadonlyArray<{ hash: string; tag: string | null }>): string {
  return list.length === 0 ? "none" : list.map((m) => `${m.tag ?? "unknown migration"} (${m.hash.slice(0, 12)})`).join(", ");
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.resolve(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}
