import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatePgSchema } from "./generate";
import { PG_SCHEMA_FILE } from "./location";

describe("the PostgreSQL schema", () => {
  it("is the one derived from the SQLite schema (run `npx tsx scripts/pg-schema.ts` and generate a pg migration after a schema change)", () => {
    expect(readFileSync(PG_SCHEMA_FILE, "utf8")).toBe(generatePgSchema());
  });

  it("maps SQLite's default expressions and keeps every table, check and partial index", () => {
    const generated = generatePgSchema();
    expect(generated).not.toMatch(/strftime|randomblob|autoincrement/i);
    expect(generated).toContain('pgTable(\n  "benchmarks"');
    expect(generated).toContain('index("benchmarks_unapproved_idx").on(t.id).where(sql.raw("review_state <> \'approved\'"))');
    expect(generated).toContain('check("data_version_single_row"');
  });
});

describe("the PostgreSQL migration", () => {
  it("ends with the hand-written single rows and the public tables' triggers as db/public-tables.ts declares them", async () => {
    const { pgPublicTablesMigrationSql } = await import("../public-tables");
    const migration = readFileSync(new URL("../migrations-pg/0000_init.sql", import.meta.url), "utf8");
    expect(migration.endsWith(pgPublicTablesMigrationSql())).toBe(true);
    expect(migration.match(/CREATE TRIGGER/g)?.length).toBe(51);
  });

  it("has the public tables' triggers again in migration 0003, once per statement, as db/public-tables.ts declares them", async () => {
    const { pgStatementTriggersMigrationSql } = await import("../public-tables");
    const migration = readFileSync(new URL("../migrations-pg/0003_statement-triggers.sql", import.meta.url), "utf8");
    expect(migration.endsWith(pgStatementTriggersMigrationSql())).toBe(true);
    expect(migration.match(/FOR EACH STATEMENT/g)?.length).toBe(51);
    expect(migration).not.toMatch(/FOR EACH ROW/);
  });
});
