// Runs before every page, route and server action (not static files): refuses oversized and malformed
// requests with a 4xx that says what is wrong, and adds the security headers that depend on the path or
// on run-time configuration (the baseline ones are in next.config.ts).
// It also serves readers of the dashboard from Next's cache: "/?filters" is rewritten to a page filed
// under the published data's key, rendered once per key and then sent from memory. When anything
// public changes the key changes, so no reader ever gets a stale page.
import { NextResponse, type NextRequest } from "next/server";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { readEnv, servesHttps } from "@/lib/env";
import { currentPublishedKey, encodeQuery, publicCacheEnabled } from "@/lib/published-cache";
import { responseSecurityHeaders, type SecurityHeaderOptions } from "@/lib/security/headers";
import { bodyLimitFor, crossOriginAction, malformedActionBody, malformedPath, readBodyWithLimit, refusal, tooLargeMessage } from "@/lib/security/request-limits";

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

async function refuse(request: NextRequest, pathname: string): Promise<Response | null> {
  const badPath = malformedPath(pathname);
  if (badPath) return refusal(pathname, 400, badPath);
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

/** The dashboard's cached rendering (see app/(public)/published); its addresses are internal. */
function publishedRoute(request: NextRequest, pathname: string): NextResponse | null {
  if (pathname.startsWith("/published/")) return new NextResponse("Not found", { status: 404 });
  if (pathname !== "/" || (request.method !== "GET" && request.method !== "HEAD") || !publicCacheEnabled()) return null;
  const url = request.nextUrl.clone();
  url.pathname = `/published/${currentPublishedKey()}/dashboard/${encodeQuery(request.nextUrl.search)}`;
  const rsc = request.nextUrl.searchParams.get("_rsc");
  url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : "";
  return NextResponse.rewrite(url);
}

export async function proxy(request: NextRequest) {
  const { pathname } = new URL(request.url);
  let response: Response | NextResponse | null = (await refuse(request, pathname)) ?? publishedRoute(request, pathname);
  if (!response) {
    // Only the auth route may set the trusted client address, and only from what TRUST_PROXY vouches for.
    if (request.headers.has(CLIENT_ADDRESS_HEADER)) {
      const headers = new Headers(request.headers);
      headers.delete(CLIENT_ADDRESS_HEADER);
      response = NextResponse.next({ request: { headers } });
    } else {
      response = NextResponse.next();
    }
  }
  for (const [name, value] of Object.entries(responseSecurityHeaders(pathname, options()))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
