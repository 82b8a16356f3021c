// npm run restore -- in.json [--database target.db]
// Loads a JSON backup into a new or empty database (DATABASE_PATH, default data/scorecard.db, or --database);
// with DATABASE_URL=postgres://… into that empty PostgreSQL database (moving a SQLite instance up).
// It refuses a database that holds data, an unknown format version and a backup from another migration set.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError } from "@/db/backup/format";
import { restoreJsonBackup } from "@/db/backup/json-restore";
import { restoreJsonBackupToPostgres } from "@/db/backup/json-restore-postgres";
import { describeDatabase, usesPostgres } from "@/db/dialect";
import { databaseFile } from "@/lib/env";

// npm runs scripts from the project folder; file names on the command line are meant from where it was typed.
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
const USAGE = "Usage: npm run restore -- backup.json [--database data/scorecard.db]";

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { database: { type: "string" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const inputs = positionals.filter((p) => p !== "--");
if (inputs.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const target = values.database ? fromCaller(values.database) : databaseFile();

try {
  const started = Date.now();
  const result = usesPostgres()
    ? await restoreJsonBackupToPostgres(fromCaller(inputs[0]!), target, describeDatabase(target))
    : await restoreJsonBackup(fromCaller(inputs[0]!), target);
  console.log(
    `Restored ${result.rows} rows in ${result.tables} tables into ${result.file} in ${Date.now() - started} ms (backup of ${result.backupCreatedAt}, app ${result.appVersion}).`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
}
