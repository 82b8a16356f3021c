// npm run backup -- --file out.db: a consistent copy of the SQLite file while the server runs, through
// SQLite's online backup API (better-sqlite3's db.backup()).
import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { BackupError } from "./format";

export interface OnlineBackupSummary {
  file: string;
  pages: number;
}

export async function writeOnlineBackup(sourceFile: string, outFile: string): Promise<OnlineBackupSummary> {
  if (!existsSync(sourceFile)) throw new BackupError(`There is no database at ${sourceFile}.`);
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose a new file name, so no earlier backup is overwritten.`);
  const partial = `${outFile}.${process.pid}.partial`;
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    // SQLite restarts a backup whenever another connection writes between two steps. After the first
    // step of 100 pages, copy all that is left in one step, so a busy server cannot keep it restarting.
    const { totalPages } = await source.backup(partial, { progress: ({ totalPages: total }) => Math.max(total, 100) });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new BackupError(`The copy failed SQLite's check: ${String(check)}.`);
      // A single file is easier to move about than a WAL database: fold the log into it.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    renameSync(partial, outFile);
    return { file: outFile, pages: totalPages };
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(partial + suffix, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
