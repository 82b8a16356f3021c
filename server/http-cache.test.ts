// The caching headers proxy.ts gives every answer, called as Next calls it: public pages, embeds, the
// read API, exports and feeds are cacheable by a shared cache for a minute with validators tied to the
// published data, and a matching conditional request is answered 304 before anything renders; signed-in
// pages, actions, sign-in and anything user-specific are private, no-store.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cacheKindOf, firstSeen, honoursRelease, isNotModified, publicCacheControl, publicCacheHeaders, publicValidators } from "./http-cache";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/http-cache-test-${process.pid}-${Date.now()}.db`;
});

const ORIGIN = "http://127.0.0.1:3000";
const PUBLIC_CACHE = "public, max-age=0, s-maxage=60, stale-while-revalidate=60";

const PUBLIC_PATHS = [
  "/",
  "/?track=un-hrc",
  "/rounds/hrc-37",
  "/rounds/hrc-37/print",
  "/benchmarks/end-rsdl",
  "/releases",
  "/releases/1",
  "/zh/releases/1",
  "/releases/1/datapackage.zip",
  "/people",
  "/people/gao-yu",
  "/laws",
  "/laws/rsdl",
  "/statements",
  "/statements/some-statement",
  "/method",
  "/api",
  "/embed/fulfilment",
  "/api/v1/summary",
  "/api/v1/scores?round=hrc-37",
  "/exports/scores.csv",
  "/exports/scorecard.pdf?round=hrc-37",
  "/feeds/changes.atom",
  "/feeds/rounds/hrc-37.atom",
  "/zh/rounds/hrc-37",
];

const PRIVATE_PATHS = ["/review", "/editor", "/editor/rounds/hrc-37", "/account", "/account/two-factor", "/sign-in", "/sign-in/two-factor", "/reset-password", "/api/auth/get-session", "/api/workspace/can-edit", "/api/v1/assessments", "/published/dashboard/-"];

let proxy: typeof import("@/proxy").proxy;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  proxy = (await import("@/proxy")).proxy;
});

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => proxy(new NextRequest(`${ORIGIN}${path}`, { method, headers: { host: "127.0.0.1:3000", ...headers } }));

describe("which answers are public", () => {
  it.each(PUBLIC_PATHS)("%s is public", (path) => {
    expect(cacheKindOf(new URL(path, ORIGIN).pathname)).not.toBe("private");
  });
  it.each([...PRIVATE_PATHS, "/rounds", "/rounds/a/b/c", "/releases/1/x", "/feeds", "/embed", "/something-else"])("%s is private", (path) => {
    expect(cacheKindOf(path)).toBe("private");
  });
});

describe("the proxy's caching headers", () => {
  it.each(PUBLIC_PATHS)("%s: a minute in shared caches, validators, and 304 to a client that has it", async (path) => {
    const response = await get(path);
    expect(response.status).not.toBe(304);
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE);
    expect(response.headers.get("vary")).toContain("Accept-Encoding");
    const etag = response.headers.get("etag")!;
    const lastModified = response.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

    const conditionals: Array<Record<string, string>> = [{ "if-none-match": etag }, { "if-none-match": `"other", ${etag}` }, { "if-modified-since": lastModified }];
    for (const conditional of conditionals) {
      const again = await get(path, conditional);
      expect(again.status, JSON.stringify(conditional)).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe(PUBLIC_CACHE);
    }
    expect((await get(path, { "if-none-match": '"other"' })).status).not.toBe(304);
    // If-None-Match wins over If-Modified-Since (RFC 9110): a stale tag is not rescued by a date.
    expect((await get(path, { "if-none-match": '"other"', "if-modified-since": lastModified })).status).not.toBe(304);
    expect((await get(path, { "if-modified-since": new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).not.toBe(304);
  });

  it("a page's HTML and its RSC payload have different validators, and both vary by the RSC headers", async () => {
    const html = await get("/rounds/hrc-37");
    const rsc = await get("/rounds/hrc-37", { rsc: "1" });
    expect(html.headers.get("etag")).not.toBe(rsc.headers.get("etag"));
    expect(html.headers.get("vary")).toBe("RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding");
    expect((await get("/rounds/hrc-37", { rsc: "1", "if-none-match": html.headers.get("etag")! })).status).not.toBe(304);
  });

  it("the validators change when the published data does, so a cache never revalidates a stale copy", async () => {
    const before = await get("/benchmarks/end-rsdl");
    const { getDb } = await import("@/db/client");
    getDb().$client.prepare("UPDATE benchmarks SET title = title || ' (corrected)' WHERE slug = 'end-rsdl'").run();
    const after = await get("/benchmarks/end-rsdl", { "if-none-match": before.headers.get("etag")!, "if-modified-since": before.headers.get("last-modified")! });
    expect(after.status).not.toBe(304);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(before.headers.get("last-modified")!));
  });

  it.each(PRIVATE_PATHS)("%s: private, no-store, no validators, never 304", async (path) => {
    const response = await get(path, { "if-none-match": "*" });
    expect(response.status).not.toBe(304);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("a server action or form post to a public page is private, no-store", async () => {
    const response = await get("/rounds/hrc-37", { "next-action": "7f00000000000000000000000000000000000000aa", origin: ORIGIN, "content-type": "text/plain;charset=UTF-8", "content-length": "0" }, "POST");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a refused request is private, no-store", async () => {
    const response = await get("/rounds/hrc-37", {}, "DELETE");
    expect(response.status).toBe(405);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("the dashboard's validators follow its filters in one spelling; a view whose filters name nothing is kept by no cache", async () => {
    const etag = (await get("/?track=un-hrc&category=legal-reform")).headers.get("etag");
    for (const path of ["/?category=legal-reform&track=un-hrc", "/?track=un-hrc&category=legal-reform&x=1", "/?track=un-hrc&category=legal-reform&track=upr"]) {
      expect((await get(path)).headers.get("etag"), path).toBe(etag);
    }
    expect((await get("/?track=upr")).headers.get("etag")).not.toBe(etag);
    const madeUp = await get("/?track=made-up-track", { "if-none-match": "*" });
    expect(madeUp.status).not.toBe(304);
    expect(madeUp.headers.get("cache-control")).toBe("no-store");
    expect(madeUp.headers.get("etag")).toBeNull();
  });

  it("the key itself never reaches a reader", async () => {
    const { currentPublishedKey } = await import("@/server/published-cache");
    const response = await get("/");
    // x-middleware-* are Next's instructions to itself (the rewrite's request headers), never sent on.
    const headers = JSON.stringify([...response.headers].filter(([name]) => !name.startsWith("x-middleware-")));
    for (const part of (await currentPublishedKey()).split(".")) expect(headers).not.toContain(part);
  });
});

describe("the helpers", () => {
  it("only the addresses that honour ?release=N can be pinned: the others answer the current data", () => {
    for (const path of ["/", "/zh", "/rounds/hrc-37", "/zh/rounds/hrc-37", "/benchmarks/end-rsdl", "/api/v1/summary", "/api/v1/scores"]) expect(honoursRelease(path), path).toBe(true);
    for (const path of ["/rounds/hrc-37/print", "/people/liu-xia", "/statements", "/method", "/embed/fulfilment", "/exports/scores.csv", "/feeds/changes.atom", "/api/v1/benchmarks", "/api/v1/releases", "/editor"]) {
      expect(honoursRelease(path), path).toBe(false);
    }
    expect(publicCacheHeaders("page", { pinned: true, sharedSeconds: 60 })["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(publicCacheHeaders("route", { pinned: false, sharedSeconds: 60 })["Cache-Control"]).toBe(PUBLIC_CACHE);
  });

  it("an address pinned to a release is immutable for a year", () => {
    expect(publicCacheControl({ pinned: true, sharedSeconds: 60 })).toBe("public, max-age=31536000, immutable");
    expect(publicCacheControl({ sharedSeconds: 5 })).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=5");
  });

  it("If-None-Match: * matches, a weak or strong form of the tag matches, another does not", () => {
    const v = publicValidators("db.1", "/", new Date("2026-01-01T00:00:00Z"));
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(isNotModified(headers({ "if-none-match": "*" }), v)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": v.etag.slice(2) }), v)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": '"x"' }), v)).toBe(false);
    expect(isNotModified(headers({ "if-modified-since": "not a date" }), v)).toBe(false);
    expect(isNotModified(headers({}), v)).toBe(false);
  });

  it("a new key is always first seen at least a second after the one before", () => {
    const at = new Date("2026-01-01T00:00:00.400Z");
    const a = firstSeen("key-a", () => new Date(at));
    const b = firstSeen("key-b", () => new Date(at));
    expect(b.getTime() - a.getTime()).toBe(1000);
    expect(firstSeen("key-b", () => new Date("2030-01-01"))).toEqual(b);
  });
});
