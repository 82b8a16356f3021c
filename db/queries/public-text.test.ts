// The redactor's SQL (a public search's WHERE on SQLite) withholds the names of the data version its
// request read, even when a request of another version compiles its own on the same connection meanwhile.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { like } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "../client";
import { usesPostgres } from "../dialect";
import { migrateDatabase } from "../migrate";
import { subjects } from "../schema";
import { loadSeed } from "../seed/load";
import { rawGet, rawRun } from "../testing/raw-sql";
import { getPublicRedactor, matcherKeptBy, type PublicRedactor } from "./public-text";

let db: Db;

/** A full garbage collection now (what a loaded server's heap does at any allocation). */
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

describe.skipIf(usesPostgres())("the public redactor's SQL", () => {
  const rolesNaming = (redactor: PublicRedactor, name: string) =>
    db.select({ slug: subjects.slug }).from(subjects).where(like(redactor.sql(subjects.role), `%${name}%`)).all().map((r) => r.slug);

  it("withholds the names of its own data version, whatever another version compiled on the connection since", async () => {
    const { name } = (await rawGet(db, "SELECT name FROM subjects WHERE slug = 'zhu-yufu'")) as { name: string };
    await rawRun(db, "UPDATE subjects SET role = ? WHERE slug = 'liu-xia'", `Wrote to ${name} in prison`);
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
    const whileConfidential = await getPublicRedactor(db);
    expect(rolesNaming(whileConfidential, name)).toEqual([]);
    // Another request, after the person is public again, compiles the next version on this connection.
    await rawRun(db, "UPDATE subjects SET confidential = 0 WHERE slug = 'zhu-yufu'");
    const public_ = await getPublicRedactor(db);
    expect(rolesNaming(public_, name)).toEqual(["liu-xia"]);
    // The first request's search still withholds the name as its version does.
    expect(rolesNaming(whileConfidential, name)).toEqual([]);
  });

  it("keeps a version's redactor for its request's SQL however many versions compile since, and refuses a version none holds", async () => {
    const { name } = (await rawGet(db, "SELECT name FROM subjects WHERE slug = 'zhu-yufu'")) as { name: string };
    await rawRun(db, "UPDATE subjects SET role = ? WHERE slug = 'liu-xia'", `Wrote to ${name} in prison`);
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
    const held = await getPublicRedactor(db);
    await rawRun(db, "UPDATE subjects SET confidential = 0 WHERE slug = 'zhu-yufu'");
    // Writes under load raise the version several times while one request renders.
    for (let i = 0; i < 12; i++) {
      // A real change: a write that changes nothing leaves the version as it was.
      await rawRun(db, "UPDATE categories SET name = ? WHERE slug = 'legal-reform'", `Legal reform ${i}`);
      await getPublicRedactor(db);
    }
    expect(rolesNaming(held, name)).toEqual([]);
    expect(() => db.$client.prepare("SELECT public_text('text', 'no-such-version') AS t").get()).toThrow(/redactor is not compiled/);
  });

  it("builds SQL that keeps its version's redactor alive, so a search kept without its redactor still finds it", async () => {
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
    const redactor = await getPublicRedactor(db);
    const fragment = redactor.sql(subjects.role);
    // The fragment holds the very matcher public_text() finds by its weak reference: nothing else need hold it.
    const kept = matcherKeptBy(fragment);
    expect(kept).toBeDefined();
    expect(kept!.redact("Zhu Yufu")).toBe(redactor.text("Zhu Yufu"));
    expect(kept!.redact("Zhu Yufu")).toBe("[name withheld]");
  });

  it("runs a version's SQL after its request has let go of everything but the SQL text, however many versions compiled since", async () => {
    // better-sqlite3 runs a statement after drizzle has built it: by then nothing need hold the
    // condition, its fragment or the redactor, and a collection may come at any allocation. A CI run
    // refused a people search so ('public_text() called for a data version whose redactor is not compiled').
    // Not the connection's first version: the first one compiled is held as long as the connection (by
    // the closure of the public_text() function registered with it).
    await getPublicRedactor(db);
    const { name } = (await rawGet(db, "SELECT name FROM subjects WHERE slug = 'zhu-yufu'")) as { name: string };
    await rawRun(db, "UPDATE subjects SET role = ? WHERE slug = 'liu-xia'", `Wrote to ${name} in prison`);
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
    const query = await (async () => {
      const redactor = await getPublicRedactor(db);
      return db.select({ slug: subjects.slug }).from(subjects).where(like(redactor.sql(subjects.role), `%${name}%`)).toSQL();
    })();
    await rawRun(db, "UPDATE subjects SET confidential = 0 WHERE slug = 'zhu-yufu'");
    for (let i = 0; i < 12; i++) {
      await rawRun(db, "UPDATE categories SET name = ? WHERE slug = 'legal-reform'", `Legal reform ${i}`);
      await getPublicRedactor(db);
    }
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      collectGarbage();
    }
    expect(db.$client.prepare(query.sql).all(...query.params)).toEqual([]);
  });

  it("finds a version's redactor whichever copy of this module compiled it: the server bundles it once per route, on one connection", async () => {
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
    const { name } = (await rawGet(db, "SELECT name FROM subjects WHERE slug = 'zhu-yufu'")) as { name: string };
    await rawRun(db, "UPDATE subjects SET role = ? WHERE slug = 'liu-xia'", `Wrote to ${name} in prison`);
    const first = await getPublicRedactor(db);
    // Another route's copy of the module, on the same connection, at the next version.
    vi.resetModules();
    const otherCopy = await import("./public-text");
    await rawRun(db, "UPDATE categories SET name = 'Legal reform, another copy' WHERE slug = 'legal-reform'");
    const second = await otherCopy.getPublicRedactor(db);
    expect(rolesNaming(second, name)).toEqual([]);
    // The first copy's search still finds its own version's redactor.
    expect(rolesNaming(first, name)).toEqual([]);
  });
});

