// npm run restore with DATABASE_URL=postgres://…: a JSON backup (of a SQLite instance, or of any
// instance: the format is the SQLite tables') loaded into a new or empty PostgreSQL database, the way
// to move an instance up to PostgreSQL. The target is migrated with the app's PostgreSQL migrations,
// then everything is loaded in one transaction: the foreign keys are dropped first and added back at
// the end (which checks every row: rows arrive table by table), the identity counters are moved past
// every id the backup holds (and past SQLite's AUTOINCREMENT counters, so no id is handed out twice),
// and the tables the triggers write while public tables load are written last, as the backup holds
// them. Anything wrong rolls everything back.
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase } from "../client";
import { allRows, oneRow, runSql } from "../dialect";
import { migrateDatabase } from "../migrate";
import { transaction, type Executor } from "../transaction";
import { readJsonBackup, type BackupSink } from "./backup-reader";
import { BackupError, decodeValue } from "./format";
import type { RestoreSummary } from "./json-restore";
import { MIGRATIONS_TABLE, SEQUENCE_TABLE, WRITTEN_LAST_TABLES } from "./tables";

const MIGRATION_SINGLETONS = ["data_version", "publication_settings", "security_settings"];
// PostgreSQL binds at most 65,535 parameters a statement.
const PARAMETERS_A_STATEMENT = 30_000;

/** The value to bind: integers (bigint after decoding) as their decimal text, which PostgreSQL reads into any numeric column. */
function bindable(value: unknown): unknown {
  const decoded = decodeValue(value);
  return typeof decoded === "bigint" ? decoded.toString() : decoded;
}

async function listTables(db: Executor): Promise<Map<string, string[]>> {
  const rows = await allRows<{ table: string; column: string }>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
         WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table, [...(tables.get(r.table) ?? []), r.column]);
  return tables;
}

const countRows = async (db: Executor, table: string) => Number((await oneRow<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))?.n ?? 0);

/**
 * Refuses a target holding data. The single rows the migrations themselves write (the data version's,
 * the settings') do not count: the backup's replace them.
 */
async function assertEmpty(db: Executor, tables: Map<string, string[]>, target: string): Promise<void> {
  for (const table of tables.keys()) {
    const n = await countRows(db, table);
    if (n === 0 || (MIGRATION_SINGLETONS.includes(table) && n === 1)) continue;
    throw new BackupError(
      `${target} is not empty (table ${table} has ${n} rows). Restore only into a new or empty PostgreSQL database (createdb a new one and point DATABASE_URL at it). Nothing was changed.`,
    );
  }
}

/** `target` is what openDatabase opens (DATABASE_URL's database); `label` names it in messages, without a password. */
export async function restoreJsonBackupToPostgres(backupFile: string, target: string, label = target): Promise<RestoreSummary> {
  if (!existsSync(backupFile)) throw new BackupError(`There is no backup file at ${backupFile}.`);
  const db = openDatabase(target);
  try {
    await migrateDatabase(db);
    const targetTables = await listTables(db);
    await assertEmpty(db, targetTables, label);
    return await transaction(db, async (tx) => {
      const foreignKeys = await allRows<{ table: string; name: string; definition: string }>(
        tx,
        sql`SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
              FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conname`,
      );
      for (const fk of foreignKeys) await runSql(tx, sql`ALTER TABLE ${sql.raw(fk.table)} DROP CONSTRAINT ${sql.identifier(fk.name)}`);
      // The app's triggers are off while loading. Those on inserts mark published data row by row, and
      // each mark updates the one data_version row again in this transaction, where every update walks
      // the row's versions so far: a table took time quadratic in its rows (75,000 benchmark links, over
      // 20 minutes at 100,000 × 25). What they write, data_version and public_stale, is the backup's,
      // loaded last; the others guard releases against updates and deletes, which a load makes none of.
      const triggered = await allRows<{ table: string }>(
        tx,
        sql`SELECT DISTINCT tgrelid::regclass::text AS "table" FROM pg_trigger
             WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace) ORDER BY 1`,
      );
      for (const { table } of triggered) await runSql(tx, sql`ALTER TABLE ${sql.raw(table)} DISABLE TRIGGER USER`);

      const loaded = new Map<string, { columns: string[]; rows: number }>();
      const sequence: unknown[][] = [];
      const writtenLast = new Map<string, unknown[][]>(WRITTEN_LAST_TABLES.map((name) => [name, []]));
      const insert = async (name: string, columns: string[], rows: unknown[][]) => {
        const perStatement = Math.max(1, Math.floor(PARAMETERS_A_STATEMENT / columns.length));
        for (let i = 0; i < rows.length; i += perStatement) {
          const values = rows.slice(i, i + perStatement).map((row) => sql`(${sql.join(row.map((v) => sql`${bindable(v)}`), sql`, `)})`);
          await runSql(tx, sql`INSERT INTO ${sql.identifier(name)} (${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)}) VALUES ${sql.join(values, sql`, `)}`);
        }
      };
      const sink: BackupSink = {
        begin: () => undefined,
        table: async (name, columns) => {
          loaded.set(name, { columns, rows: 0 });
          // SQLite's own: drizzle's record of SQLite migrations (the target records its own) and the AUTOINCREMENT counters (used below).
          if (name === MIGRATIONS_TABLE || name === SEQUENCE_TABLE) return;
          const expected = targetTables.get(name);
          if (!expected) throw new BackupError(`The backup has a table ${name} that this database does not have.`);
          if (columns.length !== expected.length || !expected.every((c) => columns.includes(c))) {
            throw new BackupError(`Table ${name} has columns ${JSON.stringify(columns)} in the backup and ${JSON.stringify(expected)} here.`);
          }
          // Rows a migration put in give way to the backup's.
          await runSql(tx, sql`DELETE FROM ${sql.identifier(name)}`);
        },
        rows: async (name, rows) => {
          const table = loaded.get(name)!;
          table.rows += rows.length;
          if (name === MIGRATIONS_TABLE) return;
          if (name === SEQUENCE_TABLE) return void sequence.push(...rows);
          const last = writtenLast.get(name);
          if (last) return void last.push(...rows);
          try {
            await insert(name, table.columns, rows);
          } catch (error) {
            throw new BackupError(`Table ${name}, rows ${table.rows - rows.length + 1}–${table.rows}: ${(error as Error).message}`);
          }
        },
      };
      const { header } = await readJsonBackup(backupFile, sink);
      for (const name of targetTables.keys()) if (!loaded.has(name)) throw new BackupError(`The backup has no table ${name}.`);
      // Last, as the backup holds them (with the triggers on, the public tables' loading would have written them).
      for (const [name, rows] of writtenLast) {
        const table = loaded.get(name);
        if (!table) continue;
        await runSql(tx, sql`DELETE FROM ${sql.identifier(name)}`);
        await insert(name, table.columns, rows);
      }
      let rows = 0;
      for (const [name, table] of loaded) {
        rows += table.rows;
        if (name === MIGRATIONS_TABLE || name === SEQUENCE_TABLE) continue;
        const n = await countRows(tx, name);
        if (n !== table.rows) throw new BackupError(`Table ${name} holds ${n} rows after loading ${table.rows}: something in the database added or removed rows.`);
      }
      for (const { table } of triggered) await runSql(tx, sql`ALTER TABLE ${sql.raw(table)} ENABLE TRIGGER USER`);
      for (const fk of foreignKeys) {
        try {
          await runSql(tx, sql`ALTER TABLE ${sql.raw(fk.table)} ADD CONSTRAINT ${sql.identifier(fk.name)} ${sql.raw(fk.definition)}`);
        } catch (error) {
          throw new BackupError(`The backup breaks the foreign key ${fk.name} of ${fk.table}: ${(error as Error).message}. Nothing was restored.`);
        }
      }
      await moveIdentityCounters(tx, sequence);
      return { file: label, tables: loaded.size, rows, backupCreatedAt: header.createdAt, appVersion: header.appVersion };
    });
  } finally {
    await db.$client.close();
  }
}

/** Each identity column's counter past the largest id loaded and past SQLite's AUTOINCREMENT counter for the table. */
async function moveIdentityCounters(tx: Executor, sqliteSequence: unknown[][]): Promise<void> {
  const handedOut = new Map(sqliteSequence.map(([name, seq]) => [String(decodeValue(name)), Number(decodeValue(seq))]));
  const identities = await allRows<{ table: string; column: string }>(
    tx,
    sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table, column } of identities) {
    const max = Number((await oneRow<{ n: number | string | null }>(tx, sql`SELECT max(${sql.identifier(column)}) AS n FROM ${sql.identifier(table)}`))?.n ?? 0);
    const next = Math.max(max, handedOut.get(table) ?? 0);
    // setval(…, n, true): the next id is n + 1; with nothing handed out yet, the next id is 1.
    await runSql(tx, sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), ${Math.max(next, 1)}, ${next > 0})`);
  }
}
