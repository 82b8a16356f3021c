import "server-only";
// The one place public text passes through on its way out: every query behind a public page, the
// read API or an export hands its free text (titles, summaries, demands, descriptions, rationales,
// evidence) to the redactor of the current published data, which replaces every confidential name
// with "[name withheld]" and a link whose address names one with "[link withheld]". Stored texts
// stay as written; the workspace reads them directly. Compiled once per data version: marking an
// item confidential, or editing its names, raises the version (triggers of migration 0001).
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type Database from "better-sqlite3";
import type { NameMatcher } from "@/lib/redaction";
import type { Db } from "../client";
import { readPublishedDataKey } from "./published-aggregates";
import { compileWithheldNames, listWithheldItems } from "./withheld-names";

export interface PublicRedactor {
  text: NameMatcher["redact"];
  url: NameMatcher["redactUrl"];
  /** A copy of the row with the named text fields withheld. */
  fields<T extends object>(row: T, keys: ReadonlyArray<keyof T>): T;
  /** The column as the public reads it, for a WHERE clause (a search must not find a withheld name). */
  sql(column: SQLWrapper): SQL<string>;
}

const SQL_FUNCTION = "public_text";
const current = new WeakMap<Database.Database, { key: string; matcher: NameMatcher }>();

/** The redactor for the data as it is now on this connection. */
export function getPublicRedactor(db: Db): PublicRedactor {
  const client = db.$client;
  const key = readPublishedDataKey(db);
  let entry = current.get(client);
  if (!entry || entry.key !== key) {
    if (!entry) {
      // Fails closed: a call before any redactor was compiled for this connection is an error, never the raw text.
      client.function(SQL_FUNCTION, (text: unknown) => {
        const matcher = current.get(client)?.matcher;
        if (!matcher) throw new Error("public_text() called before the redactor was compiled");
        return typeof text === "string" ? matcher.redact(text) : text;
      });
    }
    entry = { key, matcher: compileWithheldNames(listWithheldItems(db)) };
    current.set(client, entry);
  }
  const matcher = entry.matcher;
  return {
    text: matcher.redact,
    url: matcher.redactUrl,
    fields: (row, keys) => {
      if (matcher.isEmpty) return row;
      const copy = { ...row };
      for (const k of keys) {
        const value = copy[k];
        if (typeof value === "string") copy[k] = matcher.redact(value) as typeof value;
      }
      return copy;
    },
    sql: (column) => sql<string>`${sql.raw(SQL_FUNCTION)}(${column})`,
  };
}
