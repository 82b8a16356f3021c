// npm run backup -- out.json             the whole database as versioned JSON (every table, history included)
// npm run backup -- --file out.db        a consistent SQLite copy through the online backup API, safe while the server runs
// Either reads DATABASE_PATH (default data/scorecard.db) or --database <file>.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError } from "@/db/backup/format";
import { writeJsonBackup } from "@/db/backup/json-backup";
import { writeOnlineBackup } from "@/db/backup/online-backup";
import { databaseFile } from "@/lib/env";

// npm runs scripts from the project folder; file names on the command line are meant from where it was typed.
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
const USAGE = "Usage: npm run backup -- out.json | npm run backup -- --file out.db   [--database data/scorecard.db]";

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { file: { type: "string" }, database: { type: "string" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const outputs = [...positionals.filter((p) => p !== "--"), ...(values.file ? [values.file] : [])];
if (outputs.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const source = values.database ? fromCaller(values.database) : databaseFile();
const out = fromCaller(outputs[0]!);

try {
  const started = Date.now();
  if (values.file) {
    const result = await writeOnlineBackup(source, out);
    console.log(`Copied ${source} to ${result.file} (${result.pages} pages) in ${Date.now() - started} ms.`);
  } else {
    const result = await writeJsonBackup(source, out);
    console.log(`Backed up ${source} to ${result.file}: ${result.tables} tables, ${result.rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB in ${Date.now() - started} ms.`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
