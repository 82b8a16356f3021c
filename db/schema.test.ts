// The schema split into one file per area still declares exactly the tables the migrations create,
// column for column, on either database, so drizzle, the backup's table list and better-auth's adapter see the same database.
// (Beside the folder, not in it: drizzle-kit loads every file in db/schema/.)
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { listBackupTables, MIGRATIONS_TABLE, SEQUENCE_TABLE } from "./backup/tables";
import { openDatabase } from "./client";
import { listDatabaseTables, usesPostgres } from "./dialect";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

const declared = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value)
  .map((table) => getTableConfig(table));

describe("db/schema", () => {
  it("declares every table the migrations create, once, with the same columns", async () => {
    const db = openDatabase(":memory:");
    await migrateDatabase(db);
    const migrated = await listDatabaseTables(db);

    expect(declared.map((t) => t.name).sort()).toEqual(migrated.map((t) => t.name).sort());
    for (const table of migrated) {
      const config = declared.find((t) => t.name === table.name);
      expect(config?.columns.map((c) => c.name).sort(), table.name).toEqual([...table.columns].sort());
    }
    await db.$client.close();
  });

  it.skipIf(usesPostgres())("the backup's table list (SQLite) holds the same tables and columns, with SQLite's sequence and the migration journal", async () => {
    const db = openDatabase(":memory:");
    await migrateDatabase(db);
    const backup = listBackupTables(db.$client).filter((t) => t.name !== MIGRATIONS_TABLE && t.name !== SEQUENCE_TABLE);
    expect(backup.map((t) => ({ name: t.name, columns: t.columns }))).toEqual(await listDatabaseTables(db));
    db.$client.close();
  });

  it("exports the four tables better-auth's adapter is given", () => {
    const names = [schema.users, schema.sessions, schema.accounts, schema.verifications].map((t) => getTableConfig(t).name);
    expect(names).toEqual(["users", "sessions", "accounts", "verifications"]);
  });
});
