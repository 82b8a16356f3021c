import "server-only";
import { z } from "zod";
import { publicRouteCacheHeaders } from "@/server/http-cache";

/**
 * JSON with the caching of every public answer (server/http-cache.ts): a shared cache may keep it for
 * SCORECARD_SHARED_CACHE_SECONDS, a browser must ask again each time. The validators tied to the
 * published data, and the 304 for a client that has the current answer, come from proxy.ts.
 */
export function jsonResponse(_request: Request, body: unknown, options: { pinned?: boolean } = {}): Response {
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    ...publicRouteCacheHeaders(options),
    "Access-Control-Allow-Origin": "*",
  };
  return new Response(JSON.stringify(body), { headers });
}

export function badRequest(problems: string[]): Response {
  return Response.json({ error: "Bad request: nothing was answered.", problems }, { status: 400, headers: { "Cache-Control": "no-store" } });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Validates the query string against the endpoint's schema; unknown parameters are refused, not ignored. */
export function parseQuery<S extends z.ZodObject>(request: Request, schema: S): Parsed<z.output<S>> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // hasOwn, not `in`: ?constructor=1 or ?__proto__=1 name no parameter either.
  const unknown = Object.keys(params).filter((k) => !Object.hasOwn(schema.shape, k));
  const empty = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(empty);
  const problems = [
    ...unknown.map((k) => `${k}: not a parameter of this endpoint`),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`)),
  ];
  if (problems.length || !parsed.success) return { ok: false, response: badRequest(problems) };
  return { ok: true, value: parsed.data };
}
