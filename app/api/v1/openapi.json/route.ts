import { buildOpenApiDocument } from "@/lib/api/openapi";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } });
}
