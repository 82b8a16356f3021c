import "server-only";
// The one place public text passes through on its way out: every query behind a public page, the
// read API or an export hands its free text (titles, summaries, demands, descriptions, rationales,
// evidence) to the redactor of the current published data, which replaces every confidential name
// with "[name withheld]" and a link whose address names one with "[link withheld]". Stored texts
// stay as written; the workspace reads them directly. Compiled once per data version: marking an
// item confidential, or editing its names, raises the version (triggers of migration 0001).
import { and, ilike, like, or, sql, type Column, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type Database from "better-sqlite3";
import type { NameMatcher } from "@/lib/redaction";
import { NEVER, allRows, usesPostgres } from "../dialect";
import type { Executor } from "../transaction";
import { readPublishedDataKey } from "./published-aggregates";
import { compileWithheldNames, listWithheldItems, type WithheldItemSummary } from "./withheld-names";

export interface PublicRedactor {
  text: NameMatcher["redact"];
  url: NameMatcher["redactUrl"];
  /** A copy of the row with the named text fields withheld. */
  fields<T extends object>(row: T, keys: ReadonlyArray<keyof T>): T;
  /** The same for fields that repeat on many rows (a benchmark's title and sources on every round's row of an export): each text is matched once. */
  repeatedFields<T extends object>(row: T, keys: ReadonlyArray<keyof T>): T;
  /** The column as the public reads it, for a WHERE clause (a search must not find a withheld name). SQLite only: see publicTextSearch. */
  sql(column: SQLWrapper): SQL<string>;
}

const SQL_FUNCTION = "public_text";
type CompiledRedactor = { matcher: NameMatcher; memo: Map<string, string> };
/**
 * The redactors compiled on a connection, by data version: the last RECENT_VERSIONS used, held, and
 * every one a request still holds, weakly, for public_text(). That function redacts with the version
 * its caller read, never with whichever was compiled last (which once let a search find a name the
 * searcher's version withholds). The recent ones are held strongly because a request's objects are not
 * enough: better-sqlite3 runs a statement after drizzle has built it, when nothing need hold the
 * condition or its redactor any more, and a collection then left public_text() without the matcher
 * (CI: "public_text() called for a data version whose redactor is not compiled" on a people search).
 * A request's SQL fails only if RECENT_VERSIONS other versions are used on its connection between its
 * reading the version and its SQL running; it then fails closed.
 */
interface ConnectionRedactors {
  recent: Map<string, CompiledRedactor>;
  held: Map<string, WeakRef<NameMatcher>>;
}
/**
 * Shared by every copy of this module in the process. The server bundles it more than once (a copy per
 * route's server code) while the connection is one (db/client.ts keeps it on globalThis), and the
 * public_text() function is registered on the connection: with a map per copy, a second copy registered
 * the function again over the first's, and the first copy's searches then found no redactor (CI:
 * "public_text() called for a data version whose redactor is not compiled" on /people?q=…).
 */
const SHARED = Symbol.for("scorecard.publicTextRedactors");
const compiled: WeakMap<Database.Database, ConnectionRedactors> = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new WeakMap()) as WeakMap<Database.Database, ConnectionRedactors>;
const RECENT_VERSIONS = 32;
/** How many of the recent keep their memo of redacted texts (an export's repeated fields): the memo is large, the matcher small. */
const MEMO_VERSIONS = 4;
const released = new FinalizationRegistry<{ held: ConnectionRedactors["held"]; key: string }>(({ held, key }) => {
  if (held.get(key)?.deref() === undefined) held.delete(key);
});
const MEMO_ENTRIES = 20_000;
/**
 * The matcher each public_text() fragment was built with. A request may keep only the SQL (a search's
 * condition) and let its redactor go; the fragment keeps the matcher alive, so that the weak reference
 * public_text() finds it by still answers when the SQL runs. (A CI run once refused such a search after
 * its version left the recent four and the matcher was collected.)
 */
const matcherOfFragment = new WeakMap<SQL, NameMatcher>();

/** The matcher a redactor's SQL fragment keeps alive (for the tests). */
export function matcherKeptBy(fragment: SQL): NameMatcher | undefined {
  return matcherOfFragment.get(fragment);
}

/** The redactor for the data as it is now on this connection. */
export async function getPublicRedactor(db: Executor): Promise<PublicRedactor> {
  const key = await readPublishedDataKey(db);
  // A PostgreSQL transaction has no client of its own: the redactor is kept per executor there.
  const client = db.$client ?? (db as unknown as Database.Database);
  return redactorFor(client, key, isCompiled(client, key) ? undefined : await listWithheldItems(db));
}

/** Whether the connection has the version's matcher: among the recent, or still held by a request. */
const isCompiled = (client: Database.Database, key: string) => {
  const versions = compiled.get(client);
  return versions?.recent.has(key) === true || versions?.held.get(key)?.deref() !== undefined;
};

/** The redactor of data version `key` on this connection, compiled from `withheldItems` when it is not kept yet. */
function redactorFor(client: Database.Database, key: string, withheldItems: readonly WithheldItemSummary[] | undefined): PublicRedactor {
  let versions = compiled.get(client);
  if (!versions) {
    const created: ConnectionRedactors = { recent: new Map(), held: new Map() };
    compiled.set(client, (versions = created));
    // PostgreSQL has no function of the app's own: SQL that calls public_text() fails there (closed); publicTextSearch does without it.
    if (!usesPostgres()) {
      // Fails closed: a call for a version whose redactor nothing holds on this connection is an error, never the raw text.
      client.function(SQL_FUNCTION, (text: unknown, version: unknown) => {
        const matcher = typeof version === "string" ? created.held.get(version)?.deref() : undefined;
        if (!matcher) throw new Error(`public_text() called for a data version whose redactor is not compiled (${String(version)})`);
        return typeof text === "string" ? matcher.redact(text) : text;
      });
    }
  }
  let entry = versions.recent.get(key);
  if (entry) versions.recent.delete(key); // used again: to the end, the most recent
  else {
    // One matcher per version while any is alive: one a request still holds is taken back.
    const alive = versions.held.get(key)?.deref();
    if (alive) entry = { matcher: alive, memo: new Map() };
    else {
      // Fails closed here too: a version is never compiled without its withheld items.
      if (!withheldItems) throw new Error("the withheld items are needed to compile the redactor");
      entry = { matcher: compileWithheldNames(withheldItems), memo: new Map() };
      versions.held.set(key, new WeakRef(entry.matcher));
      released.register(entry.matcher, { held: versions.held, key });
    }
  }
  versions.recent.set(key, entry);
  let fromNewest = versions.recent.size;
  for (const [old, kept] of versions.recent) {
    if (versions.recent.size > RECENT_VERSIONS) versions.recent.delete(old);
    else if (fromNewest > MEMO_VERSIONS) kept.memo.clear();
    fromNewest--;
  }
  const { matcher, memo } = entry;
  const remembered = (text: string) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = matcher.redact(text);
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
  const withheld = <T extends object>(row: T, keys: ReadonlyArray<keyof T>, redact: (text: string) => string): T => {
    if (matcher.isEmpty) return row;
    const copy = { ...row };
    for (const k of keys) {
      const value = copy[k];
      if (typeof value === "string") copy[k] = redact(value) as typeof value;
    }
    return copy;
  };
  return {
    text: matcher.redact,
    url: matcher.redactUrl,
    fields: (row, keys) => withheld(row, keys, matcher.redact),
    repeatedFields: (row, keys) => withheld(row, keys, remembered),
    sql: (column) => {
      const fragment = sql<string>`${sql.raw(SQL_FUNCTION)}(${column}, ${key})`;
      matcherOfFragment.set(fragment, matcher);
      return fragment;
    },
  };
}

/** LIKE '%term%' as SQLite answers it: the term anywhere in the text, ASCII letters in either case. */
function containsAsLike(text: string | null, term: string): boolean {
  if (text === null) return false;
  const lower = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return lower(text).includes(lower(term));
}

/**
 * The condition of a public search: one of `columns` contains `term` both as stored and as the public
 * reads it, so that a withheld name finds nothing (and neither does "withheld"). SQLite tests the stored
 * text first, then the redacted one through its public_text() function. PostgreSQL has no function of
 * the app's own: the rows of `scope` whose stored text matches (ILIKE: at least what LIKE finds) are
 * read and tested with the same redactor here, and the condition names their ids. One redactor, in
 * JavaScript, on both: a second copy of the name matching in PL/pgSQL would be a second thing to keep
 * at least as strict as this one.
 */
export async function publicTextSearch(
  db: Executor,
  redactor: PublicRedactor,
  search: { table: SQLiteTable; id: Column; columns: readonly Column[]; scope: SQL | undefined },
  term: string,
): Promise<SQL> {
  const pattern = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  if (!usesPostgres()) return or(...search.columns.map((column) => and(like(column, pattern), like(redactor.sql(column), pattern))))!;
  const names = search.columns.map((column) => column.name);
  const candidates = await allRows<Record<string, unknown>>(
    db,
    sql`SELECT ${search.id} AS id, ${sql.join(search.columns.map((column, i) => sql`${column} AS ${sql.raw(`c${i}`)}`), sql`, `)} FROM ${search.table}
         WHERE ${and(search.scope, or(...search.columns.map((column) => ilike(column, pattern))))}`,
  );
  const ids = candidates
    .filter((row) => names.some((_, i) => {
      const text = row[`c${i}`] as string | null;
      return containsAsLike(text, term) && containsAsLike(redactor.text(text), term);
    }))
    .map((row) => row.id as number);
  if (ids.length === 0) return NEVER;
  return sql`${search.id} = ANY(${sql.param(ids)}::integer[])`;
}
