// The database's first-start set-up and npm run db:reset, on either database.
import { afterEach, describe, expect, it } from "vitest";
import { rawGet, rawRun } from "@/db/testing/raw-sql";
import { openDatabase } from "./client";
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
