import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authSecret } from "./secret";

describe("authSecret", () => {
  it("generates a secret once, keeps it beside the database, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    const db = path.join(dir, "scorecard.db");
    const first = authSecret(db, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(authSecret(db, {})).toBe(first);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(first);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o077).toBe(0);
  });

  it("prefers BETTER_AUTH_SECRET and refuses a short one", () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), "secret-")), "x.db");
    expect(authSecret(db, { BETTER_AUTH_SECRET: "s".repeat(40) })).toBe("s".repeat(40));
    expect(() => authSecret(db, { BETTER_AUTH_SECRET: "short" })).toThrow(/32/);
  });

  it("on PostgreSQL takes BETTER_AUTH_SECRET, the same on every instance, and never generates one beside a SQLite path", () => {
    const postgres = { DATABASE_URL: "postgres://scorecard@127.0.0.1:5432/scorecard" };
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    // Two instances of one deployment: each its own DATABASE_PATH (or none), one database, one secret.
    const shared = "p".repeat(48);
    expect(authSecret(path.join(dir, "a", "scorecard.db"), { ...postgres, BETTER_AUTH_SECRET: shared })).toBe(shared);
    expect(authSecret(path.join(dir, "b", "scorecard.db"), { ...postgres, BETTER_AUTH_SECRET: shared })).toBe(shared);
    expect(() => authSecret(path.join(dir, "a", "scorecard.db"), postgres)).toThrow(/BETTER_AUTH_SECRET is needed with DATABASE_URL/);
    expect(existsSync(path.join(dir, "a", "auth-secret"))).toBe(false);
    expect(() => authSecret(path.join(dir, "a", "scorecard.db"), { ...postgres, BETTER_AUTH_SECRET: "short" })).toThrow(/32/);
  });
});
