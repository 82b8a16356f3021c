// Route handlers answer the methods they do not take with a 405 that says why and names the ones they
// do (Next's own 405 is empty and names none), and OPTIONS with only those (Next's own OPTIONS would list
// every method the file exports, these 405s included). Route files re-export these beside their handlers.
import { refusal } from "@/server/security/request-limits";

/** The 405 and OPTIONS answers for a route that takes only `accepted` (OPTIONS is added). */
export function acceptOnly(accepted: readonly string[], why: string) {
  const allow = { Allow: [...accepted, "OPTIONS"].join(", ") };
  return {
    methodNotAllowed(request: Request): Response {
      const path = new URL(request.url).pathname;
      return refusal(path, 405, `${request.method} is not accepted here: ${path} ${why}.`, allow);
    },
    options(): Response {
      return new Response(null, { status: 204, headers: allow });
    },
  };
}

const readOnly = acceptOnly(["GET", "HEAD"], "is read-only (GET or HEAD)");

export const { methodNotAllowed: DELETE, methodNotAllowed: PATCH, methodNotAllowed: POST, methodNotAllowed: PUT, options: OPTIONS } = readOnly;
