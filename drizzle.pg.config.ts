// PostgreSQL migrations: from the tables derived from db/schema (db/schema-pg/generated.ts, written
// by scripts/pg-schema.ts). `npx drizzle-kit generate --config drizzle.pg.config.ts --name <name>`.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/generated.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/scorecard" },
  strict: true,
  verbose: true,
});
