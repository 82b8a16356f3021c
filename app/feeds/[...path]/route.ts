// Atom feeds of published status changes (server/feeds/atom-feeds.ts has the addresses).
import { publicRouteCacheHeaders } from "@/server/http-cache";
import { parseFeedLang, renderFeed } from "@/server/feeds/atom-feeds";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const lang = parseFeedLang(new URL(request.url).searchParams.get("lang"));
  if (!lang) {
    return new Response("No feed was sent: lang must be en or zh.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const xml = await renderFeed((await params).path, lang);
  if (xml === undefined) {
    return new Response("No public feed has this address.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...publicRouteCacheHeaders() } });
  }
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", ...publicRouteCacheHeaders() } });
}
