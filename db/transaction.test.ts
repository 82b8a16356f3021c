import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { transaction } from "./transaction";

function scratch() {
  const db = openDatabase(":memory:");
  db.$client.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const bodies = () => db.all<{ body: string }>(sql`select body from notes order by id`).map((r) => r.body);
  const add = (body: string) => db.run(sql`insert into notes (body) values (${body})`);
  return { db, bodies, add };
}

describe("transaction", () => {
  it("commits what its work wrote and returns what the work returned", async () => {
    const { db, bodies, add } = scratch();
    const result = await transaction(db, async (tx) => {
      add("a");
      await Promise.resolve();
      add("b");
      return tx === db;
    });
    expect(result).toBe(true);
    expect(bodies()).toEqual(["a", "b"]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("rolls back everything when the work throws, and rethrows", async () => {
    const { db, bodies, add } = scratch();
    await expect(
      transaction(db, async () => {
        add("a");
        await Promise.resolve();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(bodies()).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("runs a nested transaction as a savepoint: its failure undoes only its own writes", async () => {
    const { db, bodies, add } = scratch();
    await transaction(db, async (tx) => {
      add("outer");
      await expect(
        transaction(tx, async () => {
          add("inner");
          throw new Error("inner refused");
        }),
      ).rejects.toThrow("inner refused");
      await transaction(tx, async () => add("inner kept"));
    });
    expect(bodies()).toEqual(["outer", "inner kept"]);
  });

  it("queues two transactions on one connection instead of running one inside the other", async () => {
    const { db, bodies, add } = scratch();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = transaction(db, async () => {
      add("first-1");
      await gate; // real waiting: the second transaction must not start meanwhile
      add("first-2");
    });
    const second = transaction(db, async () => {
      add("second");
      throw new Error("second refused");
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bodies()).toEqual(["first-1"]);
    release();
    await first;
    await expect(second).rejects.toThrow("second refused");
    // The second's rollback undid only its own row: it ran after the first committed.
    expect(bodies()).toEqual(["first-1", "first-2"]);
  });
});
