// npm run import -- file.csv [--as editor@example.org] [--database data/scorecard.db]
// Imports a benchmarks or scores CSV (the shape the CSV exports write). Every row is checked first;
// on any error it prints each one with its line number, writes nothing and exits with 1.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { refreshPublishedAggregates } from "@/db/commands/published-aggregates";
import { importCsv } from "@/db/import/import-csv";
import { prepareDatabase } from "@/db/prepare";
import { users } from "@/db/schema";
import { databaseFile } from "@/lib/env";
import { describeImportSummary } from "@/server/i18n/import-summary";

const USAGE = "Usage: npm run import -- file.csv [--as editor@example.org] [--database data/scorecard.db]";
// Read whole and checked before anything is written, so the file has to fit in memory comfortably.
const MAX_BYTES = 200 * 1024 * 1024;

const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { as: { type: "string" }, database: { type: "string" } } });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const inputs = parsed.positionals.filter((p) => p !== "--");
if (inputs.length !== 1) fail(USAGE, 2);
const file = fromCaller(inputs[0]!);

let text: string;
try {
  if (statSync(file).size > MAX_BYTES) fail(`${file} is larger than 200 MB: split it into smaller files.`);
  text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
} catch (error) {
  fail(error instanceof TypeError ? `${file} is not UTF-8 text: save it as CSV UTF-8.` : `Cannot read ${file}: ${(error as Error).message}`);
}

const target = parsed.values.database ? fromCaller(parsed.values.database) : databaseFile();
await prepareDatabase(target);
const db = openDatabase(target);
try {
  const editors = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, "editor"), eq(users.isDemo, false), ...(parsed.values.as ? [eq(users.email, parsed.values.as.trim().toLowerCase())] : [])));
  if (parsed.values.as && editors.length === 0) fail(`There is no editor account ${parsed.values.as}: imports are made in an editor's name.`);
  if (editors.length === 0) fail("There is no editor account to import in the name of: create one with npm run user:create -- --role editor.");
  if (editors.length > 1) fail(`There are ${editors.length} editors: say whose name the import is in with --as (${editors.map((e) => e.email).join(", ")}).`);
  const importer = editors[0]!;

  const result = await importCsv(db, text, { id: importer.id }, path.basename(file));
  if (!result.ok) {
    console.error(`Read ${result.rowsRead} rows from ${file}. Nothing was written: ${result.problems.length} ${result.problems.length === 1 ? "error" : "errors"}.`);
    for (const p of result.problems) console.error(`line ${p.line}: ${p.message}`);
    process.exitCode = 1;
  } else {
    // A server may be reading this database now: its readers see the import once the writer refreshes.
    await refreshPublishedAggregates(db);
    console.log(`Imported ${file} as ${importer.email}.`);
    for (const line of describeImportSummary(result.summary, "en")) console.log(line);
  }
} finally {
  db.$client.close();
}
