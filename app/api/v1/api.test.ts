// The read API against its own OpenAPI document: the document validates, and every documented
// endpoint answers with a body its schema accepts, published data only.
import { validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ONE_BENCHMARK_PATH, ONE_RELEASE_PATH } from "@/lib/api/openapi";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/api-test-${process.pid}-${Date.now()}.db`;
});

const routes: Record<string, () => Promise<{ GET: (request: Request) => Response | Promise<Response> }>> = {
  tracks: () => import("./tracks/route"),
  rounds: () => import("./rounds/route"),
  statements: () => import("./statements/route"),
  benchmarks: () => import("./benchmarks/route"),
  people: () => import("./people/route"),
  laws: () => import("./laws/route"),
  scores: () => import("./scores/route"),
  summary: () => import("./summary/route"),
  releases: () => import("./releases/route"),
};

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  const sqlite = getDb().$client;
  sqlite.prepare("UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'").run();
  sqlite.prepare("UPDATE benchmarks SET confidential = 1 WHERE slug = 'release-gui-minhai'").run();
});

async function call(name: string, query = "", headers: HeadersInit = {}) {
  const { GET } = await routes[name]!();
  return GET(new Request(`http://localhost/api/v1/${name}${query}`, { headers }));
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document listing every endpoint", async () => {
    const { GET } = await import("./openapi.json/route");
    const document = await GET().json();
    const result = await validate(structuredClone(document));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([...Object.values(ENDPOINTS).map((e) => e.path), ONE_BENCHMARK_PATH, ONE_RELEASE_PATH].sort());
  });
});

describe.each(Object.entries(ENDPOINTS))("GET %s", (name, endpoint) => {
  it("answers its example as documented, with caching headers", async () => {
    const response = await call(name, endpoint.example);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("etag")).toBeTruthy();
    const body = await response.json();
    expect(() => endpoint.response.parse(body)).not.toThrow();
    const text = JSON.stringify(body);
    for (const hidden of ["zhu-yufu", "Zhu Yufu", "release-gui-minhai", "Release Gui Minhai", "@example.org", "password"]) expect(text).not.toContain(hidden);
  });

  it("refuses an unknown parameter with a 400 that names it", async () => {
    const response = await call(name, `${endpoint.example ? `${endpoint.example}&` : "?"}bogus=1`);
    expect(response.status).toBe(400);
    expect((await response.json()).problems.join(" ")).toContain("bogus");
  });
});

describe("read API behaviour", () => {
  it("pages through lists with a total", async () => {
    const first = await (await call("benchmarks", "?pageSize=10&page=1")).json();
    const second = await (await call("benchmarks", "?pageSize=10&page=2")).json();
    expect(first.data).toHaveLength(10);
    expect(first.total).toBe(second.total);
    expect(first.data[0].slug).not.toBe(second.data[0].slug);
    expect((await call("benchmarks", "?page=99")).status).toBe(400);
    expect((await call("benchmarks", "?pageSize=5000")).status).toBe(400);
  });

  it("filters like the dashboard and names the filters and the data version", async () => {
    const body = await (await call("scores", "?track=upr&category=legal-reform")).json();
    expect(body.filters).toEqual({ track: "upr", category: "legal-reform" });
    expect(body.dataVersion).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.data.every((s: { round: string }) => s.round === "upr-china-2018")).toBe(true);
    expect(body.total).toBe(body.data.length);
  });

  it("gives per-round figures with the denominator", async () => {
    const body = await (await call("summary")).json();
    expect(body.rounds).toHaveLength(7);
    expect(body.denominator).toContain("judged");
    const upr = body.rounds.at(-1);
    expect(upr.index).toBeCloseTo((100 * (upr.tally.met + 0.5 * upr.tally.partial)) / upr.judged, 10);
  });

  it("says where each benchmark is assessed, and counts a dialogue-only one at no Council session", async () => {
    const all = await (await call("benchmarks", "?pageSize=100")).json();
    const scopeOf = (slug: string) => all.data.find((b: { slug: string }) => b.slug === slug)?.assessedAt;
    expect(scopeOf("dialogue-held-regularly")).toEqual(["us-china-dialogue"]);
    expect(scopeOf("release-liu-xia")).toEqual([]);
    const scores = await (await call("scores", "?pageSize=500")).json();
    const rounds = scores.data.filter((s: { benchmark: string }) => s.benchmark === "dialogue-held-regularly").map((s: { round: string }) => s.round);
    expect(rounds).toEqual(["uschrd-2015-washington"]);
    const summary = await (await call("summary", "?track=un-hrc")).json();
    const total = await (await call("benchmarks", "?pageSize=100")).json();
    expect(summary.rounds.at(-1).applicable).toBeLessThan(total.total);
  });

  it("answers 304 to a client that already has the current answer", async () => {
    const first = await call("tracks");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await call("tracks", "", { "if-none-match": etag })).status).toBe(304);
  });

  it("finds people by Chinese name and includes their dated events", async () => {
    const body = await (await call("people", `?q=${encodeURIComponent("刘霞")}`)).json();
    expect(body.data.map((p: { slug: string }) => p.slug)).toEqual(["liu-xia"]);
    expect(body.data[0].events.length).toBeGreaterThan(0);
  });
});
