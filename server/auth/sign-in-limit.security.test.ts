import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";
import { accountKey, SignInLimiter, SlidingWindow } from "./sign-in-limit";

const MINUTE = 60_000;

describe("a sliding window", () => {
  it("allows max events in any window and says how long to wait", () => {
    const window = new SlidingWindow(3, MINUTE);
    for (const t of [0, 10_000, 20_000]) {
      expect(window.wait("k", t)).toBe(0);
      window.record("k", t);
    }
    expect(window.wait("k", 30_000)).toBe(30);
    expect(window.wait("other", 30_000)).toBe(0);
    // The first event leaves the window at 60 s: one more is allowed, not three (no reset at a boundary).
    expect(window.wait("k", 60_000)).toBe(0);
    window.record("k", 60_000);
    expect(window.wait("k", 60_001)).toBe(10);
  });

  it("stays bounded when an attacker invents keys", () => {
    const window = new SlidingWindow(1, MINUTE, 100);
    for (let i = 0; i < 1000; i++) window.record(`key-${i}`, i);
    expect((window as unknown as { events: Map<string, number[]> }).events.size).toBeLessThanOrEqual(100);
  });
});

describe("the sign-in limiter", () => {
  const limits = { perKey: 5, shared: 12, windowMs: MINUTE };

  it("limits one account however many clients try it", () => {
    const limiter = new SignInLimiter(limits);
    for (let i = 0; i < 5; i++) expect(limiter.attempt("editor@example.org", `203.0.113.${i}`, i).allowed).toBe(true);
    expect(limiter.attempt("editor@example.org", "198.51.100.1", 10)).toEqual({ allowed: false, retryAfterSeconds: 60, reason: "account" });
    expect(limiter.attempt("someone-else@example.org", "198.51.100.1", 10).allowed).toBe(true);
  });

  it("puts every client of unknown address in one shared bucket, so inventing accounts buys nothing either", () => {
    const limiter = new SignInLimiter(limits);
    const results = Array.from({ length: 20 }, (_, i) => limiter.attempt(`user-${i}@example.org`, null, i).allowed);
    expect(results.filter(Boolean)).toHaveLength(12);
    expect(results.slice(12).every((r) => !r)).toBe(true);
  });

  it("gives each known client address its own bucket", () => {
    const limiter = new SignInLimiter(limits);
    const a = Array.from({ length: 7 }, (_, i) => limiter.attempt(`a-${i}@example.org`, "203.0.113.1", i).allowed);
    expect(a).toEqual([true, true, true, true, true, false, false]);
    expect(limiter.attempt("b@example.org", "203.0.113.2", 10).allowed).toBe(true);
  });

  it("does not count a refused attempt against the other buckets", () => {
    const limiter = new SignInLimiter({ perKey: 1, shared: 3, windowMs: MINUTE });
    expect(limiter.attempt("a@example.org", null, 0).allowed).toBe(true);
    for (let i = 1; i < 10; i++) expect(limiter.attempt("a@example.org", null, i).allowed).toBe(false);
    expect(limiter.attempt("b@example.org", null, 10).allowed).toBe(true);
    expect(limiter.attempt("c@example.org", null, 11).allowed).toBe(true);
    expect(limiter.attempt("d@example.org", null, 12)).toMatchObject({ allowed: false, reason: "shared" });
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
