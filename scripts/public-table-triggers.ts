// npm run db:triggers: prints the hand-written part of the migration that holds the public tables'
// triggers (db/public-tables.ts), to paste after a generated migration when the list changes.
import { pgStatementTriggersMigrationSql, publicTablesMigrationSql } from "@/db/public-tables";

// --postgres: the same for the PostgreSQL migrations (db/migrations-pg: as migration 0003 makes them).
process.stdout.write(process.argv.includes("--postgres") ? pgStatementTriggersMigrationSql() : publicTablesMigrationSql());
