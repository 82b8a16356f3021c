// npm run restore -- in.json: loads a JSON backup into a new or empty database, streaming, in one
// transaction, with foreign keys checked before it commits. Anything wrong leaves the target as it was.
import { createReadStream, existsSync, statSync } from "node:fs";
import { JSONParser } from "@streamparser/json";
import Database from "better-sqlite3";
import { openDatabase } from "../client";
import { migrateSqliteDatabase } from "../migrate";
import { removeDatabaseFiles } from "../prepare";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, decodeValue, type BackupHeader, type BackupMigration } from "./format";
import {
  appMigrations,
  countRows,
  describeMigrations,
  listBackupTables,
  MIGRATIONS_TABLE,
  quoteName,
  readAppliedMigrations,
  sameMigrations,
  SEQUENCE_TABLE,
  DATA_VERSION_TABLE,
  WRITTEN_LAST_TABLES,
} from "./tables";

export interface RestoreSummary {
  file: string;
  tables: number;
  rows: number;
  backupCreatedAt: string;
  appVersion: string;
}

const HEADER_KEYS = ["format", "formatVersion", "appVersion", "createdAt", "migrations"] as const;

/** Refuses a target that holds any data; migrations, AUTOINCREMENT counters and the data version alone do not count. */
export function assertEmptyTarget(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of listBackupTables(sqlite)) {
      if (table.name === MIGRATIONS_TABLE || table.name === SEQUENCE_TABLE || table.name === DATA_VERSION_TABLE) continue;
      const n = countRows(sqlite, table.name);
      if (n > 0) {
        throw new BackupError(
          `${file} is not empty (table ${table.name} has ${n} rows). Restore only into a new file or an empty database: set DATABASE_PATH or --database to a path that does not exist yet. Nothing was changed.`,
        );
      }
    }
  } finally {
    sqlite.close();
  }
}

function checkHeader(header: Partial<Record<(typeof HEADER_KEYS)[number], unknown>>): BackupHeader {
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`This is not a Dialogue Scorecard backup (its "format" is ${JSON.stringify(header.format) ?? "missing"}).`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The backup is in format version ${JSON.stringify(header.formatVersion)}; this version of the app reads version ${BACKUP_FORMAT_VERSION} only. Restore it with the app version that wrote it (${String(header.appVersion ?? "unknown")}).`,
    );
  }
  if (!Array.isArray(header.migrations) || typeof header.createdAt !== "string" || typeof header.appVersion !== "string") {
    throw new BackupError("The backup's header is incomplete: it needs appVersion, createdAt and migrations before the tables.");
  }
  const migrations = header.migrations as BackupMigration[];
  const app = appMigrations();
  if (!sameMigrations(migrations, app)) {
    throw new BackupError(
      `The backup was made by a database with migrations [${describeMigrations(migrations)}] (app ${header.appVersion}); this app has [${describeMigrations(app)}]. Restore it with the app version that made it, then start the newer app to migrate.`,
    );
  }
  return header as BackupHeader;
}

interface TableLoad {
  name: string;
  columns: string[];
  insert: Database.Statement;
  rowCount: number | null;
  loaded: number;
}

export async function restoreJsonBackup(backupFile: string, targetFile: string): Promise<RestoreSummary> {
  if (!existsSync(backupFile)) throw new BackupError(`There is no backup file at ${backupFile}.`);
  assertEmptyTarget(targetFile);
  const created = !existsSync(targetFile);

  const header: Partial<Record<(typeof HEADER_KEYS)[number], unknown>> = {};
  let checked: BackupHeader | null = null;
  let sqlite: Database.Database | null = null;
  let targetTables = new Map<string, string[]>();
  const tables = new Map<string, TableLoad>();
  const sequence: unknown[][] = [];
  const writtenLast = new Map<string, unknown[][]>(WRITTEN_LAST_TABLES.map((name) => [name, []]));
  let current: TableLoad | null = null;
  let failure: Error | null = null;

  /** The target is touched only once the header has been read and accepted. */
  const openTarget = (): Database.Database => {
    checked = checkHeader(header);
    const db = openDatabase(targetFile);
    migrateSqliteDatabase(db);
    const target = db.$client;
    const applied = readAppliedMigrations(target);
    if (!sameMigrations(applied, checked.migrations)) {
      throw new BackupError(`The target database has migrations [${describeMigrations(applied)}], the backup [${describeMigrations(checked.migrations)}].`);
    }
    targetTables = new Map(listBackupTables(target).map((t) => [t.name, t.columns]));
    // Foreign keys are checked once, over everything, before the commit: rows arrive table by table.
    target.pragma("foreign_keys = OFF");
    target.exec("BEGIN IMMEDIATE");
    return target;
  };

  const startTable = (name: string, columns: unknown): TableLoad => {
    sqlite ??= openTarget();
    if (tables.has(name)) throw new BackupError(`Table ${name} appears twice in the backup.`);
    const expected = targetTables.get(name);
    if (!expected) throw new BackupError(`The backup has a table ${name} that this database does not have.`);
    if (!Array.isArray(columns) || columns.length !== expected.length || !expected.every((c) => columns.includes(c))) {
      throw new BackupError(`Table ${name} has columns ${JSON.stringify(columns)} in the backup and ${JSON.stringify(expected)} here.`);
    }
    // Rows a migration put in (drizzle's own record, reference data) give way to the backup's.
    if (name !== SEQUENCE_TABLE) sqlite.exec(`DELETE FROM ${quoteName(name)}`);
    const insert = sqlite.prepare(`INSERT INTO ${quoteName(name)} (${(columns as string[]).map(quoteName).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    const load: TableLoad = { name, columns: columns as string[], insert, rowCount: null, loaded: 0 };
    tables.set(name, load);
    return load;
  };

  const onValue = (value: unknown, path: Array<string | number | undefined>) => {
    const [top, tableName, field] = path;
    if (top !== "tables") {
      if (sqlite) throw new BackupError(`The header field ${String(top)} comes after the tables; it must come first.`);
      header[top as (typeof HEADER_KEYS)[number]] = value;
      return;
    }
    const name = String(tableName);
    if (field === "columns") {
      current = startTable(name, value);
      return;
    }
    if (!current || current.name !== name) throw new BackupError(`Table ${name}: its "columns" must come before its rows.`);
    if (field === "rowCount") {
      current.rowCount = Number(value);
      return;
    }
    if (field !== "rows") throw new BackupError(`Table ${name} has an unknown field ${String(field)}.`);
    if (!Array.isArray(value) || value.length !== current.columns.length) {
      throw new BackupError(`Table ${name}, row ${current.loaded + 1}: expected ${current.columns.length} values.`);
    }
    current.loaded += 1;
    if (name === SEQUENCE_TABLE) {
      sequence.push(value);
      return;
    }
    const last = writtenLast.get(name);
    if (last) {
      last.push(value);
      return;
    }
    try {
      current.insert.run(value.map(decodeValue));
    } catch (error) {
      throw new BackupError(`Table ${name}, row ${current.loaded}: ${(error as Error).message}`);
    }
  };

  const parser = new JSONParser({
    paths: [...HEADER_KEYS.map((k) => `$.${k}`), "$.tables.*.columns", "$.tables.*.rowCount", "$.tables.*.rows.*"],
    keepStack: false,
  });
  parser.onValue = ({ value, key, stack }) => {
    if (failure) return;
    try {
      // stack[0] is the document, stack[1] "tables", stack[2] one table, stack[3] its rows.
      const path = [...stack.slice(1).map((s) => s.key as string | number | undefined), key];
      onValue(value, path);
    } catch (error) {
      failure = error as Error;
    }
  };
  parser.onError = (error) => (failure ??= new BackupError(`The backup is incomplete or not valid JSON: ${error.message}`));

  try {
    for await (const chunk of createReadStream(backupFile)) {
      parser.write(chunk as Buffer);
      if (failure) throw failure;
    }
    // The parser ends by itself after the document's closing brace; a truncated file ends here with an error.
    if (!parser.isEnded) parser.end();
    if (failure) throw failure;
    const target = (sqlite as Database.Database | null) ?? openTarget();
    for (const name of targetTables.keys()) if (!tables.has(name)) throw new BackupError(`The backup has no table ${name}.`);
    let rows = 0;
    for (const load of tables.values()) {
      if (load.rowCount !== null && load.rowCount !== load.loaded) throw new BackupError(`Table ${load.name}: the backup announces ${load.rowCount} rows but holds ${load.loaded}; it is incomplete.`);
      rows += load.loaded;
    }
    // Last, so that the triggers that ran while the public tables were loaded do not change them.
    for (const [name, rowsOfTable] of writtenLast) {
      const table = tables.get(name);
      if (!table) continue;
      target.exec(`DELETE FROM ${quoteName(name)}`);
      for (const row of rowsOfTable) table.insert.run(row.map(decodeValue));
    }
    const sequenceTable = tables.get(SEQUENCE_TABLE);
    if (sequenceTable) {
      target.exec(`DELETE FROM ${SEQUENCE_TABLE}`);
      for (const row of sequence) sequenceTable.insert.run(row.map(decodeValue));
    }
    for (const load of tables.values()) {
      const n = countRows(target, load.name);
      if (n !== load.loaded) throw new BackupError(`Table ${load.name} holds ${n} rows after loading ${load.loaded}: something in the database added or removed rows.`);
    }
    const violations = target.prepare("PRAGMA foreign_key_check").all() as Array<{ table: string; rowid: number; parent: string }>;
    if (violations.length > 0) {
      const sample = violations
        .slice(0, 5)
        .map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
        .join("; ");
      throw new BackupError(`The backup breaks ${violations.length} foreign key(s): ${sample}. Nothing was restored.`);
    }
    target.exec("COMMIT");
    target.pragma("foreign_keys = ON");
    const done = checked as BackupHeader | null;
    return { file: targetFile, tables: tables.size, rows, backupCreatedAt: done?.createdAt ?? "", appVersion: done?.appVersion ?? "" };
  } catch (error) {
    const target = sqlite as Database.Database | null;
    if (target?.inTransaction) target.exec("ROLLBACK");
    target?.close();
    sqlite = null;
    if (created) removeDatabaseFiles(targetFile);
    throw error;
  } finally {
    (sqlite as Database.Database | null)?.close();
  }
}
