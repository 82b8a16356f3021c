// npm run db:triggers: prints the hand-written part of the migration that holds the public tables'
// triggers (db/public-tables.ts), to paste after a generated migration when the list changes.
import { pgPublicTablesMigrationSql, publicTablesMigrationSql } from "@/db/public-tables";

// --postgres: the same for the PostgreSQL migration (db/migrations-pg).
process.stdout.write(process.argv.includes("--postgres") ? pgPublicTablesMigrationSql() : publicTablesMigrationSql());
