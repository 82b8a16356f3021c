// Any /api address no endpoint answers: a JSON 404 that says where the endpoints are listed, not the
// HTML page meant for readers.
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.slice(0, 200);
  return Response.json(
    { error: `No such endpoint: ${path}. The read API's endpoints are listed in /api/v1/openapi.json.` },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
