// npm run backup -- out.json: the whole database as versioned JSON, written table by table and row
// by row from one read snapshot, so a large database never sits in memory and the copy is consistent.
import { createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import Database from "better-sqlite3";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, encodeRow, type BackupHeader, type SqliteValue } from "./format";
import { appVersion, countRows, listBackupTables, quoteName, readAppliedMigrations } from "./tables";

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

// Rows are gathered into chunks of about this size before they are handed to the file stream.
const CHUNK = 64 * 1024;

export async function writeJsonBackup(sourceFile: string, outFile: string, options: { now?: Date } = {}): Promise<BackupSummary> {
  if (!existsSync(sourceFile)) throw new BackupError(`There is no database at ${sourceFile}.`);
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose a new file name, so no earlier backup is overwritten.`);
  const sqlite = new Database(sourceFile, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  // Written beside the target and renamed at the end, so a failed backup never looks like a whole one.
  const partial = `${outFile}.${process.pid}.partial`;
  const out = createWriteStream(partial, { flags: "wx" });
  let streamError: Error | null = null;
  out.on("error", (error) => (streamError ??= error));
  let pending = "";
  let bytes = 0;
  const write = async (text: string, flush = false) => {
    pending += text;
    if (pending.length < CHUNK && !flush) return;
    bytes += Buffer.byteLength(pending);
    const ok = out.write(pending);
    pending = "";
    if (!ok) await once(out, "drain");
  };
  try {
    // One read transaction: every table is read from the same snapshot while the app goes on writing.
    sqlite.exec("BEGIN");
    const tables = listBackupTables(sqlite);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: (options.now ?? new Date()).toISOString(),
      migrations: readAppliedMigrations(sqlite),
    };
    await write("{\n");
    for (const [key, value] of Object.entries(header)) await write(`${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
    await write(`"tables": {`);
    let rows = 0;
    for (const [t, table] of tables.entries()) {
      const rowCount = countRows(sqlite, table.name);
      await write(`${t === 0 ? "\n" : ",\n"}${JSON.stringify(table.name)}: {"columns": ${JSON.stringify(table.columns)}, "rowCount": ${rowCount}, "rows": [`);
      const select = sqlite.prepare(`SELECT ${table.columns.map(quoteName).join(", ")} FROM ${quoteName(table.name)} ORDER BY ${table.orderBy}`);
      let n = 0;
      for (const row of select.raw(true).safeIntegers(true).iterate() as Iterable<SqliteValue[]>) {
        await write(`${n === 0 ? "\n" : ",\n"}${encodeRow(row)}`);
        n += 1;
      }
      if (n !== rowCount) throw new BackupError(`Table ${table.name} changed while it was read (${rowCount} rows counted, ${n} read).`);
      rows += n;
      await write(n === 0 ? "]}" : "\n]}");
    }
    await write("\n}\n}\n", true);
    sqlite.exec("COMMIT");
    out.end();
    if (!streamError) await once(out, "finish");
    if (streamError) throw streamError;
    renameSync(partial, outFile);
    return { file: outFile, tables: tables.length, rows, bytes };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
}
