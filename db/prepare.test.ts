// The database's first-start set-up and npm run db:reset, on either database.
import { afterEach, describe, expect, it } from "vitest";
import { rawGet, rawRun } from "@/db/testing/raw-sql";
import { openDatabase } from "./client";
import { describeDatabase, describePostgresDatabase, usesPostgres } from "./dialect";
import { prepareDatabase, removeDatabaseFiles } from "./prepare";

const file = `${process.env.TMPDIR ?? "/tmp"}/prepare-test-${process.pid}-${Date.now()}.db`;
afterEach(() => removeDatabaseFiles(file));

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await work(db);
  } finally {
    await db.$client.close();
  }
}

describe("prepareDatabase", () => {
  it("seeds a new database once, keeps a used one, and with reset empties it and seeds it afresh", async () => {
    expect((await prepareDatabase(file)).seeded).not.toBeNull();
    const count = () => withDatabase(async (db) => ((await rawGet(db, "SELECT count(*) AS n FROM tracks")) as { n: number }).n);
    const seededTracks = await count();
    await withDatabase((db) => rawRun(db, "INSERT INTO tracks (slug, name, short_name) VALUES ('added-after-seeding', 'Added after seeding', 'Added')"));
    expect((await prepareDatabase(file)).seeded, "a database with data is not seeded again").toBeNull();
    expect(await count()).toBe(seededTracks + 1);

    const reset = await prepareDatabase(file, { reset: true });
    expect(reset.seeded).not.toBeNull();
    expect(await count()).toBe(seededTracks);
    expect(await withDatabase((db) => rawGet(db, "SELECT 1 AS one FROM tracks WHERE slug = 'added-after-seeding'"))).toBeUndefined();
  });
});

describe("describeDatabase (what the scripts print)", () => {
  it("names the SQLite file, or on PostgreSQL the server and database without the address's password", () => {
    if (!usesPostgres()) {
      expect(describeDatabase(file)).toBe(file);
      return;
    }
    const described = describeDatabase(file);
    expect(described).toMatch(new RegExp(`^the PostgreSQL database \\S+ on ${new URL(process.env.DATABASE_URL!).host.replace(/\./g, "\\.")}$`));
    expect(described).not.toContain(file);
  });

  it("spells a PostgreSQL address without user or password", () => {
    expect(describePostgresDatabase("postgres://scorecard:s3cret-pw@db.internal:5433/coalition")).toBe("the PostgreSQL database coalition on db.internal:5433");
    expect(describePostgresDatabase("postgresql://scorecard:s3cret-pw@db.internal/coalition", "f_0123")).toBe("the PostgreSQL database f_0123 on db.internal");
  });
});
