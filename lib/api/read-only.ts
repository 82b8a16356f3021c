// Read-only endpoints (the API and the exports) answer other methods with a 405 that says why, instead
// of Next's empty one. Route files re-export these beside their GET.
import { refusal } from "@/lib/security/request-limits";

function methodNotAllowed(request: Request): Response {
  const path = new URL(request.url).pathname;
  return refusal(path, 405, `${request.method} is not accepted here: ${path} is read-only (GET or HEAD).`, { Allow: "GET, HEAD, OPTIONS" });
}

export { methodNotAllowed as DELETE, methodNotAllowed as PATCH, methodNotAllowed as POST, methodNotAllowed as PUT };
