// npm run db:triggers: prints the hand-written part of the migration that holds the public tables'
// triggers (db/public-tables.ts), to paste after a generated migration when the list changes.
import { publicTablesMigrationSql } from "@/db/public-tables";

process.stdout.write(publicTablesMigrationSql());
