// The PostgreSQL side of db/dialect.ts, chosen when DATABASE_URL is a postgres:// address (lib/env.ts).
// The query code stays single: it builds on the SQLite tables (db/schema), and drizzle's PostgreSQL
// dialect renders them; the PostgreSQL tables are derived from the same schema (db/schema-pg) with
// column types that send and read the same values (booleans 0/1, millisecond timestamps as numbers).
import { createHash } from "node:crypto";
import pg from "pg";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { alias, pgTable, type PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema";

// count(*), sums and millisecond timestamps come back as bigint/numeric, which node-postgres gives
// as strings: the app's values are far below 2^53, and SQLite gives numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type PgExecutor = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const POSTGRES = Symbol.for("dialogue-scorecard.postgres");

/**
 * Hand-written SQL names its result columns unquoted (`track_id AS trackId`); PostgreSQL folds those
 * to lower case where SQLite keeps them. Quoting every camel-case alias keeps the names the code reads.
 */
export function quoteCamelCaseAliases(text: string): string {
  return text.replace(/\b(as|AS)\s+([a-z][a-z0-9_]*[A-Z][A-Za-z0-9_]*)\b/g, (_, as: string, alias: string) => `${as} "${alias}"`);
}

let schemas = 0;

/**
 * The database a connection works in: DATABASE_URL's, or with SCORECARD_PG_DATABASE_PER_FILE=1 (npm run
 * test:pg) one per SQLite file name the tests open and a new one for every ":memory:", created on first
 * use, so that the tests' separate databases stay separate on one PostgreSQL server.
 */
export function pgDatabaseFor(file: string): string | undefined {
  if (process.env.SCORECARD_PG_DATABASE_PER_FILE !== "1") return undefined;
  if (file === ":memory:") return `m_${process.pid}_${++schemas}_${Date.now() % 100000}`;
  return `f_${createHash("sha1").update(file).digest("hex").slice(0, 20)}`;
}

async function createDatabaseOnce(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // created meanwhile by another process
  } finally {
    await admin.end();
  }
}

/** A pool whose every query has its camel-case aliases quoted; `close()` ends it, as better-sqlite3's does. */
function openPool(url: string, database: string | undefined): pg.Pool {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  // JIT off for the app's sessions: its queries are short, and PostgreSQL compiles any whose estimated cost
  // passes jit_above_cost, which at 100,000 benchmarks took 0.8 s of a round scorecard's 1 s page query
  // (EXPLAIN ANALYZE: 974 ms with JIT, 153 ms without). An `options` in DATABASE_URL overrides this.
  const pool = new pg.Pool({ connectionString: target.toString(), max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: "-c jit=off" });
  let ready: Promise<unknown> | undefined;
  const whenReady = () => (database ? (ready ??= createDatabaseOnce(url, database)) : Promise.resolve());
  // Every connection (pool.query takes one too) waits until the database exists.
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  (pool as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) => {
    if (!callback) return whenReady().then(() => connect());
    whenReady().then(() => connect(callback), (error: unknown) => callback(error));
    return undefined;
  };
  const wrap = <T extends { query: (...args: never[]) => unknown }>(target: T) => {
    const query = target.query.bind(target) as (config: unknown, ...rest: unknown[]) => unknown;
    (target as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      return send(config, ...rest);
    };
    const send = (config: unknown, ...rest: unknown[]) => {
      if (typeof config === "string") return query(quoteCamelCaseAliases(config), ...rest);
      if (config && typeof config === "object" && "text" in config) return query({ ...(config as object), text: quoteCamelCaseAliases(String((config as { text: unknown }).text)) }, ...rest);
      return query(config, ...rest);
    };
  };
  wrap(pool);
  pool.on("connect", (client) => wrap(client));
  (pool as unknown as { close: () => Promise<void> }).close = () => pool.end();
  return pool;
}

export function openPgConnection(url: string, file: string): PgExecutor {
  const db = drizzle(openPool(url, pgDatabaseFor(file)), { schema }) as PgExecutor;
  Object.defineProperty(db, POSTGRES, { value: true });
  return db;
}

/** A second handle on an open pool whose every statement is reported to `logQuery` (the bench captures the SQL a query runs). */
export function loggingPgConnection(pool: pg.Pool, logQuery: (query: string, params: unknown[]) => void): PgExecutor {
  const db = drizzle(pool, { schema, logger: { logQuery } }) as PgExecutor;
  Object.defineProperty(db, POSTGRES, { value: true });
  return db;
}

export function isPgExecutor(db: object): boolean {
  return (db as Record<symbol, unknown>)[POSTGRES] === true || db.constructor?.name === "NodePgTransaction";
}

export function groupConcat(value: SQLWrapper, separator: string): SQL<string | null> {
  return sql<string | null>`string_agg(${value}::text, ${separator})`;
}

export async function allRows<T>(db: PgExecutor, query: SQLWrapper): Promise<T[]> {
  return (await db.execute(query.getSQL())).rows as T[];
}

/** `"table" "name"` in a join: the columns are selected through the SQLite alias, so the table needs none here. */
export function tableAlias(table: string, name: string): PgTable {
  return alias(pgTable(table, {}), name);
}

/** The rows as arrays in column order: drizzle's execute keys them by name, and several columns may share one. */
export async function allValueRows<T extends unknown[]>(db: PgExecutor, query: SQLWrapper): Promise<T[]> {
  const internals = db as unknown as { dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } }; session: { client: pg.Pool | pg.PoolClient } };
  const { sql: text, params } = internals.dialect.sqlToQuery(query.getSQL());
  return (await internals.session.client.query<T>({ text, values: params, rowMode: "array" })).rows;
}

/** public_stale's triggers: a trigger function per table and event, run after each row written. */
export function staleQueueTrigger(name: string, table: string, event: "insert" | "update" | "delete", staleRows: readonly string[]): string {
  const body = [
    'UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1;',
    ...staleRows.map((rows) => `INSERT INTO "public_stale" ("kind", "id") SELECT * FROM (${rows}) AS stale ON CONFLICT DO NOTHING;`),
  ];
  return [
    `CREATE OR REPLACE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body.join(" ")} RETURN NULL; END $$;`,
    `CREATE TRIGGER "${name}" AFTER ${event.toUpperCase()} ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${name}"();`,
  ].join("\n--> statement-breakpoint\n");
}

/**
 * public_stale's triggers as migration 0003 makes them: one run per statement, not per row, over the
 * rows it wrote (transition tables), and the data version raised once per transaction. Row by row,
 * every write in a transaction updated the one data_version row again, and PostgreSQL keeps each of
 * those row versions until the commit and walks them on the next update: publishing a round or
 * importing thousands of rows took time quadratic in the rows. Once is enough: no other transaction
 * sees the version before the commit, and the row stays locked by the first update until then. It is
 * raised again when the version was read as current since (the writers' refresh sets tallies_version
 * to it), so that a later write in the transaction still tells the refresh its figures are stale.
 * `staleRows(row)` are the SELECTs of (kind, id) over one written row, named `row`.
 */
export function statementStaleQueueTrigger(name: string, table: string, event: "insert" | "update" | "delete", staleRows: (row: string) => readonly string[]): string {
  const written: Array<[rows: string, row: string]> =
    event === "delete" ? [["old_rows", "old_row"]] : event === "insert" ? [["new_rows", "new_row"]] : [["new_rows", "new_row"], ["old_rows", "old_row"]];
  const referencing = written.map(([rows]) => `${rows === "new_rows" ? "NEW" : "OLD"} TABLE AS ${rows}`).join(" ");
  const stale = written.flatMap(([rows, row]) =>
    staleRows(row).map((select) => `INSERT INTO "public_stale" ("kind", "id") SELECT DISTINCT stale.* FROM ${rows} AS ${row} CROSS JOIN LATERAL (${select}) AS stale ON CONFLICT DO NOTHING;`),
  );
  const body = [
    `IF NOT EXISTS (SELECT 1 FROM ${written[0]![0]}) THEN RETURN NULL; END IF;`,
    'SELECT "version", "tallies_version" INTO current_version, current_tallies FROM "data_version" WHERE "id" = 1;',
    "IF current_setting('scorecard.raised_version', true) IS DISTINCT FROM current_version::text OR current_tallies = current_version THEN",
    'UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1 RETURNING "version" INTO current_version;',
    "PERFORM set_config('scorecard.raised_version', current_version::text, true);",
    "END IF;",
    ...stale,
  ];
  return [
    `CREATE OR REPLACE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE current_version integer; current_tallies integer; BEGIN ${body.join(" ")} RETURN NULL; END $$;`,
    `DROP TRIGGER IF EXISTS "${name}" ON "${table}";`,
    `CREATE TRIGGER "${name}" AFTER ${event.toUpperCase()} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "${name}"();`,
  ].join("\n--> statement-breakpoint\n");
}

/**
 * Empties the database of the app's objects (npm run db:reset): the schema its tables live in (the first
 * on the search path, normally public) is dropped with everything in it and created again, and drizzle's
 * migration journal with it, so that the migrations run afresh. It takes the schema's owner (the
 * database's owner owns public).
 */
export async function dropAppSchema(db: PgExecutor): Promise<void> {
  const { rows } = await db.$client.query<{ name: string }>("SELECT current_schema() AS name");
  const name = rows[0]?.name;
  if (!name) throw new Error("No schema on the search path to reset");
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await db.$client.query(`DROP SCHEMA IF EXISTS "drizzle" CASCADE; DROP SCHEMA ${quoted} CASCADE; CREATE SCHEMA ${quoted};${name === "public" ? " GRANT USAGE ON SCHEMA public TO PUBLIC;" : ""}`);
}
