// A person ends their own sessions from the account page: one by one, or all but this browser's. Each is
// audited; an id of another account's session, or of this browser's, ends nothing.
import { rawGet, rawRun, rawValues } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { tableRowCounter } from "@/db/testing/row-counts";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { listOwnSessions } from "../queries/sessions";
import { endOtherSessions, endOwnSession, SessionChangeError } from "./sessions";

let db: Db;
let counts: () => Promise<Record<string, number>>;
const CHROMIUM = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36";

async function addUser(id: string, sessions: Array<{ id: string; ago?: number; expiresIn?: number; userAgent?: string }>) {
  const now = Date.now();
  (await rawRun(db, "INSERT INTO users (id, email, name, role, is_demo, email_verified, created_at, updated_at) VALUES (?, ?, ?, 'reviewer', 0, 1, ?, ?)", id, `${id}@example.org`, `Name of ${id}`, now, now));
  for (const s of sessions) {
    (await rawRun(db, "INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at, user_agent, ip_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.id, `token-of-${s.id}`, id, now + (s.expiresIn ?? 86_400_000), now - (s.ago ?? 0), now - (s.ago ?? 0), s.userAgent ?? null, null));
  }
}

const sessionIds = async (userId: string) => (await rawValues(db, "SELECT id FROM sessions WHERE user_id = ? ORDER BY id", userId));
const lastAudit = async () => (await rawGet(db, "SELECT user_id AS userId, action, entity, entity_id AS entityId, before, after FROM audit_log ORDER BY id DESC LIMIT 1"));

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await addUser("rita", [{ id: "rita-here", ago: 1000 }, { id: "rita-phone", ago: 5000, userAgent: CHROMIUM }, { id: "rita-old", ago: 9000 }, { id: "rita-expired", expiresIn: -1000 }]);
  await addUser("sam", [{ id: "sam-laptop" }]);
  counts = await tableRowCounter(db);
});

// The change starts only once the rows before it are counted: the count is awaited, and a change begun
// earlier could finish, or write, before it.
async function expectRefusal(start: () => Promise<unknown>, message: RegExp) {
  const before = { counts: await counts(), rita: await sessionIds("rita"), sam: await sessionIds("sam") };
  const change = start();
  await expect(change).rejects.toThrow(SessionChangeError);
  await expect(change).rejects.toThrow(message);
  expect({ counts: await counts(), rita: await sessionIds("rita"), sam: await sessionIds("sam") }).toEqual(before);
}

describe("listing one's sessions", () => {
  it("lists only the account's unexpired sessions, newest sign-in first, without their tokens", async () => {
    const listed = await listOwnSessions(db, "rita");
    expect(listed.map((s) => s.id)).toEqual(["rita-here", "rita-phone", "rita-old"]);
    expect(JSON.stringify(listed)).not.toContain("token-of");
    expect(listed[1]).toMatchObject({ userAgent: CHROMIUM, ipAddress: null, createdAt: expect.any(Date), expiresAt: expect.any(Date) });
  });
});

describe("ending one of one's sessions", () => {
  it("deletes that session only and audits which device it was", async () => {
    expect(await endOwnSession(db, "rita", "rita-phone", "rita-here")).toEqual({ device: { kind: "known", browser: "Chromium", system: "Linux" } });
    expect(await sessionIds("rita")).toEqual(["rita-expired", "rita-here", "rita-old"]);
    expect(await lastAudit()).toMatchObject({ userId: "rita", action: "session.end", entity: "user", entityId: "rita", after: null });
    expect(JSON.parse((await lastAudit() as { before: string }).before)).toMatchObject({ device: "Chromium on Linux", signedInAt: expect.any(String) });
  });

  it("refuses another account's session, sent by its id, and ends nothing", async () => {
    await expectRefusal(() => endOwnSession(db, "rita", "sam-laptop", "rita-here"), /No such session/);
  });

  it("refuses this browser's own session (that is signing out), an unknown id and an expired session", async () => {
    await expectRefusal(() => endOwnSession(db, "rita", "rita-here", "rita-here"), /this browser's session/);
    await expectRefusal(() => endOwnSession(db, "rita", "no-such-id", "rita-here"), /No such session/);
    await expectRefusal(() => endOwnSession(db, "rita", "rita-expired", "rita-here"), /No such session/);
  });
});

describe("signing out everywhere else", () => {
  it("ends every other session of the account, none of another account's, and audits how many", async () => {
    expect(await endOtherSessions(db, "rita", "rita-here")).toBe(3);
    expect(await sessionIds("rita")).toEqual(["rita-here"]);
    expect(await sessionIds("sam")).toEqual(["sam-laptop"]);
    expect(await lastAudit()).toMatchObject({ userId: "rita", action: "session.end-others", entity: "user", entityId: "rita", after: JSON.stringify({ sessionsEnded: 3 }) });
  });

  it("says so when there is no other session, writing nothing", async () => {
    await expectRefusal(() => endOtherSessions(db, "sam", "sam-laptop"), /No other session/);
  });
});
