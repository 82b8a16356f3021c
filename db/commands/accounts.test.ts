// Deactivating, reactivating and re-roling accounts on the seed: each change writes its audit entry
// with before and after, deactivation ends every session at once, and every refusal writes nothing.
import { rawAll, rawGet, rawRun, rawValue, rawValues } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { tableRowCounter } from "@/db/testing/row-counts";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getAccountForSession, hasOtherActiveEditor, listActiveReviewers } from "../queries/users";
import { AccountChangeError, deactivateAccount, reactivateAccount, setAccountRole } from "./accounts";

let db: Db;
let counts: () => Promise<Record<string, number>>;
/** Everything but updatedAt, to tell that a refusal changed no row of users or sessions. */
let snapshot: () => Promise<unknown>;

async function addUser(id: string, role: "editor" | "reviewer", sessions = 0) {
  const now = Date.now();
  (await rawRun(db, "INSERT INTO users (id, email, name, role, is_demo, email_verified, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)", id, `${id}@example.org`, `Name of ${id}`, role, now, now));
  for (let i = 0; i < sessions; i++) {
    (await rawRun(db, "INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", `${id}-s${i}`, `${id}-t${i}`, id, now + 86_400_000, now, now));
  }
}

const sessionCount = async (id: string) => (await rawValue(db, "SELECT count(*) FROM sessions WHERE user_id = ?", id)) as number;
const lastAudit = async () => {
  const row = (await rawGet(db, "SELECT user_id AS userId, action, entity, entity_id AS entityId, before, after FROM audit_log ORDER BY id DESC LIMIT 1")) as Record<string, string>;
  return { ...row, before: JSON.parse(row.before!), after: JSON.parse(row.after!) };
};

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  await addUser("ed-one", "editor", 1);
  await addUser("ed-two", "editor");
  await addUser("rev", "reviewer", 2);
  counts = await tableRowCounter(db);
  snapshot = async () => (await rawAll(db, "SELECT id, role, deactivated_at FROM users ORDER BY id")).concat((await rawAll(db, "SELECT id FROM sessions ORDER BY id")));
});

// The change starts only once the rows before it are counted: the count is awaited, and a change begun
// earlier could finish, or write, before it.
async function expectRefusal(start: () => Promise<unknown>, message: RegExp) {
  const before = { counts: await counts(), rows: await snapshot() };
  const change = start();
  await expect(change).rejects.toThrow(AccountChangeError);
  await expect(change).rejects.toThrow(message);
  expect({ counts: await counts(), rows: await snapshot() }).toEqual(before);
}

describe("deactivating an account", () => {
  it("ends all its sessions at once, refuses its session lookup, keeps the row, and audits before and after", async () => {
    const done = await deactivateAccount(db, "ed-one", "rev");
    expect(done).toEqual({ name: "Name of rev", email: "rev@example.org", sessionsEnded: 2 });
    expect(await sessionCount("rev")).toBe(0);
    expect(await sessionCount("ed-one")).toBe(1);
    const account = await getAccountForSession(db, "rev");
    expect(account?.name).toBe("Name of rev");
    expect(account?.deactivatedAt).toBeInstanceOf(Date);
    expect(await lastAudit()).toMatchObject({ userId: "ed-one", action: "user.deactivate", entity: "user", entityId: "rev", before: { deactivatedAt: null }, after: { sessionsEnded: 2 } });
  });

  it("withdraws the reset links still outstanding for it, and takes it off the list of people who score", async () => {
    const now = Date.now();
    const link = (...values: unknown[]) => rawRun(db, "INSERT INTO verifications (id, identifier, value, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", ...values);
    await link("link-rev", "reset-password:hashed-token", "rev", now + 86_400_000, now, now);
    await link("link-ed", "reset-password:other-token", "ed-one", now + 86_400_000, now, now);
    expect((await listActiveReviewers(db)).map((r) => r.id)).toContain("rev");
    await deactivateAccount(db, "ed-one", "rev");
    const links = (await rawValues(db, "SELECT value FROM verifications ORDER BY id"));
    expect(links).toEqual(["ed-one"]);
    expect(await lastAudit()).toMatchObject({ action: "user.deactivate", after: { resetLinksWithdrawn: 1 } });
    expect((await listActiveReviewers(db)).map((r) => r.id)).not.toContain("rev");
  });

  it("refuses oneself, an account already deactivated, a demo or unknown account, and writes nothing", async () => {
    await expectRefusal(() => deactivateAccount(db, "ed-one", "ed-one"), /your own account/);
    await deactivateAccount(db, "ed-one", "rev");
    await expectRefusal(() => deactivateAccount(db, "ed-one", "rev"), /already deactivated/);
    await expectRefusal(() => deactivateAccount(db, "ed-one", "demo-reviewer-a"), /No such account/);
    await expectRefusal(() => deactivateAccount(db, null, "nobody"), /No such account/);
  });

  it("refuses the last active editor, from the command line too, and writes nothing", async () => {
    await deactivateAccount(db, "ed-one", "ed-two");
    expect(await hasOtherActiveEditor(db, "ed-one")).toBe(false);
    await expectRefusal(() => deactivateAccount(db, null, "ed-one"), /last active editor/);
  });

  it("is undone by reactivation, which is audited and refused when the account is active", async () => {
    await deactivateAccount(db, null, "rev");
    await reactivateAccount(db, "ed-one", "rev");
    expect((await getAccountForSession(db, "rev"))?.deactivatedAt).toBeNull();
    expect(await lastAudit()).toMatchObject({ userId: "ed-one", action: "user.reactivate", entityId: "rev", after: { deactivatedAt: null } });
    expect(typeof (await lastAudit()).before.deactivatedAt).toBe("string");
    await expectRefusal(() => reactivateAccount(db, "ed-one", "rev"), /already active/);
  });
});

describe("changing an account's role", () => {
  it("changes the role the session lookup reads, keeps the sessions, and audits before and after", async () => {
    const done = await setAccountRole(db, "ed-one", "rev", "editor");
    expect(done.before).toBe("reviewer");
    expect((await getAccountForSession(db, "rev"))?.role).toBe("editor");
    expect(await sessionCount("rev")).toBe(2);
    expect(await lastAudit()).toMatchObject({ userId: "ed-one", action: "user.role", entityId: "rev", before: { role: "reviewer" }, after: { role: "editor" } });
  });

  it("refuses to demote the last active editor, or to set the role it has, and writes nothing", async () => {
    await setAccountRole(db, "ed-one", "ed-two", "reviewer");
    await expectRefusal(() => setAccountRole(db, "ed-one", "ed-one", "reviewer"), /last active editor/);
    await expectRefusal(() => setAccountRole(db, "ed-one", "ed-one", "editor"), /already an editor/);
    await expectRefusal(() => setAccountRole(db, "ed-one", "demo-editor", "reviewer"), /No such account/);
  });

  it("lets a deactivated editor be demoted: it does not count as an active one", async () => {
    await deactivateAccount(db, "ed-one", "ed-two");
    await setAccountRole(db, null, "ed-two", "reviewer");
    expect((await getAccountForSession(db, "ed-two"))?.role).toBe("reviewer");
  });
});
