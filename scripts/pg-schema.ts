// Writes db/schema-pg/generated.ts: the PostgreSQL tables derived from db/schema (see db/schema-pg/generate.ts).
import { writeFileSync } from "node:fs";
import { generatePgSchema } from "@/db/schema-pg/generate";
import { PG_SCHEMA_FILE } from "@/db/schema-pg/location";

writeFileSync(PG_SCHEMA_FILE, generatePgSchema());
console.log(`Wrote ${PG_SCHEMA_FILE}.`);
