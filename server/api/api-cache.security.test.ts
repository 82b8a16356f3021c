// What the read API keeps in Next's cache, and what it tells browsers. A query a client can vary
// without end (a search term, a slug naming nothing, a page past the last) is answered without being
// kept, so a crawler cannot fill the cache and push out what readers ask for; browsers check back
// with the ETag each time, so an answer never outlives a change (an item made confidential, say).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/api-cache-test-${process.pid}-${Date.now()}/scorecard.db`;
  process.env.SCORECARD_PUBLIC_CACHE = "on";
});

const kept = vi.hoisted(() => new Map<string, unknown>());
vi.mock("next/cache", () => ({
  unstable_cache: (compute: () => Promise<unknown>, parts: string[]) => async () => {
    const key = JSON.stringify(parts);
    if (!kept.has(key)) kept.set(key, await compute());
    return kept.get(key);
  },
  updateTag: () => undefined,
}));

let handleApi: typeof import("./handlers").handleApi;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  ({ handleApi } = await import("./handlers"));
});

beforeEach(() => {
  kept.clear();
  // cachedByPublishedData only caches inside a Next server.
  process.env.NEXT_RUNTIME = "nodejs";
  return () => void delete process.env.NEXT_RUNTIME;
});

const get = (name: Parameters<typeof handleApi>[0], query: string, headers: HeadersInit = {}) => handleApi(name, new Request(`http://localhost/api/v1/${name}${query}`, { headers }));

describe("the read API's cache", () => {
  it("keeps one answer per query, in any parameter order", async () => {
    for (const query of ["?track=un-hrc&category=legal-reform", "?category=legal-reform&track=un-hrc", "?category=legal-reform&track=un-hrc&page=1&pageSize=100"]) {
      expect((await get("benchmarks", query)).status, query).toBe(200);
    }
    expect(kept.size).toBe(1);
  });

  it("keeps the English and the Chinese answers apart", async () => {
    const en = await (await get("benchmarks", "?category=legal-reform")).json();
    const zh = await (await get("benchmarks", "?category=legal-reform&lang=zh")).json();
    expect(kept.size).toBe(2);
    expect(en.data[0]).not.toHaveProperty("titleZh");
    expect(zh.data[0]).toHaveProperty("titleZh");
    expect((await (await get("benchmarks", "?lang=en&category=legal-reform")).json()).data[0]).not.toHaveProperty("titleZh");
    expect(kept.size).toBe(2);
  });

  it("keeps nothing for a filter naming nothing, or for a search term", async () => {
    for (const query of ["?track=made-up-1", "?track=made-up-2", "?subject=made-up-3&category=legal-reform"]) {
      expect((await get("benchmarks", query)).status, query).toBe(200);
      expect((await get("scores", query)).status, query).toBe(200);
      expect((await get("summary", query)).status, query).toBe(200);
    }
    for (const q of ["liu", "xyz-1", "xyz-2"]) expect((await get("people", `?q=${q}`)).status).toBe(200);
    expect([...kept.keys()]).toEqual([]);
  });

  it("never computes or keeps a page past the last one", async () => {
    for (const page of [999, 1000, 1001]) {
      const response = await get("benchmarks", `?pageSize=5&page=${page}`);
      expect(response.status).toBe(400);
      expect((await response.json()).problems.join(" ")).toMatch(/there are only \d+ pages/);
    }
    expect([...kept.keys()].filter((k) => /"page":(999|1000|1001)/.test(k))).toEqual([]);
    expect(kept.size).toBe(1);
  });
});

describe("the read API's answers", () => {
  it("tell browsers to check back each time and shared caches to keep them a minute at most (validators: proxy.ts)", async () => {
    const response = await get("summary", "");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  });
});
