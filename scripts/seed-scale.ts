// npm run seed:scale -- --benchmarks 100000 --rounds 25 --reviewers 3 [--seed 1] [--out data/scale.db]
// Fills a separate database with generated data for benchmarks; it refuses to touch one that has data.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { describeDatabase, removeDatabase, runSql, usesPostgres } from "@/db/dialect";
import { isDatabaseEmpty } from "@/db/seed/load";
import { generateScaleData } from "@/db/seed/scale";

const { values } = parseArgs({
  options: {
    benchmarks: { type: "string", default: "100000" },
    rounds: { type: "string", default: "25" },
    reviewers: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "data/scale.db" },
    force: { type: "boolean", default: false },
  },
});

const options = z
  .object({
    benchmarks: z.coerce.number().int().min(10).max(1_000_000),
    rounds: z.coerce.number().int().min(2).max(200),
    reviewers: z.coerce.number().int().min(2).max(20),
    seed: z.coerce.number().int(),
  })
  .safeParse(values);
if (!options.success) {
  console.error(Object.entries(z.flattenError(options.error).fieldErrors).map(([k, v]) => `--${k}: ${v?.join(" ")}`).join("\n"));
  process.exit(2);
}

const file = path.resolve(values.out!);
// With DATABASE_URL the data goes to that PostgreSQL database, not to --out's file: what holds data there
// is the database, and --force empties the database (drops the app's schema), never a file beside it.
const target = describeDatabase(file);
async function holdsData(): Promise<boolean> {
  if (!usesPostgres()) return existsSync(file);
  const probe = openDatabase(file);
  try {
    await migrateDatabase(probe);
    return !(await isDatabaseEmpty(probe));
  } finally {
    await probe.$client.close();
  }
}
if (await holdsData()) {
  if (!values.force) {
    console.error(`${target} holds data. Pass --force to replace it.`);
    process.exit(2);
  }
  await removeDatabase(file);
}
const started = Date.now();
const db = openDatabase(file);
await migrateDatabase(db);
// It counts the published aggregates at the end (readers never do).
const summary = await generateScaleData(db, options.data);
// The planner's statistics for the new rows: PostgreSQL's ANALYZE, SQLite's optimize.
if (usesPostgres()) await runSql(db, sql`ANALYZE`);
else db.$client.pragma("optimize");
await db.$client.close();
console.log(JSON.stringify({ database: target, ...options.data, ...summary, seconds: (Date.now() - started) / 1000 }, null, 2));
