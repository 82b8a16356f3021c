// npm run restore -- in.json: loads a JSON backup into a new or empty database, streaming, in one
// transaction, with foreign keys checked before it commits. Anything wrong leaves the target as it was.
import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { openDatabase } from "../client";
import { migrateSqliteDatabase } from "../migrate";
import { removeDatabaseFiles } from "../prepare";
import { readJsonBackup, type BackupSink } from "./backup-reader";
import { BackupError, decodeValue, type BackupHeader } from "./format";
import {
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

  let sqlite: Database.Database | null = null;
  let checked: BackupHeader | null = null;
  let targetTables = new Map<string, string[]>();
  const tables = new Map<string, TableLoad>();
  const sequence: unknown[][] = [];
  const writtenLast = new Map<string, unknown[][]>(WRITTEN_LAST_TABLES.map((name) => [name, []]));

  /** The target is touched only once the header has been read and accepted. */
  const openTarget = (header: BackupHeader): Database.Database => {
    checked = header;
    const db = openDatabase(targetFile);
    migrateSqliteDatabase(db);
    const target = db.$client;
    const applied = readAppliedMigrations(target);
    if (!sameMigrations(applied, header.migrations)) {
      throw new BackupError(`The target database has migrations [${describeMigrations(applied)}], the backup [${describeMigrations(header.migrations)}].`);
    }
    targetTables = new Map(listBackupTables(target).map((t) => [t.name, t.columns]));
    // Foreign keys are checked once, over everything, before the commit: rows arrive table by table.
    target.pragma("foreign_keys = OFF");
    target.exec("BEGIN IMMEDIATE");
    return target;
  };

  const sink: BackupSink = {
    begin: (header) => {
      sqlite = openTarget(header);
    },
    table: (name, columns) => {
      const target = sqlite!;
      const expected = targetTables.get(name);
      if (!expected) throw new BackupError(`The backup has a table ${name} that this database does not have.`);
      if (columns.length !== expected.length || !expected.every((c) => columns.includes(c))) {
        throw new BackupError(`Table ${name} has columns ${JSON.stringify(columns)} in the backup and ${JSON.stringify(expected)} here.`);
      }
      // Rows a migration put in (drizzle's own record, reference data) give way to the backup's.
      if (name !== SEQUENCE_TABLE) target.exec(`DELETE FROM ${quoteName(name)}`);
      const insert = target.prepare(`INSERT INTO ${quoteName(name)} (${columns.map(quoteName).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      tables.set(name, { name, columns, insert, rowCount: null, loaded: 0 });
    },
    rows: (name, rows) => {
      const load = tables.get(name)!;
      if (name === SEQUENCE_TABLE) {
        sequence.push(...rows);
        load.loaded += rows.length;
        return;
      }
      const last = writtenLast.get(name);
      if (last) {
        last.push(...rows);
        load.loaded += rows.length;
        return;
      }
      for (const row of rows) {
        load.loaded += 1;
        try {
          load.insert.run(row.map(decodeValue));
        } catch (error) {
          throw new BackupError(`Table ${name}, row ${load.loaded}: ${(error as Error).message}`);
        }
      }
    },
  };

  try {
    const { header } = await readJsonBackup(backupFile, sink);
    const target = (sqlite as Database.Database | null) ?? (sqlite = openTarget(header));
    for (const name of targetTables.keys()) if (!tables.has(name)) throw new BackupError(`The backup has no table ${name}.`);
    let rows = 0;
    for (const load of tables.values()) rows += load.loaded;
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
