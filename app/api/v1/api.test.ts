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
  await prepareDatabase(process.env.DATABASE_PATH!);
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
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const body = await response.json();
    expect(() => endpoint.response.parse(body)).not.toThrow();
    const text = JSON.stringify(body);
    for (const hidden of ["zhu-yufu", "Zhu Yufu", "release-gui-minhai", "Release Gui Minhai", "@example.org", "password"]) expect(text).not.toContain(hidden);
  });

  it("answers in Chinese beside the English with lang=zh, as documented, nothing hidden in either language", async () => {
    const response = await call(name, `${endpoint.example ? `${endpoint.example.replace(/[?&]lang=zh/, "")}&` : "?"}lang=zh`.replace("?&", "?"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(() => endpoint.response.parse(body)).not.toThrow();
    const text = JSON.stringify(body);
    for (const hidden of ["zhu-yufu", "Zhu Yufu", "朱虞夫", "release-gui-minhai", "Release Gui Minhai", "释放桂民海", "@example.org", "password"]) expect(text).not.toContain(hidden);
  });

  it("refuses an unknown parameter with a 400 that names it", async () => {
    const response = await call(name, `${endpoint.example ? `${endpoint.example}&` : "?"}bogus=1`);
    expect(response.status).toBe(400);
    expect((await response.json()).problems.join(" ")).toContain("bogus");
  });
});

describe("the read API in Chinese", () => {
  it("gives each benchmark its Chinese title and each demand its Chinese wording (null where none) beside the English", async () => {
    const zh = await (await call("benchmarks", "?lang=zh&pageSize=500")).json();
    const liuXia = zh.data.find((b: { slug: string }) => b.slug === "release-liu-xia");
    expect(liuXia).toMatchObject({ title: "End Liu Xia's house arrest", titleZh: "解除对刘霞的软禁" });
    expect(liuXia.sources[0]).toHaveProperty("demandZh", null);
    const en = await (await call("benchmarks", "?pageSize=500")).json();
    const english = en.data.find((b: { slug: string }) => b.slug === "release-liu-xia");
    expect(english).not.toHaveProperty("titleZh");
    expect(english.sources[0]).not.toHaveProperty("demandZh");
    expect({ ...liuXia, titleZh: undefined, sources: undefined }).toEqual({ ...english, titleZh: undefined, sources: undefined });
  });

  it("gives tracks, rounds and the summary their Chinese names, and scores their rationale's language", async () => {
    const tracks = await (await call("tracks", "?lang=zh")).json();
    expect(tracks.data.find((t: { slug: string }) => t.slug === "upr")).toMatchObject({ name: "Universal Periodic Review", nameZh: "普遍定期审议", shortNameZh: "普审" });
    const rounds = await (await call("rounds", "?lang=zh&track=un-hrc")).json();
    expect(rounds.data.find((r: { slug: string }) => r.slug === "hrc-37")).toMatchObject({ nameZh: "人权理事会第37届会议" });
    const summary = await (await call("summary", "?lang=zh")).json();
    expect(summary.rounds.find((r: { round: string }) => r.round === "hrc-37")).toMatchObject({ nameZh: "人权理事会第37届会议" });
    const scores = await (await call("scores", "?lang=zh&pageSize=5")).json();
    expect(scores.data[0].rationaleLang).toBe("en");
  });

  it("answers one benchmark in Chinese at its own address, and 404 alike for a confidential one", async () => {
    const { GET } = await import("./benchmarks/[slug]/route");
    const one = (slug: string, query: string) => GET(new Request(`http://localhost/api/v1/benchmarks/${slug}${query}`), { params: Promise.resolve({ slug }) });
    expect((await (await one("release-liu-xia", "?lang=zh")).json()).data).toMatchObject({ titleZh: "解除对刘霞的软禁" });
    expect((await (await one("release-liu-xia", "")).json()).data).not.toHaveProperty("titleZh");
    const hidden = await one("release-gui-minhai", "?lang=zh");
    const missing = await one("no-such-benchmark", "?lang=zh");
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await missing.text());
    expect((await one("release-liu-xia", "?lang=fr")).status).toBe(400);
  });

  it("refuses a language other than en and zh", async () => {
    const response = await call("benchmarks", "?lang=fr");
    expect(response.status).toBe(400);
    expect((await response.json()).problems.join(" ")).toContain("lang");
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

  // The validators and the 304 come from proxy.ts, before the handler runs: server/http-cache.test.ts.

  it("finds people by Chinese name and includes their dated events", async () => {
    const body = await (await call("people", `?q=${encodeURIComponent("刘霞")}`)).json();
    expect(body.data.map((p: { slug: string }) => p.slug)).toEqual(["liu-xia"]);
    expect(body.data[0].events.length).toBeGreaterThan(0);
  });
});
