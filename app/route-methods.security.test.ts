// OPTIONS and Allow tell the truth on every route handler: each method they name is then accepted,
// and each method they leave out answers 405 with the same Allow. Where a route exports no OPTIONS,
// Next answers it with every method the file exports, so that list is what is checked; a method with
// no handler gets Next's bare 405, which names nothing, so every method needs one.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { isRouteHandlerPath } from "@/server/security/request-limits";

vi.hoisted(() => {
  Object.assign(process.env, {
    DATABASE_PATH: `${process.env.TMPDIR ?? "/tmp"}/route-methods-test-${process.pid}-${Date.now()}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
  });
});

// Handlers that read the session see a request without cookies.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request) => Response | Promise<Response>;

/** Every app/**\/route.ts(x), with the URL path it answers ([…] segments filled in). */
function routeFiles(dir = path.resolve("app")): Array<{ file: string; urlPath: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (!/^route\.tsx?$/.test(entry.name)) return [];
    const urlPath = path
      .relative(path.resolve("app"), dir)
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => (segment.startsWith("[") ? "x" : segment))
      .join("/");
    return [{ file: full, urlPath: `/${urlPath}` }];
  });
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
});

describe("every route handler", () => {
  const routes = routeFiles();

  it("lives where the proxy expects route handlers, so it answers its own methods", () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const { file, urlPath } of routes) expect(isRouteHandlerPath(`${urlPath}/`), file).toBe(true);
  });

  it.each(routes.map((r) => [r.urlPath, r.file]))("%s: OPTIONS names exactly the methods then accepted", async (urlPath, file) => {
    const route = (await import(file)) as Partial<Record<(typeof METHODS)[number] | "OPTIONS", Handler>>;
    const url = `http://localhost:3000${urlPath}`;
    let allowed: string[];
    if (route.OPTIONS) {
      const options = await route.OPTIONS(new Request(url, { method: "OPTIONS" }));
      if (options.status === 404) return; // Not an endpoint (the /api catch-all): every method is a 404 too.
      expect(options.status).toBe(204);
      allowed = options.headers.get("allow")!.split(", ");
    } else {
      const exported = METHODS.filter((m) => route[m]);
      allowed = [...exported, ...(route.GET && !route.HEAD ? ["HEAD"] : []), "OPTIONS"];
    }
    for (const method of METHODS) {
      // GET and HEAD are what these routes are for; their answers are tested with each endpoint.
      if (allowed.includes(method) && (method === "GET" || method === "HEAD")) continue;
      // As Next does: HEAD falls back to GET.
      const handler = route[method] ?? (method === "HEAD" ? route.GET : undefined);
      const request = () =>
        new Request(url, { method, headers: { "content-type": "application/json", origin: "http://localhost:3000" }, body: method === "GET" || method === "HEAD" ? undefined : "{}" });
      if (allowed.includes(method)) {
        expect(handler, `${method} is allowed but not handled`).toBeDefined();
        expect((await handler!(request())).status, `${method} ${urlPath}`).not.toBe(405);
      } else {
        expect(handler, `${method} ${urlPath} gets Next's bare 405, which names no method`).toBeDefined();
        const response = await handler!(request());
        expect(response.status, `${method} ${urlPath}`).toBe(405);
        expect(response.headers.get("allow")?.split(", ").sort(), `${method} ${urlPath}`).toEqual([...allowed].sort());
      }
    }
  });
});
