// Reading a JSON backup (db/backup/format.ts) as a stream, for a restore into either database: the
// header first, then each table's columns before its rows, every row the width of its columns, and
// each table's announced row count checked at the end. What a restore does with them is its own.
import { createReadStream } from "node:fs";
import { JSONParser } from "@streamparser/json";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader, type BackupMigration } from "./format";
import { appMigrations, describeMigrations, sameMigrations } from "./tables";

const HEADER_KEYS = ["format", "formatVersion", "appVersion", "createdAt", "migrations"] as const;

/** What a restore does with what the reader finds: `begin` before the first table, rows a chunk of the file at a time. */
export interface BackupSink {
  begin(header: BackupHeader): Promise<void> | void;
  table(name: string, columns: string[]): Promise<void> | void;
  rows(name: string, rows: unknown[][]): Promise<void> | void;
}

export interface BackupContents {
  header: BackupHeader;
  /** Every table read, in the backup's order, with the rows it held. */
  tables: Map<string, { columns: string[]; rows: number }>;
}

/** The header, checked against this app: the format it reads and the same migrations (of the SQLite schema, which a backup records). */
export function checkBackupHeader(header: Partial<Record<(typeof HEADER_KEYS)[number], unknown>>): BackupHeader {
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

/** Streams `file` into `sink`; throws a BackupError for anything malformed or incomplete. */
export async function readJsonBackup(file: string, sink: BackupSink): Promise<BackupContents> {
  const header: Partial<Record<(typeof HEADER_KEYS)[number], unknown>> = {};
  let checked: BackupHeader | null = null;
  const tables = new Map<string, { columns: string[]; rows: number; announced: number | null }>();
  let current: { name: string; columns: string[] } | null = null;
  // The parser calls back synchronously; what it found is handed to the sink between chunks, in order.
  let pending: Array<() => Promise<void> | void> = [];
  let pendingRows: { name: string; rows: unknown[][] } | null = null;
  let failure: Error | null = null;

  const flushRows = () => {
    if (!pendingRows) return;
    const { name, rows } = pendingRows;
    pending.push(() => sink.rows(name, rows));
    pendingRows = null;
  };

  const onValue = (value: unknown, path: Array<string | number | undefined>) => {
    const [top, tableName, field] = path;
    if (top !== "tables") {
      if (checked) throw new BackupError(`The header field ${String(top)} comes after the tables; it must come first.`);
      header[top as (typeof HEADER_KEYS)[number]] = value;
      return;
    }
    const name = String(tableName);
    if (field === "columns") {
      if (!checked) {
        const accepted = checkBackupHeader(header);
        checked = accepted;
        pending.push(() => sink.begin(accepted));
      }
      if (tables.has(name)) throw new BackupError(`Table ${name} appears twice in the backup.`);
      if (!Array.isArray(value) || !value.every((c) => typeof c === "string")) throw new BackupError(`Table ${name}: its "columns" must be a list of names.`);
      flushRows();
      const columns = value as string[];
      tables.set(name, { columns, rows: 0, announced: null });
      current = { name, columns };
      pending.push(() => sink.table(name, columns));
      return;
    }
    if (!current || current.name !== name) throw new BackupError(`Table ${name}: its "columns" must come before its rows.`);
    const table = tables.get(name)!;
    if (field === "rowCount") {
      table.announced = Number(value);
      return;
    }
    if (field !== "rows") throw new BackupError(`Table ${name} has an unknown field ${String(field)}.`);
    if (!Array.isArray(value) || value.length !== current.columns.length) throw new BackupError(`Table ${name}, row ${table.rows + 1}: expected ${current.columns.length} values.`);
    table.rows += 1;
    if (pendingRows?.name !== name) flushRows();
    (pendingRows ??= { name, rows: [] }).rows.push(value);
  };

  const parser = new JSONParser({
    paths: [...HEADER_KEYS.map((k) => `$.${k}`), "$.tables.*.columns", "$.tables.*.rowCount", "$.tables.*.rows.*"],
    keepStack: false,
  });
  parser.onValue = ({ value, key, stack }) => {
    if (failure) return;
    try {
      // stack[0] is the document, stack[1] "tables", stack[2] one table, stack[3] its rows.
      onValue(value, [...stack.slice(1).map((s) => s.key as string | number | undefined), key]);
    } catch (error) {
      failure = error as Error;
    }
  };
  parser.onError = (error) => (failure ??= new BackupError(`The backup is incomplete or not valid JSON: ${error.message}`));

  const drain = async () => {
    flushRows();
    const work = pending;
    pending = [];
    for (const step of work) await step();
  };
  for await (const chunk of createReadStream(file)) {
    parser.write(chunk as Buffer);
    if (failure) throw failure;
    await drain();
  }
  // The parser ends by itself after the document's closing brace; a truncated file ends here with an error.
  if (!parser.isEnded) parser.end();
  if (failure) throw failure;
  if (!checked) {
    const accepted = checkBackupHeader(header);
    checked = accepted;
    pending.push(() => sink.begin(accepted));
  }
  await drain();
  for (const [name, t] of tables) {
    if (t.announced !== null && t.announced !== t.rows) throw new BackupError(`Table ${name}: the backup announces ${t.announced} rows but holds ${t.rows}; it is incomplete.`);
  }
  return { header: checked, tables: new Map([...tables].map(([name, t]) => [name, { columns: t.columns, rows: t.rows }])) };
}
