import path from "node:path";

export const PG_SCHEMA_FILE = path.resolve(process.cwd(), "db/schema-pg/generated.ts");
