// Everything that is SQLite rather than SQL: how a connection is opened and tuned, the executor type
// queries run on, and the few SQL spellings and query-planner hints that differ between databases.
// Queries and commands import these instead of writing SQLite-only SQL inline, so that a second
// database (PostgreSQL, issue 18) is a second implementation of this module, not edits across db/.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableName, sql, type SQL, type SQLWrapper, type Table } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databaseUrl } from "@/lib/env";
import * as postgres from "./dialect-postgres";
import * as schema from "./schema";

// DATABASE_URL=postgres://… selects PostgreSQL (db/dialect-postgres.ts) for the whole process.
const POSTGRES_URL = databaseUrl();
const POSTGRES = POSTGRES_URL !== undefined;

/** Whether this process runs on PostgreSQL (DATABASE_URL) rather than the SQLite file. */
export function usesPostgres(): boolean {
  return POSTGRES;
}

/**
 * The database `file` stands for, named for a person reading a script's output: the SQLite file's path,
 * or on PostgreSQL the server and database (without the password the address may carry), which is
 * where the data goes whatever DATABASE_PATH says.
 */
export function describeDatabase(file: string): string {
  return POSTGRES_URL ? describePostgresDatabase(POSTGRES_URL, postgres.pgDatabaseFor(file)) : file;
}

/** A PostgreSQL address in words, never with its user or password; `database` overrides the address's. */
export function describePostgresDatabase(address: string, database?: string): string {
  const url = new URL(address);
  return `the PostgreSQL database ${database ?? decodeURIComponent(url.pathname.replace(/^\//, ""))} on ${url.host}`;
}

/** better-auth's drizzleAdapter provider for this database (server/auth/better-auth.ts): its SQL follows the dialect. */
export function authAdapterProvider(): "sqlite" | "pg" {
  return POSTGRES ? "pg" : "sqlite";
}

/** The app's database, or a transaction on it (db/transaction.ts): what every query and command runs on. */
export type Executor = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openConnection(file: string): Executor {
  // The query code is typed for SQLite and runs unchanged on PostgreSQL (see db/dialect-postgres.ts): a documented cast.
  if (POSTGRES_URL) return postgres.openPgConnection(POSTGRES_URL, file) as unknown as Executor;
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers go on while a reviewer writes; the timeout waits out a writer instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as Executor;
}

/**
 * Deletes everything the app stored, so that migrations start from nothing (npm run db:reset): SQLite's
 * file and its WAL are removed; on PostgreSQL the app's schema is dropped and created empty.
 */
export async function removeDatabase(file: string): Promise<void> {
  if (POSTGRES_URL) {
    const db = postgres.openPgConnection(POSTGRES_URL, file);
    try {
      await postgres.dropAppSchema(db);
    } finally {
      await db.$client.end();
    }
    return;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

export function openReadOnlyConnection(file: string): Executor {
  if (POSTGRES_URL) return postgres.openPgConnection(POSTGRES_URL, file) as unknown as Executor;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Executor;
}

/**
 * A table alias (drizzle's alias(users, "reviewer")) as a join target. The query code builds on the
 * SQLite tables, whose aliases PostgreSQL's dialect does not recognise as tables: it would join the
 * alias's name as if it were a table. There the join names a PostgreSQL alias of the same table,
 * `"users" "reviewer"`, while the selected columns go on naming the SQLite alias (same names).
 * The cast keeps the join typed as the alias.
 */
export function joinAlias<T extends Table>(aliased: T): T {
  if (!POSTGRES) return aliased;
  const original = (aliased as unknown as Record<symbol, string | undefined>)[Symbol.for("drizzle:OriginalName")] ?? getTableName(aliased);
  return postgres.tableAlias(original, getTableName(aliased)) as unknown as T;
}

/** The values of a group joined with a separator (SQLite: group_concat; PostgreSQL: string_agg). */
export function groupConcat(value: SQLWrapper, separator: string): SQL<string | null> {
  if (POSTGRES) return postgres.groupConcat(value, separator);
  return sql<string | null>`group_concat(${value}, ${separator})`;
}

/**
 * A column the query planner must not pick an index for. SQLite's unary + makes the expression
 * unindexable, which keeps it walking the index that gives the order instead (see the query-plan
 * tests); other databases plan differently and spell it as the bare column.
 */
export function unindexed(column: SQLWrapper): SQL {
  if (POSTGRES) return sql`${column}`;
  return sql`+${column}`;
}

/**
 * Rows not (yet) approved by an editor, spelled exactly as the partial index benchmarks_unapproved_idx
 * declares it: SQLite uses a partial index only when the query repeats the index's WHERE term, so the
 * few drafts are read from it instead of scanning every benchmark. Other databases may spell it freely.
 */
export function notApproved(reviewState: SQLWrapper): SQL {
  return differsFromLiteral(reviewState, "approved");
}

/**
 * The rows of a hand-written SELECT with positional (?) parameters, one at a time. better-sqlite3
 * streams them synchronously, and the connection is busy until the last: consume the iterable
 * without awaiting in between. Used where a query is assembled from per-kind SQL fragments
 * (db/queries/confidential-texts.ts); on PostgreSQL a cursor would stand in.
 */
export function iterateRows<T>(db: Executor, query: string, params: readonly unknown[] = []): Iterable<T> {
  if (POSTGRES) throw new Error("iterateRows is not implemented on PostgreSQL yet (a cursor would stand in)");
  return db.$client.prepare(query).iterate(...params) as Iterable<T>;
}

/**
 * A bound integer where nothing around it gives its type (a SELECT list, a CASE branch): SQLite keeps
 * the number; PostgreSQL would take an untyped parameter for text, so it is cast there.
 */
export function integerValue(value: number): SQL<number> {
  if (POSTGRES) return sql<number>`CAST(${value} AS integer)`;
  return sql<number>`${value}`;
}

/**
 * Writes many rows into one table, as fast as the database takes them (the scale generator's millions).
 * SQLite: one prepared statement run per row, synchronously (in the caller's transaction, that is the
 * quickest way in); PostgreSQL: multi-row INSERTs, a round trip per few thousand values. With
 * `ignoreConflicts` a row that breaks a unique key is skipped (ON CONFLICT DO NOTHING on both).
 */
export async function insertRows(db: Executor, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: { ignoreConflicts?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const conflict = options.ignoreConflicts ? " ON CONFLICT DO NOTHING" : "";
  const names = columns.map((c) => `"${c}"`).join(", ");
  if (POSTGRES) {
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values = sql.join(chunk.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`), sql`, `)})`), sql`, `);
      await postgres.allRows(db as unknown as postgres.PgExecutor, sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) VALUES ${values}${sql.raw(conflict)}`);
    }
    return;
  }
  const statement = db.$client.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => "?").join(", ")})${conflict}`);
  for (const row of rows) statement.run(...row);
}

/**
 * After rows were written with ids of their own choosing: PostgreSQL's identity sequence of `table`
 * moves past the largest id, so that the next row without an id does not collide. SQLite takes the
 * next rowid from the rows themselves.
 */
export async function continueIdsAfterExplicitOnes(db: Executor, table: string): Promise<void> {
  if (!POSTGRES) return;
  await postgres.allRows(db as unknown as postgres.PgExecutor, sql.raw(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`));
}

/**
 * Inside a write transaction: waits until no other transaction holds `key`, then holds it until this one
 * ends, so that a check and the write it guards (the stale-score check before a new assessment) are one
 * step. SQLite's write transactions already run one at a time (BEGIN IMMEDIATE); PostgreSQL's run side by
 * side under READ COMMITTED, where two could pass the same check: a transaction-scoped advisory lock.
 */
export async function lockUntilCommit(tx: Executor, key: string): Promise<void> {
  if (!POSTGRES) return;
  await postgres.allRows(tx as unknown as postgres.PgExecutor, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * The app's tables as the database holds them, with their writable columns in order (not SQLite's own
 * tables nor drizzle's migration journal, not generated columns): to compare with what db/schema declares.
 * SQLite: sqlite_master and table_xinfo; PostgreSQL: information_schema, in the schema the app uses.
 */
export async function listDatabaseTables(db: Executor): Promise<Array<{ name: string; columns: string[] }>> {
  const rows = POSTGRES
    ? await postgres.allRows<{ tableName: string; columnName: string }>(
        db as unknown as postgres.PgExecutor,
        sql`SELECT c.table_name AS "tableName", c.column_name AS "columnName" FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
             WHERE c.table_schema = current_schema() AND c.is_generated = 'NEVER' ORDER BY c.table_name, c.ordinal_position`,
      )
    : db.$client
        .prepare(
          `SELECT m.name AS tableName, c.name AS columnName FROM sqlite_master m, pragma_table_xinfo(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND c.hidden = 0 ORDER BY m.name, c.cid`,
        )
        .all() as Array<{ tableName: string; columnName: string }>;
  const tables = new Map<string, string[]>();
  for (const { tableName, columnName } of rows) if (!tableName.startsWith("__drizzle")) tables.set(tableName, [...(tables.get(tableName) ?? []), columnName]);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** The triggers the migrations made, each with its table (SQLite: sqlite_master; PostgreSQL: pg_trigger, in the app's schema). */
export async function listDatabaseTriggers(db: Executor): Promise<Array<{ name: string; tableName: string }>> {
  if (POSTGRES)
    return postgres.allRows(
      db as unknown as postgres.PgExecutor,
      sql`SELECT t.tgname AS name, c.relname AS "tableName" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE NOT t.tgisinternal AND n.nspname = current_schema()`,
    );
  return db.$client.prepare("SELECT name, tbl_name AS tableName FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; tableName: string }>;
}

/** A boolean constant in hand-written SQL: SQLite stores booleans as 0 and 1 (PostgreSQL: false, true). */
export function sqlBoolean(value: boolean): string {
  return value ? "1" : "0";
}

/**
 * Hand-written SQL: `column` matches the ?-bound LIKE pattern ignoring ASCII case, \ escaping % and _.
 * SQLite's LIKE ignores ASCII case; PostgreSQL's does not (ILIKE there).
 */
export function likeIgnoringCase(column: string): string {
  return `${column} ${POSTGRES ? "ILIKE" : "LIKE"} ? ESCAPE '\\'`;
}

/**
 * `cross join <table> on <condition>`: in SQLite a CROSS JOIN is an inner join the planner may not
 * reorder, so the table written first drives the loop (it walks the index that gives a list's
 * order, or reads one round's scores first). Other databases steer their planners otherwise and
 * spell it as a plain inner join.
 */
export function joinInOrder(table: SQLWrapper, on: SQL): SQL {
  if (POSTGRES) return sql`join ${table} on ${on}`;
  return sql`cross join ${table} on ${on}`;
}

/**
 * `column <> 'value'` with the value written into the SQL, not bound: SQLite uses a partial index
 * only when the query's term matches the index's WHERE as written (benchmarks_unapproved_idx).
 * For constants of the code only; a quote is doubled all the same.
 */
export function differsFromLiteral(column: SQLWrapper, value: string): SQL {
  return sql`${column} <> ${sql.raw(`'${value.replaceAll("'", "''")}'`)}`;
}

/**
 * A boolean column is true / false. SQLite stores booleans as integers and its partial indexes
 * (benchmarks_confidential_idx, subjects_confidential_idx) are declared `= 1`, so the test is
 * written the same way, inline; PostgreSQL would test the boolean itself.
 */
export function isTrue(column: SQLWrapper): SQL {
  return sql`${column} = 1`;
}

export function isFalse(column: SQLWrapper): SQL {
  return sql`${column} = 0`;
}

/**
 * A condition read as the integer 1 or 0 in both dialects: SQLite answers a comparison with an integer,
 * PostgreSQL with a boolean, which a `=== 1` in TypeScript would never equal.
 */
export function conditionFlag(condition: SQLWrapper): SQL<number> {
  return sql<number>`(case when ${condition} then 1 else 0 end)`;
}

/** A condition that always holds / never holds. SQLite writes truth as the integers 1 and 0; PostgreSQL needs a boolean where a condition goes. */
export const ALWAYS: SQL = POSTGRES ? sql`true` : sql`1`;
export const NEVER: SQL = POSTGRES ? sql`false` : sql`0`;
export type TriggerEvent = "insert" | "update" | "delete";

/**
 * A trigger that, after each row written to `table`, raises the published data version and records
 * what the row made stale: each of `staleRows` is a SELECT of (kind, id) rows for public_stale.
 * SQLite runs a trigger body per row; PostgreSQL would need a trigger function per table instead.
 * WHERE true: SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT, to parse it.
 */
export function staleQueueTrigger(name: string, table: string, event: TriggerEvent, staleRows: readonly string[]): string {
  const body = [
    "UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1;",
    ...staleRows.map((rows) => `INSERT INTO \`public_stale\` (\`kind\`, \`id\`) SELECT * FROM (${rows}) WHERE true ON CONFLICT DO NOTHING;`),
  ];
  return `CREATE TRIGGER \`${name}\` AFTER ${event.toUpperCase()} ON \`${table}\` BEGIN ${body.join(" ")} END;`;
}

/** The number of rows for which a condition holds, in an aggregate (SQLite sums its 0/1 booleans; PostgreSQL: count(*) FILTER). */
export function countWhere(condition: SQLWrapper): SQL<number> {
  if (POSTGRES) return sql<number>`count(*) filter (where ${condition})`;
  return sql<number>`coalesce(sum(${condition}), 0)`;
}

/** The lowest value an integer column holds: SQLite's integers are 64-bit (kept within JavaScript's safe range), PostgreSQL's integer is 32-bit and refuses a smaller bound value. */
export const LOWEST_INTEGER = POSTGRES ? -2147483648 : Number.MIN_SAFE_INTEGER;

/** No limit, where a query takes one (SQLite's LIMIT -1; PostgreSQL: LIMIT ALL). */
export const NO_LIMIT = POSTGRES ? Number.MAX_SAFE_INTEGER : -1;

/**
 * `left cross join right on …`: SQLite's way to make the planner walk `left` first and look `right`
 * up for each of its rows (a CROSS JOIN is never reordered). Other databases spell it as a plain JOIN.
 */
export function joinInThisOrder(right: SQLWrapper, on: SQLWrapper): SQL {
  if (POSTGRES) return sql`join ${right} on ${on}`;
  return sql`cross join ${right} on ${on}`;
}

/** A second handle on an open connection whose every statement is reported to `logQuery` (tests and the bench capture the SQL a query runs). */
export function loggingConnection(sqlite: Database.Database, logQuery: (query: string, params: unknown[]) => void): Executor {
  return drizzle(sqlite, { schema, logger: { logQuery } }) as Executor;
}

/**
 * loggingConnection for either database: a second handle on `db`'s connection reporting every statement,
 * and `replay`, which runs a reported statement again, bare, on the same connection (the bench's floors).
 */
export function loggingExecutor(db: Executor, logQuery: (query: string, params: unknown[]) => void): { db: Executor; replay: (query: string, params: unknown[]) => () => unknown } {
  if (POSTGRES) {
    const pool = (db as unknown as postgres.PgExecutor).$client;
    return {
      db: postgres.loggingPgConnection(pool, logQuery) as unknown as Executor,
      replay: (query, params) => () => pool.query(query, params),
    };
  }
  return {
    db: loggingConnection(db.$client, logQuery),
    replay: (query, params) => {
      const statement = db.$client.prepare(query);
      return () => (statement.reader ? statement.all(...params) : null);
    },
  };
}

/** The first row a query returns, or undefined: what better-sqlite3's `.get()` gave, awaited on any database (selects add `.limit(1)`). */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  const [row] = await query;
  return row;
}

/** The rows of a hand-written statement (`sql\`…\``), as objects keyed by the column aliases. */
export async function allRows<T>(db: Executor, query: SQLWrapper): Promise<T[]> {
  if (POSTGRES) return postgres.allRows<T>(db as unknown as postgres.PgExecutor, query);
  return db.all<T>(query);
}

/**
 * The rows of a hand-written statement as arrays of values in column order, for a SELECT whose columns
 * are unnamed or share a name (better-sqlite3's raw mode; PostgreSQL: rowMode "array").
 */
export async function allValueRows<T extends unknown[]>(db: Executor, query: SQLWrapper): Promise<T[]> {
  if (POSTGRES) return postgres.allValueRows<T>(db as unknown as postgres.PgExecutor, query);
  return db.values<T>(query);
}

/** The first row of a hand-written statement, or undefined. */
export async function oneRow<T>(db: Executor, query: SQLWrapper): Promise<T | undefined> {
  if (POSTGRES) return (await postgres.allRows<T>(db as unknown as postgres.PgExecutor, query))[0];
  return db.get<T>(query);
}

/** Runs a hand-written statement that returns no rows. */
export async function runSql(db: Executor, query: SQLWrapper): Promise<void> {
  if (POSTGRES) await postgres.allRows(db as unknown as postgres.PgExecutor, query);
  else await db.run(query);
}

/** Runs a hand-written insert, update or delete and answers how many rows it wrote. */
export async function runSqlCounting(db: Executor, query: SQLWrapper): Promise<number> {
  if (POSTGRES) return (await (db as unknown as postgres.PgExecutor).execute(query.getSQL())).rowCount ?? 0;
  return (await db.run(query)).changes;
}

/** How many rows an awaited insert, update or delete without RETURNING wrote (SQLite: changes; PostgreSQL: rowCount). */
export function changedRows(result: unknown): number {
  if (POSTGRES) return (result as { rowCount: number | null }).rowCount ?? 0;
  return (result as { changes: number }).changes;
}

/**
 * The public evidence of the published score of `scores` (an alias of published_scores) as one JSON
 * text, in order: the form release_scores keeps it in, so that two equal lists compare as equal text.
 * SQLite: json_group_array over an ordered subquery; PostgreSQL: json_agg(… ORDER BY position)::text.
 */
export function publishedEvidenceJson(scores: string): SQL<string> {
  if (POSTGRES)
    return sql<string>`(SELECT coalesce(json_agg(json_build_object('url', pe.url, 'title', pe.title, 'publishedOn', pe.published_on) ORDER BY pe.position)::text, '[]')
       FROM published_evidence pe WHERE pe.benchmark_id = ${sql.raw(scores)}.benchmark_id AND pe.round_id = ${sql.raw(scores)}.round_id)`;
  return sql<string>`(SELECT json_group_array(json_object('url', e.url, 'title', e.title, 'publishedOn', e.published_on))
     FROM (SELECT url, title, published_on FROM published_evidence pe
            WHERE pe.benchmark_id = ${sql.raw(scores)}.benchmark_id AND pe.round_id = ${sql.raw(scores)}.round_id ORDER BY pe.position) e)`;
}
