// user:disable-2fa's command: for a lost phone and lost backup codes, run by whoever holds the server.
import { rawGet, rawRun, rawValue } from "@/db/testing/raw-sql";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { disableTwoFactorOf } from "./two-factor";

describe("disableTwoFactorOf", () => {
  it("removes the authenticator, turns the flag off, ends the sessions and audits it as the command line's", async () => {
    const db = openDatabase(":memory:");
    await migrateDatabase(db);
    const sql = db.$client;
    const now = Date.now();
    (await rawRun(db, "INSERT INTO users (id, email, name, role, is_demo, email_verified, created_at, updated_at, two_factor_enabled) VALUES ('u', 'u@example.org', 'U', 'editor', 0, 1, ?, ?, 1)", now, now));
    (await rawRun(db, "INSERT INTO two_factors (id, secret, backup_codes, user_id, verified) VALUES ('t', 'encrypted', 'encrypted', 'u', 1)"));
    (await rawRun(db, "INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES ('s', 'tok', 'u', ?, ?, ?)", now + 86_400_000, now, now));

    expect(await disableTwoFactorOf(db, null, "u")).toEqual({ wasEnabled: true, sessionsEnded: 1 });
    expect((await rawValue(db, "SELECT two_factor_enabled FROM users WHERE id = 'u'"))).toBe(0);
    expect((await rawValue(db, "SELECT COUNT(*) FROM two_factors"))).toBe(0);
    expect((await rawValue(db, "SELECT COUNT(*) FROM sessions"))).toBe(0);
    const audit = (await rawGet(db, "SELECT user_id AS userId, action, before, after FROM audit_log ORDER BY id DESC LIMIT 1")) as Record<string, string | null>;
    expect(audit).toMatchObject({ userId: null, action: "user.two-factor-disable" });
    expect(JSON.parse(audit.before!)).toEqual({ twoFactorEnabled: true });
    expect(await disableTwoFactorOf(db, null, "u")).toEqual({ wasEnabled: false, sessionsEnded: 0 });
    sql.close();
  });
});
