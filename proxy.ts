// Runs before every page, route and server action (not static files): refuses oversized and malformed
// requests with a 4xx that says what is wrong, and adds the security headers that depend on the path or
// on run-time configuration (the baseline ones are in next.config.ts), and every answer's caching headers:
// public GETs a shared-cache lifetime and validators tied to the published data, answered 304 here when the
// client already has the answer; everything else private, no-store (server/http-cache.ts).
// It also serves readers of the dashboard from Next's cache: "/?filters" is rewritten to a page at
// /published/dashboard/<canonical filters>, which the page cache files under the published data's key
// as well (handed over in a request header, so the key never appears in an address a reader sees).
// Rendered once per key and query, then sent from memory; when anything public changes the key changes,
// so no reader ever gets a stale page.
// Pages live under app/[locale]/: a bare address is English and is rewritten to /en/… inside the server,
// /zh/… is Chinese, and /en/… redirects to the bare address. The locale comes from the address only (never
// a cookie or Accept-Language), so every page stays cacheable, the cached dashboard once per locale.
// The exports and embeds have a Chinese address too: /zh/exports/<file>?q is served as /exports/<file>?q with a
// server-set header saying Chinese (a route handler reads the address asked for, not a rewritten query), as
// ?lang=zh would, and an embed as /embed/<locale>/<chart> inside the server (/embed/<chart>?lang=zh too). Each address asked
// for keeps its own validators, and the language is in the address, so no answer varies by a header.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { isPinnedPagePublic } from "@/db/queries/releases";
import { parseReleaseParam } from "@/lib/releases";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { readEnv, servesHttps } from "@/lib/env";
import { cacheKindOf, firstSeen, honoursRelease, isNotModified, PRIVATE_NO_STORE, publicCacheHeaders, publicValidators, requestVariant, sharedCacheSeconds } from "@/server/http-cache";
import { currentPublishedKey, encodeQuery, PUBLISHED_KEY_HEADER, publicCacheEnabled, registerPublishedKeyReader } from "@/server/published-cache";
import { responseSecurityHeaders, type SecurityHeaderOptions } from "@/server/security/headers";
import { bodyLimitFor, crossOriginAction, isRouteHandlerPath, malformedActionBody, malformedPath, PAGE_METHODS, readBodyWithLimit, refusal, tooLargeMessage } from "@/server/security/request-limits";
import { canonicalDashboardQuery, parseDashboardFilters } from "@/lib/validation/dashboard-filters";
import { ACTION_LOCALE_HEADER, DEFAULT_LOCALE, EXPORT_LOCALE_HEADER, isUnlocalizedPath, splitLocale, type Locale } from "@/lib/i18n/locales";

// The production server serves kept public answers while this key is unchanged (scripts/compressed-answers.mjs).
registerPublishedKeyReader();

let headerOptions: SecurityHeaderOptions | undefined;

function options(): SecurityHeaderOptions {
  if (!headerOptions) {
    const env = readEnv();
    headerOptions = { development: process.env.NODE_ENV === "development", https: servesHttps(env), embedAncestors: env.SCORECARD_EMBED_ANCESTORS };
  }
  return headerOptions;
}

function isFormPost(request: NextRequest): boolean {
  const type = request.headers.get("content-type") ?? "";
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
}

/** Headers only this server may set on a request; whatever a client sent under these names is dropped. */
const SERVER_SET_REQUEST_HEADERS = [CLIENT_ADDRESS_HEADER, PUBLISHED_KEY_HEADER, EXPORT_LOCALE_HEADER, ACTION_LOCALE_HEADER];

async function refuse(request: NextRequest, pathname: string): Promise<Response | null> {
  const badPath = malformedPath(pathname);
  if (badPath) return refusal(pathname, 400, badPath);
  // Route handlers answer OPTIONS and other methods themselves; a page takes GET, HEAD and POST (actions).
  if (!isRouteHandlerPath(pathname)) {
    const allow = { Allow: PAGE_METHODS.join(", ") };
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: allow });
    if (!PAGE_METHODS.includes(request.method)) return refusal(pathname, 405, `${request.method} is not accepted here: a page answers ${PAGE_METHODS.join(", ")}.`, allow);
  }
  if (request.method === "GET" || request.method === "HEAD") return null;

  const isAction = request.method === "POST" && request.headers.has("next-action");
  // Pages take POSTs only as server actions (with a Next-Action header, or as a no-JavaScript form post).
  if ((isAction || (request.method === "POST" && isFormPost(request) && !pathname.startsWith("/api/"))) && crossOriginAction(request.headers)) {
    return refusal(pathname, 403, crossOriginAction(request.headers)!);
  }

  const limit = bodyLimitFor(pathname);
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return refusal(pathname, 413, tooLargeMessage(limit));
  // A chunked body has no Content-Length to check: count it. Next keeps its own copy for the route.
  if (isAction || (request.body && !request.headers.has("content-length"))) {
    const read = await readBodyWithLimit(request, limit);
    if (!read.ok) return refusal(pathname, 413, tooLargeMessage(limit));
    if (isAction) {
      const problem = await malformedActionBody(request.headers.get("content-type") ?? "", read.bytes);
      if (problem) return refusal(pathname, 400, problem);
    }
  }
  return null;
}

interface DashboardQuery {
  /** The filters in one spelling (canonicalDashboardQuery): what the dashboard's answer depends on. */
  canonical: string;
  /** Whether a filter names nothing public: such a view is rendered for the request and kept nowhere. */
  unmatched: boolean;
}

/** For a GET or HEAD of the dashboard, its query as the answer depends on it; otherwise null. */
async function dashboardQuery(request: NextRequest, pathname: string): Promise<DashboardQuery | null> {
  if (pathname !== "/" || (request.method !== "GET" && request.method !== "HEAD")) return null;
  // A dashboard pinned to a release is rendered for the request, never from the current figures' cache.
  if (request.nextUrl.searchParams.has("release")) return null;
  const params = Object.fromEntries([...new Set(request.nextUrl.searchParams.keys())].map((key) => [key, request.nextUrl.searchParams.getAll(key)]));
  const unmatched = (await findUnmatchedFilters(getDb(), parseDashboardFilters(params).filters)).length > 0;
  return { canonical: canonicalDashboardQuery(params), unmatched };
}

/**
 * The dashboard's cached rendering (see app/(public)/published), at an address that depends only on the
 * filters: unknown parameters, their order and repeated values make no new entry, and every malformed
 * value of a filter shares one. A view whose filters name nothing public is rendered for the request
 * and not kept (it says what matched nothing, and anyone could invent such names without end).
 */
async function publishedRoute(request: NextRequest, pathname: string, locale: Locale, headers: Headers, dashboard: DashboardQuery | null): Promise<NextResponse | null> {
  if (pathname.startsWith("/published/") || pathname === "/published") return new NextResponse("Not found", { status: 404 });
  if (!dashboard || dashboard.unmatched || !publicCacheEnabled()) return null;
  // The locale is in the path, so the page cache keeps one rendering per locale, query and data key.
  const url = internalUrl(request, `/${locale}/published/dashboard/${encodeQuery(dashboard.canonical)}`);
  const rsc = request.nextUrl.searchParams.get("_rsc");
  url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : "";
  headers.set(PUBLISHED_KEY_HEADER, await currentPublishedKey());
  return NextResponse.rewrite(url, { request: { headers } });
}

/**
 * The caching headers of every answer (server/http-cache.ts): public GETs and HEADs get a shared-cache
 * lifetime and validators from the published data's key, and a matching conditional request is answered
 * 304 here, before anything is rendered; everything else — signed-in pages, actions, sign-in, anything
 * that varies by user — is private, no-store.
 */
async function cacheHeaders(request: NextRequest, path: string, pathname: string, dashboard: DashboardQuery | null): Promise<{ headers: Record<string, string>; notModified: boolean }> {
  const kind = cacheKindOf(path);
  if (kind === "private" || (request.method !== "GET" && request.method !== "HEAD")) return { headers: { "Cache-Control": PRIVATE_NO_STORE }, notModified: false };
  // Invented filter values could fill any cache without end, and cost the origin little: kept by none.
  if (dashboard?.unmatched) return { headers: { "Cache-Control": "no-store" }, notModified: false };
  const key = await currentPublishedKey();
  // The dashboard's answer depends on its filters in one spelling: every spelling shares the validators.
  // The address as asked (with its locale) names the variant: /zh and / are different answers.
  const search = dashboard ? dashboard.canonical : request.nextUrl.search;
  const validators = publicValidators(key, requestVariant(pathname, search, request.headers, kind), firstSeen(key));
  const pinned = await pinnedToRelease(request, path);
  const headers: Record<string, string> = { ...publicCacheHeaders(kind, { sharedSeconds: sharedCacheSeconds(), pinned }), ETag: validators.etag, "Last-Modified": validators.lastModified };
  // A route handler's pinned answer says itself whether it is immutable: its 400s and 404s are not.
  if (pinned && kind === "route") delete headers["Cache-Control"];
  return { headers, notModified: isNotModified(request.headers, validators) };
}

/**
 * Whether the answer is pinned to a release that exists (?release=N on an address that honours it):
 * what it shows never changes, so any cache may keep it for a year. A page pinned to a release that
 * does not exist, or that does not name what it shows, was answered 404 (private) before this.
 */
async function pinnedToRelease(request: NextRequest, path: string): Promise<boolean> {
  if (!request.nextUrl.searchParams.has("release") || !honoursRelease(path)) return false;
  const number = parseReleaseParam(request.nextUrl.searchParams.getAll("release"));
  return !!number && (await isPinnedPagePublic(getDb(), number, {}));
}

/**
 * An address inside this server to rewrite to. (`next dev` gives the proxy "localhost" addresses: started with
 * another --hostname it takes them for another origin and fetches them through the proxy again, hence
 * `npm run dev` listens on localhost.)
 */
function internalUrl(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return url;
}

/** A page's address in its locale: "/en/…" redirects to the bare English address (one address per page). */
function localeRedirect(request: NextRequest, locale: Locale | null, path: string): NextResponse | null {
  if (locale !== DEFAULT_LOCALE || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const url = request.nextUrl.clone();
  url.pathname = path;
  return NextResponse.redirect(url, 308);
}

const PINNED_PAGE = /^(?:\/[a-z]{2})?\/(rounds|benchmarks)\/([^/]+)/;

/**
 * A page pinned to a release (?release=N) answers 404 unless the release exists and what the page
 * names was public in it: checked here because a round's page streams behind a loading boundary,
 * where a notFound() would come too late to change the status. The not-found page renders at
 * /releases/0, which names no release.
 */
async function pinnedReleaseRefusal(request: NextRequest, pathname: string, locale: Locale): Promise<NextResponse | null> {
  if (!request.nextUrl.searchParams.has("release") || isRouteHandlerPath(pathname) || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const number = parseReleaseParam(request.nextUrl.searchParams.getAll("release"));
  const [, kind, slug] = PINNED_PAGE.exec(pathname) ?? [];
  const page = kind === "rounds" ? { round: decodeURIComponent(slug!) } : kind === "benchmarks" ? { benchmark: decodeURIComponent(slug!) } : {};
  if (number && (await isPinnedPagePublic(getDb(), number, page))) return null;
  const url = internalUrl(request, `/${locale}/releases/0`);
  url.search = "";
  return NextResponse.rewrite(url);
}

/** "/zh/exports/scores.csv" → { locale: "zh", path: "/exports/scores.csv" }; null for any other address. */
function localizedRoutePath(pathname: string): { locale: Locale; path: string } | null {
  const match = /^\/zh(\/(?:exports|embed)\/.*)$/.exec(pathname);
  return match ? { locale: "zh", path: match[1]! } : null;
}

/**
 * Where an export or embed is served inside the server, in the locale of its address: an export
 * reads ?lang=, an embed lives under its locale segment (which is not an address of its own).
 */
function localizedRouteUrl(request: NextRequest, locale: Locale | null, path: string): URL | null {
  const embed = /^\/embed\/([^/]+)$/.exec(path);
  if (embed) {
    const url = internalUrl(request, `/embed/${locale ?? (request.nextUrl.searchParams.get("lang") === "zh" ? "zh" : DEFAULT_LOCALE)}/${embed[1]}`);
    url.searchParams.delete("lang");
    return url;
  }
  if (locale && path.startsWith("/exports/")) return internalUrl(request, path);
  // The locale segment itself is no address: /embed/zh/fulfilment, or /embed/a/b, is not found (a locale that is none).
  if (path.startsWith("/embed/")) return internalUrl(request, "/embed/none/none");
  return locale ? internalUrl(request, path) : null;
}

export async function proxy(request: NextRequest) {
  const { pathname } = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of SERVER_SET_REQUEST_HEADERS) headers.delete(name);
  const route = localizedRoutePath(pathname);
  const localized = !route && !isUnlocalizedPath(pathname);
  const { locale, path } = route ?? (localized ? splitLocale(pathname) : { locale: null, path: pathname });
  let response: Response | NextResponse | null =
    (await refuse(request, path)) ?? (localized ? (localeRedirect(request, locale, path) ?? (await pinnedReleaseRefusal(request, path, locale ?? DEFAULT_LOCALE))) : null);
  const dashboard = response || !localized ? null : await dashboardQuery(request, path);
  const caching = response ? null : await cacheHeaders(request, path, pathname, dashboard);
  if (caching?.notModified) response = new NextResponse(null, { status: 304 });
  if (localized) response ??= await publishedRoute(request, path, locale ?? DEFAULT_LOCALE, headers, dashboard);
  if (!response) {
    // Only the auth route may set the trusted client address, and only from what TRUST_PROXY vouches for.
    let requestHeadersChanged = SERVER_SET_REQUEST_HEADERS.some((name) => request.headers.has(name));
    // A server action (a POST to a page) learns its page's language here: it has no [locale] param to read.
    if (localized && request.method === "POST") {
      headers.set(ACTION_LOCALE_HEADER, locale ?? DEFAULT_LOCALE);
      requestHeadersChanged = true;
    }
    const routeUrl = localized ? null : localizedRouteUrl(request, locale, path);
    if (localized && locale === null) {
      // English pages answer at their bare address; inside the server they are the /en/ pages.
      const url = internalUrl(request, `/${DEFAULT_LOCALE}${pathname === "/" ? "" : pathname}`);
      response = requestHeadersChanged ? NextResponse.rewrite(url, { request: { headers } }) : NextResponse.rewrite(url);
    } else if (routeUrl) {
      if (locale && path.startsWith("/exports/")) {
        headers.set(EXPORT_LOCALE_HEADER, locale);
        requestHeadersChanged = true;
      }
      response = requestHeadersChanged ? NextResponse.rewrite(routeUrl, { request: { headers } }) : NextResponse.rewrite(routeUrl);
    } else {
      response = requestHeadersChanged ? NextResponse.next({ request: { headers } }) : NextResponse.next();
    }
  }
  for (const [name, value] of Object.entries(responseSecurityHeaders(path, options()))) response.headers.set(name, value);
  for (const [name, value] of Object.entries(caching?.headers ?? { "Cache-Control": PRIVATE_NO_STORE })) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
