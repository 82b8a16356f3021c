// Every API route and export called with malformed input, wrong methods and unknown paths: each gets a
// 4xx with a message that says what is wrong, never a 500.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/malformed-test-${process.pid}-${Date.now()}.db`;
});

type Handler = (request: Request) => Response | Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

const API: Record<string, () => Promise<RouteModule>> = {
  tracks: () => import("./v1/tracks/route"),
  rounds: () => import("./v1/rounds/route"),
  statements: () => import("./v1/statements/route"),
  benchmarks: () => import("./v1/benchmarks/route"),
  people: () => import("./v1/people/route"),
  laws: () => import("./v1/laws/route"),
  scores: () => import("./v1/scores/route"),
  summary: () => import("./v1/summary/route"),
  releases: () => import("./v1/releases/route"),
  "openapi.json": () => import("./v1/openapi.json/route"),
};

const EXPORTS: Record<string, () => Promise<RouteModule>> = {
  "scores.csv": () => import("../exports/scores.csv/route"),
  "scores.xlsx": () => import("../exports/scores.xlsx/route"),
  "benchmarks.csv": () => import("../exports/benchmarks.csv/route"),
  "benchmarks.xlsx": () => import("../exports/benchmarks.xlsx/route"),
  "scorecard.pdf": () => import("../exports/scorecard.pdf/route"),
  "scorecard-brief.pdf": () => import("../exports/scorecard-brief.pdf/route"),
};

/** Filter values a client might get wrong, or an attacker might try; the API and every export refuse them. */
const BAD_FILTERS = [
  "?track=%E0%A4%A",
  "?track=<script>alert(1)</script>",
  "?track=../../etc/passwd",
  "?category=" + "a".repeat(5000),
  "?addressee=martians",
  "?subject=%00",
  "?from=Robert');DROP TABLE rounds;--",
];

/** The API also refuses bad paging, over-long searches and parameters it does not have. */
const BAD_API_QUERIES = [...BAD_FILTERS, "?page=abc", "?page=-1", "?page=1e400", "?pageSize=99999999999999999999999", "?page=%", "?q=" + "x".repeat(5000), "?__proto__[x]=1", "?__proto__=1", "?constructor=1", "?bogus=1"];

/** The PDF also refuses a page size or round it does not know. */
const BAD_PDF_QUERIES = [...BAD_FILTERS, "?size=b5", "?round=%00", "?round=nope"];

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
});

async function expectClearRefusal(response: Response, label: string, kind: "json" | "text") {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const text = await response.text();
  if (kind === "json") {
    const body = JSON.parse(text);
    expect(typeof body.error, label).toBe("string");
  }
  expect(text.length, label).toBeGreaterThan(10);
  expect(text, label).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

describe.each(Object.keys(API))("/api/v1/%s", (name) => {
  it("answers malformed query strings with a 400 (or ignores what it does not read), never a 500", async () => {
    const { GET } = await API[name]!();
    for (const query of BAD_API_QUERIES) {
      const response = await GET!(new Request(`http://localhost/api/v1/${name}${query}`));
      // The OpenAPI document takes no parameters and reads none.
      if (name === "openapi.json") expect(response.status, query).toBe(200);
      else await expectClearRefusal(response, query, "json");
    }
  });

  it("answers other methods with a 405 that says it is read-only", async () => {
    const route = await API[name]!();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await route[method]!(new Request(`http://localhost/api/v1/${name}`, { method, body: "{}" }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect((await response.json()).error).toContain("read-only");
    }
  });
});

describe.each(Object.keys(EXPORTS))("/exports/%s", (name) => {
  it("answers malformed filters with a 400 that names them, never a 500", async () => {
    const { GET } = await EXPORTS[name]!();
    for (const query of name.endsWith(".pdf") ? BAD_PDF_QUERIES : BAD_FILTERS) {
      const response = await GET!(new Request(`http://localhost/exports/${name}${query}`));
      await expectClearRefusal(response, query, "text");
    }
  });

  it("answers other methods with a 405", async () => {
    const route = await EXPORTS[name]!();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await route[method]!(new Request(`http://localhost/exports/${name}`, { method }));
      expect(response.status).toBe(405);
      expect(await response.text()).toContain("read-only");
    }
  });
});

describe("/feeds/…", () => {
  it("answers a language it does not have, an over-long or odd ?lang and odd paths with a clear 4xx, never a 500", async () => {
    const { GET } = await import("../feeds/[...path]/route");
    const call = (path: string) => GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ path: new URL(path, "http://localhost").pathname.replace(/^\/feeds\//, "").split("/") }) });
    for (const query of ["?lang=fr", "?lang=" + "z".repeat(5000), "?lang=%00", "?lang=zh%00", "?lang=ZH"]) {
      const response = await call(`/feeds/changes.atom${query}`);
      expect(response.status, query).toBe(400);
      await expectClearRefusal(response, query, "text");
    }
    for (const path of ["/feeds/rounds/" + "a".repeat(5000) + ".atom", "/feeds/rounds/%00.atom", "/feeds/__proto__/x.atom", "/feeds/rounds/..%2F..%2Fetc.atom"]) {
      await expectClearRefusal(await call(path), path.slice(0, 40), "text");
    }
  });

  it("answers other methods with a 405", async () => {
    const route = (await import("../feeds/[...path]/route")) as unknown as RouteModule;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await route[method]!(new Request("http://localhost/feeds/changes.atom?lang=zh", { method }));
      expect(response.status).toBe(405);
    }
  });
});

describe("unknown API paths", () => {
  it("get a JSON 404 that points to the list of endpoints, whatever the method", async () => {
    const route = (await import("./[...path]/route")) as RouteModule;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await route[method]!(new Request("http://localhost/api/v1/nope", { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect((await response.json()).error).toContain("/api/v1/openapi.json");
    }
  });

  it("do not shadow the documented endpoints", () => {
    expect(Object.keys(ENDPOINTS).every((name) => name in API)).toBe(true);
  });
});
