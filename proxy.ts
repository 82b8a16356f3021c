// Runs before every page, route and server action (not static files): refuses oversized and malformed
// requests with a 4xx that says what is wrong, and adds the security headers that depend on the path or
// on run-time configuration (the baseline ones are in next.config.ts).
// It also serves readers of the dashboard from Next's cache: "/?filters" is rewritten to a page at
// /published/dashboard/<canonical filters>, which the page cache files under the published data's key
// as well (handed over in a request header, so the key never appears in an address a reader sees).
// Rendered once per key and query, then sent from memory; when anything public changes the key changes,
// so no reader ever gets a stale page.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { isPinnedPagePublic } from "@/db/queries/releases";
import { parseReleaseParam } from "@/lib/releases";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { readEnv, servesHttps } from "@/lib/env";
import { currentPublishedKey, encodeQuery, PUBLISHED_KEY_HEADER, publicCacheEnabled } from "@/server/published-cache";
import { responseSecurityHeaders, type SecurityHeaderOptions } from "@/server/security/headers";
import { bodyLimitFor, crossOriginAction, isRouteHandlerPath, malformedActionBody, malformedPath, PAGE_METHODS, readBodyWithLimit, refusal, tooLargeMessage } from "@/server/security/request-limits";
import { canonicalDashboardQuery, parseDashboardFilters } from "@/lib/validation/dashboard-filters";

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
const SERVER_SET_REQUEST_HEADERS = [CLIENT_ADDRESS_HEADER, PUBLISHED_KEY_HEADER];

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

/**
 * The dashboard's cached rendering (see app/(public)/published), at an address that depends only on the
 * filters: unknown parameters, their order and repeated values make no new entry, and every malformed
 * value of a filter shares one. A view whose filters name nothing public is rendered for the request
 * and not kept (it says what matched nothing, and anyone could invent such names without end).
 */
async function publishedRoute(request: NextRequest, pathname: string, headers: Headers): Promise<NextResponse | null> {
  if (pathname.startsWith("/published/")) return new NextResponse("Not found", { status: 404 });
  if (pathname !== "/" || (request.method !== "GET" && request.method !== "HEAD") || !publicCacheEnabled()) return null;
  // A dashboard pinned to a release is rendered for the request (app/(public)/page.tsx).
  if (request.nextUrl.searchParams.has("release")) return null;
  const params = Object.fromEntries([...new Set(request.nextUrl.searchParams.keys())].map((key) => [key, request.nextUrl.searchParams.getAll(key)]));
  if ((await findUnmatchedFilters(getDb(), parseDashboardFilters(params).filters)).length > 0) return null;
  const url = request.nextUrl.clone();
  url.pathname = `/published/dashboard/${encodeQuery(canonicalDashboardQuery(params))}`;
  const rsc = request.nextUrl.searchParams.get("_rsc");
  url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : "";
  headers.set(PUBLISHED_KEY_HEADER, currentPublishedKey());
  const response = NextResponse.rewrite(url, { request: { headers } });
  // The address never changes with the data: every cache, the browser's and any shared one, must ask each time (the ETag makes that cheap).
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

const PINNED_PAGE = /^(?:\/[a-z]{2})?\/(rounds|benchmarks)\/([^/]+)/;

/**
 * A page pinned to a release (?release=N) answers 404 unless the release exists and what the page
 * names was public in it: checked here because a round's page streams behind a loading boundary,
 * where a notFound() would come too late to change the status. The not-found page renders at
 * /releases/0, which names no release.
 */
function pinnedReleaseRefusal(request: NextRequest, pathname: string): NextResponse | null {
  if (!request.nextUrl.searchParams.has("release") || isRouteHandlerPath(pathname) || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const number = parseReleaseParam(request.nextUrl.searchParams.getAll("release"));
  const [, kind, slug] = PINNED_PAGE.exec(pathname) ?? [];
  const page = kind === "rounds" ? { round: decodeURIComponent(slug!) } : kind === "benchmarks" ? { benchmark: decodeURIComponent(slug!) } : {};
  if (number && isPinnedPagePublic(getDb(), number, page)) return null;
  const url = request.nextUrl.clone();
  url.pathname = "/releases/0";
  url.search = "";
  return NextResponse.rewrite(url);
}

export async function proxy(request: NextRequest) {
  const { pathname } = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of SERVER_SET_REQUEST_HEADERS) headers.delete(name);
  let response: Response | NextResponse | null = (await refuse(request, pathname)) ?? pinnedReleaseRefusal(request, pathname) ?? (await publishedRoute(request, pathname, headers));
  if (!response) {
    // Only the auth route may set the trusted client address, and only from what TRUST_PROXY vouches for.
    const sentServerHeaders = SERVER_SET_REQUEST_HEADERS.some((name) => request.headers.has(name));
    response = sentServerHeaders ? NextResponse.next({ request: { headers } }) : NextResponse.next();
  }
  for (const [name, value] of Object.entries(responseSecurityHeaders(pathname, options()))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
