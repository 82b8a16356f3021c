import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * JSON with the caching a read API needs: an answer may be kept, but every cache — the browser's and any
 * shared one — must check back before using it (no-cache), cheaply by ETag. Nothing purges a cache when
 * an item is made confidential, so no answer may be used unchecked after a change, not even for a minute.
 */
export function jsonResponse(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-cache",
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
  };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers });
}

/** If-None-Match as RFC 9110 reads it: a list of tags, weak or not, or *. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value.replace(/^W\//, "") === etag;
  });
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
