// HTTP caching of public answers, for browsers and shared caches (a CDN, nginx): which paths are public,
// how long a shared cache may keep them, and the validators that let any cache ask again cheaply.
// proxy.ts applies it to every request before Next renders anything, and answers 304 itself, so a
// revalidation costs one read of the published data's key and no rendering.
// No framework imports: proxy.ts, route handlers and tests use it alike.
import { createHash } from "node:crypto";
import { readEnv } from "@/lib/env";

/** Signed-in pages and everything that varies by user: no cache may keep them, not even the browser's. */
export const PRIVATE_NO_STORE = "private, no-store";

const YEAR_SECONDS = 31_536_000;

/** A locale segment in front of a public page (/zh/rounds/…) names the same kind of page. */
const LOCALE_PREFIX = /^\/(?:zh|en)(?=\/|$)/;

/** The public pages: the dashboard, round scorecards and print views, benchmarks, people, laws, statements, method, releases, API page, embeds. */
const PUBLIC_PAGE = /^\/(?:|rounds\/[^/]+(?:\/print)?|benchmarks\/[^/]+|people(?:\/[^/]+)?|laws(?:\/[^/]+)?|statements(?:\/[^/]+)?|method|releases(?:\/[^/]+)?|api|embed\/[^/]+)$/;

/**
 * Public route handlers: the read API (not the reviewers' assessments endpoint), the exports, the feeds and
 * each release's data package. A package is built with today's withheld names, so it gets the short shared
 * lifetime like the rest, never a year: a name withheld after the release must leave the caches too.
 */
const PUBLIC_ROUTE = /^\/(?:api\/v1\/(?!assessments(?:\/|$))[^]+|exports\/[^/]+|feeds\/[^]+|releases\/[^/]+\/datapackage\.zip)$/;

export type PathKind = "page" | "route" | "private";

/** What kind of answer a GET of this path gets; anything not known to be public is private. */
export function cacheKindOf(pathname: string): PathKind {
  const path = pathname.replace(LOCALE_PREFIX, "") || "/";
  const trimmed = path.length > 1 ? path.replace(/\/$/, "") : path;
  if (PUBLIC_PAGE.test(trimmed)) return "page";
  if (PUBLIC_ROUTE.test(trimmed)) return "route";
  return "private";
}

/**
 * The public addresses whose answer ?release=N pins to one release: the dashboard, a round's scorecard,
 * a benchmark's page, and the API's summary and scores. Every other address ignores the parameter and
 * answers the current data, which may change, so only these are ever immutable.
 */
const RELEASE_PINNABLE = /^\/(?:|rounds\/[^/]+|benchmarks\/[^/]+|api\/v1\/(?:summary|scores))$/;

export function honoursRelease(pathname: string): boolean {
  const path = pathname.replace(LOCALE_PREFIX, "") || "/";
  return RELEASE_PINNABLE.test(path.length > 1 ? path.replace(/\/$/, "") : path);
}

/** Request headers a page's answer varies by besides its address: Next answers client navigations with its RSC payload. */
export const PAGE_VARY_HEADERS = ["RSC", "Next-Router-State-Tree", "Next-Router-Prefetch", "Next-Router-Segment-Prefetch"] as const;

/**
 * The Cache-Control of a public answer. Current data: browsers ask again each time (max-age=0, cheap with
 * the validators); a shared cache keeps it for `sharedSeconds` (SCORECARD_SHARED_CACHE_SECONDS, 60 by
 * default), so a publication shows behind it within that time, and may serve it that long again while it
 * fetches the new one in the background, so the origin is rarely asked. `pinned`: an address that names
 * one release, whose answer never changes: a year, immutable.
 */
export function publicCacheControl(options: { pinned?: boolean; sharedSeconds: number }): string {
  if (options.pinned) return `public, max-age=${YEAR_SECONDS}, immutable`;
  return `public, max-age=0, s-maxage=${options.sharedSeconds}, stale-while-revalidate=${options.sharedSeconds}`;
}

/** Cache-Control and Vary for a public answer of this kind ("page" or "route"). */
export function publicCacheHeaders(kind: Exclude<PathKind, "private">, options: { pinned?: boolean; sharedSeconds: number }): Record<string, string> {
  return {
    "Cache-Control": publicCacheControl(options),
    Vary: kind === "page" ? [...PAGE_VARY_HEADERS, "Accept-Encoding"].join(", ") : "Accept-Encoding",
  };
}

let configuredSeconds: number | undefined;

/** SCORECARD_SHARED_CACHE_SECONDS, read once. */
export function sharedCacheSeconds(): number {
  return (configuredSeconds ??= readEnv().SCORECARD_SHARED_CACHE_SECONDS);
}

/** The headers a public route handler sends with its answer (the proxy adds the validators). */
export function publicRouteCacheHeaders(options: { pinned?: boolean } = {}): Record<string, string> {
  return publicCacheHeaders("route", { ...options, sharedSeconds: sharedCacheSeconds() });
}

export interface Validators {
  etag: string;
  lastModified: string;
}

/**
 * The validators of a public answer: a weak ETag (the same answer may be sent compressed or not) that
 * hashes the published data's key — database id and data version — with everything else the answer
 * varies by (`variant`: path, query, the RSC headers), so it changes whenever the published data does;
 * the key itself never reaches a reader. Last-Modified is when this server first answered with that key.
 */
export function publicValidators(key: string, variant: string, firstSeen: Date): Validators {
  const hash = createHash("sha256").update(key).update("\n").update(variant).digest("base64url").slice(0, 27);
  return { etag: `W/"${hash}"`, lastModified: firstSeen.toUTCString() };
}

/** What of a request a page's answer depends on besides the published data. */
export function requestVariant(pathname: string, search: string, headers: Headers, kind: PathKind): string {
  const parts = [pathname, search];
  if (kind === "page") for (const name of PAGE_VARY_HEADERS) parts.push(headers.get(name) ?? "");
  return parts.join("\n");
}

/**
 * Whether a conditional GET or HEAD may be answered 304, as RFC 9110 §13.2.2 orders it: If-None-Match
 * (weak comparison, a list or *) when sent, otherwise If-Modified-Since against Last-Modified.
 */
export function isNotModified(headers: Headers, validators: Validators): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const ours = validators.etag.replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => {
      const value = tag.trim();
      return value === "*" || value.replace(/^W\//, "") === ours;
    });
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Date.parse(validators.lastModified) <= since;
}

let seen: { key: string; at: Date } | undefined;

/**
 * When this process first saw the published data's key, to the second as HTTP dates go, and always a
 * second later than the key before it: an answer sent just before a change never matches the next one.
 */
export function firstSeen(key: string, now: () => Date = () => new Date()): Date {
  if (seen?.key !== key) {
    const at = now();
    at.setUTCMilliseconds(0);
    if (seen && at.getTime() <= seen.at.getTime()) at.setTime(seen.at.getTime() + 1000);
    seen = { key, at };
  }
  return seen.at;
}
