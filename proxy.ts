// Readers of the dashboard are served from Next's cache: "/?filters" is rewritten to a page filed
// under the published data's key, rendered once per key and then sent from memory. When anything
// public changes the key changes, so no reader ever gets a stale page.
import { NextResponse, type NextRequest } from "next/server";
import { currentPublishedKey, encodeQuery, publicCacheEnabled } from "@/lib/published-cache";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The cache's own addresses are internal: reached only through the rewrite below.
  if (pathname.startsWith("/published/")) return new NextResponse("Not found", { status: 404 });
  if (pathname === "/" && (request.method === "GET" || request.method === "HEAD") && publicCacheEnabled()) {
    const url = request.nextUrl.clone();
    url.pathname = `/published/${currentPublishedKey()}/dashboard/${encodeQuery(search)}`;
    const rsc = request.nextUrl.searchParams.get("_rsc");
    url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : "";
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/", "/published/:path*"] };
