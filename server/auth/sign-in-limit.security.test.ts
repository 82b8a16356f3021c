import { beforeAll, describe, expect, it, vi } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";
import { accountKey, attemptWithin, SignInLimiter } from "./sign-in-limit";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/sign-in-limit-test-${process.pid}-${Date.now()}.db`;
});

const MINUTE = 60_000;
type Db = import("@/db/client").Db;
let db: Db;
/** A second connection to the same database: what another app instance has. */
let otherInstance: Db;
let bucketSeq = 0;
/** Every test counts in buckets of its own (the database is shared by the file's tests). */
const fresh = () => `test-${++bucketSeq}`;

beforeAll(async () => {
  const { migrateDatabase } = await import("@/db/migrate");
  const { openDatabase } = await import("@/db/client");
  db = openDatabase(process.env.DATABASE_PATH!);
  await migrateDatabase(db);
  otherInstance = openDatabase(process.env.DATABASE_PATH!);
});

describe("a sliding window in the database", () => {
  it("allows max events in any window and says how long to wait", async () => {
    const bucket = fresh();
    const check = { bucket, key: "k", max: 3, windowMs: MINUTE };
    for (const t of [0, 10_000, 20_000]) expect(await attemptWithin(db, check, t)).toBe(0);
    expect(await attemptWithin(db, check, 30_000)).toBe(30);
    expect(await attemptWithin(db, { ...check, key: "other" }, 30_000)).toBe(0);
    // The first event leaves the window at 60 s: one more is allowed, not three (no reset at a boundary).
    expect(await attemptWithin(db, check, 60_000)).toBe(0);
    expect(await attemptWithin(db, check, 60_001)).toBe(10);
  });

  it("keeps about one window of events however many keys an attacker invents", async () => {
    const bucket = fresh();
    for (let i = 0; i < 300; i++) await attemptWithin(db, { bucket, key: `key-${i}`, max: 1, windowMs: MINUTE }, i * 1000);
    const { sql } = await import("drizzle-orm");
    const { oneRow } = await import("@/db/dialect");
    const row = await oneRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM rate_limit_events WHERE bucket = ${bucket}`);
    expect(Number(row!.n)).toBeLessThanOrEqual(60);
    expect(Number(row!.n)).toBeGreaterThan(50);
  });

  it("is shared by every app instance on the database: attempts through either count against one limit", async () => {
    const bucket = fresh();
    const check = { bucket, key: "editor@example.org", max: 4, windowMs: MINUTE };
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await attemptWithin(i % 2 ? otherInstance : db, check, 1000 + i));
    expect(results.map((wait) => wait === 0)).toEqual([true, true, true, true, false, false, false, false]);
  });

  it("never lets concurrent attempts past the limit", async () => {
    const bucket = fresh();
    const check = { bucket, key: "k", max: 5, windowMs: MINUTE };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attemptWithin(i % 2 ? otherInstance : db, check, 5000)));
    // Served in the order they were written: exactly the limit gets through, not fewer, not more.
    expect(results.filter((wait) => wait === 0)).toHaveLength(5);
  });
});

describe("the sign-in limiter", () => {
  const limits = { perKey: 5, shared: 12, windowMs: MINUTE };
  // Each test starts a minute after the last one's events, so the shared buckets start empty.
  let clock = 0;
  const start = () => (clock += 10 * MINUTE);

  it("limits one account however many clients try it", async () => {
    const t = start();
    const limiter = new SignInLimiter(db, limits);
    for (let i = 0; i < 5; i++) expect((await limiter.attempt("editor@example.org", `203.0.113.${i}`, t + i)).allowed).toBe(true);
    expect(await limiter.attempt("editor@example.org", "198.51.100.1", t + 10)).toEqual({ allowed: false, retryAfterSeconds: 60, reason: "account" });
    expect((await limiter.attempt("someone-else@example.org", "198.51.100.1", t + 10)).allowed).toBe(true);
  });

  it("puts every client of unknown address in one shared bucket, so inventing accounts buys nothing either", async () => {
    const t = start();
    const limiter = new SignInLimiter(db, limits);
    const results = [];
    for (let i = 0; i < 20; i++) results.push((await limiter.attempt(`user-${i}@example.org`, null, t + i)).allowed);
    expect(results.filter(Boolean)).toHaveLength(12);
    expect(results.slice(12).every((r) => !r)).toBe(true);
  });

  it("gives each known client address its own bucket", async () => {
    const t = start();
    const limiter = new SignInLimiter(db, limits);
    const a = [];
    for (let i = 0; i < 7; i++) a.push((await limiter.attempt(`a-${i}@example.org`, "203.0.113.1", t + i)).allowed);
    expect(a).toEqual([true, true, true, true, true, false, false]);
    expect((await limiter.attempt("b@example.org", "203.0.113.2", t + 10)).allowed).toBe(true);
  });

  it("does not count a refused attempt against the other buckets", async () => {
    const t = start();
    const limiter = new SignInLimiter(db, { perKey: 1, shared: 3, windowMs: MINUTE });
    expect((await limiter.attempt("a@example.org", null, t)).allowed).toBe(true);
    for (let i = 1; i < 10; i++) expect((await limiter.attempt("a@example.org", null, t + i)).allowed).toBe(false);
    expect((await limiter.attempt("b@example.org", null, t + 10)).allowed).toBe(true);
    expect((await limiter.attempt("c@example.org", null, t + 11)).allowed).toBe(true);
    expect(await limiter.attempt("d@example.org", null, t + 12)).toMatchObject({ allowed: false, reason: "shared" });
  });

  it("counts an account's attempts on one instance against it on another", async () => {
    const t = start();
    const a = new SignInLimiter(db, limits);
    const b = new SignInLimiter(otherInstance, limits);
    for (let i = 0; i < 5; i++) expect((await (i % 2 ? b : a).attempt("shared@example.org", `203.0.113.${i}`, t + i)).allowed).toBe(true);
    expect(await b.attempt("shared@example.org", "198.51.100.7", t + 10)).toMatchObject({ allowed: false, reason: "account" });
  });

  it("treats the email as better-auth does: trimmed and in lower case", () => {
    expect(accountKey("  Editor@Example.ORG ")).toBe("editor@example.org");
    expect(accountKey(42)).toBeNull();
    expect(accountKey("")).toBeNull();
    expect(accountKey("x".repeat(400))).toBeNull();
  });
});

describe("the client address", () => {
  const headers = (xff: string) => new Headers({ "x-forwarded-for": xff });

  it("is never read from X-Forwarded-For unless TRUST_PROXY is on", () => {
    expect(clientAddress(headers("203.0.113.9"), 0)).toBeNull();
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.9" }), 1)).toBeNull();
  });

  it("is the right-most hop the trusted proxies appended, whatever the client put before it", () => {
    expect(clientAddress(headers("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.1.1.1, 2.2.2.2, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers("1.1.1.1, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("is unknown when the chain is shorter than the proxies or the hop is not an address", () => {
    expect(clientAddress(headers("203.0.113.9"), 2)).toBeNull();
    expect(clientAddress(headers(""), 1)).toBeNull();
    expect(clientAddress(headers("1.1.1.1, not-an-ip"), 1)).toBeNull();
  });

  it("groups an IPv6 client by its /64 and unwraps IPv4-mapped addresses", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
  });
});
