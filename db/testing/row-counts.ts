import type Database from "better-sqlite3";

/** A function giving the number of rows in every table of the app: compare before and after to prove nothing changed. */
export function rowCounter(sqlite: Database.Database): () => Record<string, number> {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]
  ).map((t) => t.name);
  return () => Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}
