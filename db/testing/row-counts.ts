import type Database from "better-sqlite3";
import { usesPostgres, type Executor } from "../dialect";
import { rawAll, rawCount } from "./raw-sql";

/** A function giving the number of rows in every table of the app: compare before and after to prove nothing changed. */
export function rowCounter(sqlite: Database.Database): () => Record<string, number> {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]
  ).map((t) => t.name);
  return () => Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/** rowCounter on either database, awaited: the number of rows in every table of the app. */
export async function tableRowCounter(db: Executor): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    await rawAll<{ name: string }>(
      db,
      usesPostgres()
        ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
  ).map((t) => t.name);
  return async () => {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = await rawCount(db, `SELECT COUNT(*) AS n FROM "${t}"`);
    return counts;
  };
}
