// The proxy's answer for "/" and for methods and OPTIONS on pages, called as Next calls it. The dashboard
// is served from a cached rendering; where that rendering lives must say nothing about the data (the
// data version rises with every hidden edit, so showing it lets anyone watch for activity), and a
// query string must not be able to file a new cache entry at will.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/published-route-test-${process.pid}-${Date.now()}/scorecard.db`;
  process.env.SCORECARD_PUBLIC_CACHE = "on";
});

const ORIGIN = "http://127.0.0.1:3000";
const KEY_HEADER = "x-scorecard-published-key";
let proxy: (request: NextRequest) => Promise<Response>;
let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  sqlite = (await import("@/db/client")).getDb().$client;
  ({ proxy } = await import("@/proxy"));
});

const get = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } }));
/** The path the proxy rewrote to (Next keeps _rsc on it for RSC requests), or null when it did not. */
const target = (response: Response) => {
  const rewrite = response.headers.get("x-middleware-rewrite");
  return rewrite && new URL(rewrite).pathname;
};
const dataKey = () => {
  const { id, version } = sqlite.prepare("SELECT database_id AS id, version FROM data_version WHERE id = 1").get() as { id: string; version: number };
  return { id, version, key: `${id}.${version}` };
};
/** A public write, and the writer's refresh after it (readers never bring the aggregates up to date). */
const bumpDataVersion = async () => {
  sqlite.prepare("UPDATE data_version SET version = version + 1 WHERE id = 1").run();
  const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
  await refreshPublishedAggregates((await import("@/db/client")).getDb());
};

describe("the dashboard's cached rendering", () => {
  it("is found at an address that names no database id or data version, the same after an edit", async () => {
    const before = await get("/");
    const { id, version, key } = dataKey();
    expect(target(before)).toMatch(/^\/en\/published\/dashboard\/[A-Za-z0-9_-]+$/);
    for (const secret of [id, key, `.${version}`]) expect(before.headers.get("x-middleware-rewrite")).not.toContain(secret);
    await bumpDataVersion();
    const after = await get("/");
    expect(target(after)).toBe(target(before));
    // The data key travels to the page cache inside the server, as a request header the proxy sets.
    expect(after.headers.get(`x-middleware-request-${KEY_HEADER}`)).toBe(dataKey().key);
    expect(after.headers.get("x-middleware-override-headers")).toContain(KEY_HEADER);
  });

  it("ignores a published key a client sends, on any path", async () => {
    const home = await get("/", { headers: { [KEY_HEADER]: "forged.1" } });
    expect(home.headers.get(`x-middleware-request-${KEY_HEADER}`)).toBe(dataKey().key);
    const page = await get("/rounds/hrc-37", { headers: { [KEY_HEADER]: "forged.1" } });
    expect(page.headers.get(`x-middleware-request-${KEY_HEADER}`)).toBeNull();
    expect(page.headers.get("x-middleware-override-headers")!.split(",")).not.toContain(KEY_HEADER);
  });

  it("is not reachable at its own address", async () => {
    expect((await get("/published/dashboard/-")).status).toBe(404);
  });

  it("tells browsers to check back each time and shared caches to keep it a minute, not a year", async () => {
    expect((await get("/")).headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  });
});

describe("the dashboard's cache key", () => {
  it("is the same for any unknown parameter, parameter order, repeated filter or _rsc value", async () => {
    const plain = target(await get("/"));
    for (const path of ["/?x=1", "/?x=2&utm_source=news", "/?_rsc=abc", "/?__proto__=1&constructor=2"]) expect(target(await get(path)), path).toBe(plain);
    const filtered = target(await get("/?track=un-hrc&category=legal-reform"));
    expect(filtered).not.toBe(plain);
    for (const path of ["/?category=legal-reform&track=un-hrc", "/?track=un-hrc&category=legal-reform&x=9", "/?track=un-hrc&category=legal-reform&track=upr"]) {
      expect(target(await get(path)), path).toBe(filtered);
    }
  });

  it("is the same for every malformed value of a filter, which the page reports as ignored", async () => {
    const one = target(await get("/?addressee=martians"));
    expect(one).not.toBe(target(await get("/")));
    expect(target(await get("/?addressee=venusians"))).toBe(one);
    expect(target(await get("/?addressee=" + "x".repeat(5000)))).toBe(one);
  });

  it("is never made for a filter that names nothing: that view is computed for the request and not kept", async () => {
    for (const path of ["/?track=no-such-track", "/?subject=made-up-1", "/?from=made-up-2&category=legal-reform"]) {
      const response = await get(path);
      // The uncached English dashboard, rendered for this request.
      expect(target(response), path).toBe("/en");
    }
  });
});

describe("the dashboard in each language", () => {
  it("is kept once per locale: /zh has its own cached rendering, with the same canonical query", async () => {
    const english = target(await get("/?track=un-hrc&x=1"))!;
    const chinese = target(await get("/zh?x=2&track=un-hrc"))!;
    expect(chinese).toMatch(/^\/zh\/published\/dashboard\/[A-Za-z0-9_-]+$/);
    expect(chinese.replace(/^\/zh/, "")).toBe(english.replace(/^\/en/, ""));
    expect((await get("/zh")).headers.get(`x-middleware-request-${KEY_HEADER}`)).toBe(dataKey().key);
  });

  it("never answers at the internal address, in any language", async () => {
    for (const path of ["/published/dashboard/-", "/zh/published/dashboard/-"]) expect((await get(path)).status, path).toBe(404);
    const english = await get("/en/published/dashboard/-");
    expect(english.status).toBe(308);
    expect(new URL(english.headers.get("location")!).pathname).toBe("/published/dashboard/-");
  });

  it("sends /en/… to the bare English address with its query, and serves other pages under their locale", async () => {
    const redirect = await get("/en/rounds/hrc-37?sort=status");
    expect(redirect.status).toBe(308);
    const location = new URL(redirect.headers.get("location")!);
    expect(location.pathname + location.search).toBe("/rounds/hrc-37?sort=status");
    expect(new URL((await get("/en")).headers.get("location")!).pathname).toBe("/");
    expect(target(await get("/rounds/hrc-37"))).toBe("/en/rounds/hrc-37");
    const chinese = await get("/zh/rounds/hrc-37");
    expect(chinese.headers.get("x-middleware-next")).toBe("1");
    // Route handlers have no locale segment: never rewritten. Embeds have one, inside the server only.
    for (const path of ["/api/v1/summary", "/exports/scores.csv", "/icon.svg"]) expect(target(await get(path)), path).toBeNull();
    expect(target(await get("/embed/fulfilment"))).toBe("/embed/en/fulfilment");
  });

  it("reads no language from the browser: Accept-Language changes nothing", async () => {
    const plain = await get("/rounds/hrc-37");
    const chineseBrowser = await get("/rounds/hrc-37", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(chineseBrowser.status).toBe(plain.status);
    expect(target(chineseBrowser)).toBe(target(plain));
    expect(target(await get("/", { headers: { "accept-language": "zh-CN" } }))).toBe(target(await get("/")));
  });
});

describe("methods on pages", () => {
  it("OPTIONS names the methods a page accepts, and the others get a 405 that names them too", async () => {
    for (const path of ["/", "/rounds/hrc-37", "/editor", "/embed/fulfilment"]) {
      const options = await get(path, { method: "OPTIONS" });
      expect(options.status, path).toBe(204);
      expect(options.headers.get("allow"), path).toBe("GET, HEAD, POST, OPTIONS");
      for (const method of ["PUT", "PATCH", "DELETE"]) {
        const response = await get(path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
      }
    }
  });

  it("route handlers answer their own OPTIONS: the proxy lets them through", async () => {
    for (const path of ["/api/v1/summary", "/api/auth/sign-in/email", "/exports/scores.csv"]) {
      expect((await get(path, { method: "OPTIONS" })).headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
