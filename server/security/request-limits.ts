// How large a request body may be, and the answers for requests that are too large or malformed.
// Used by proxy.ts for every request and by route handlers that read a body themselves.

const KB = 1024;
const MB = 1024 * KB;

/** The CSV import form uploads files of up to 5 MB (plus multipart overhead); nothing else needs more than 1 MB. */
export const BODY_LIMITS = { standard: 1 * MB, import: 6 * MB, auth: 64 * KB } as const;

export function bodyLimitFor(pathname: string): number {
  if (pathname === "/editor/import" || pathname.startsWith("/editor/import/")) return BODY_LIMITS.import;
  if (pathname.startsWith("/api/auth/")) return BODY_LIMITS.auth;
  return BODY_LIMITS.standard;
}

/** Where the app's route handlers live (app/api, app/exports, app/feeds, a release's data package); every other path is a page. */
const ROUTE_HANDLER_PREFIXES = ["/api/", "/exports/", "/feeds/"];
const DATA_PACKAGE_PATH = /^\/releases\/[^/]+\/datapackage\.zip\/?$/;

export function isRouteHandlerPath(pathname: string): boolean {
  return ROUTE_HANDLER_PREFIXES.some((prefix) => pathname.startsWith(prefix)) || DATA_PACKAGE_PATH.test(pathname);
}

/** What a page answers: GET and HEAD, POST for server actions and no-JavaScript form posts, and OPTIONS. */
export const PAGE_METHODS: readonly string[] = ["GET", "HEAD", "POST", "OPTIONS"];

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / KB)} KB`;
}

export function tooLargeMessage(limit: number): string {
  return `Request body too large: at most ${formatBytes(limit)} is accepted here. Nothing was changed.`;
}

/** A refusal in the shape the path's clients read: JSON under /api, plain text elsewhere. */
export function refusal(pathname: string, status: number, message: string, headers: Record<string, string> = {}): Response {
  const common = { "Cache-Control": "no-store", ...headers };
  if (pathname.startsWith("/api/")) return Response.json({ error: message }, { status, headers: common });
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...common } });
}

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

/** Reads the body, giving up as soon as it passes `limit` bytes, whatever Content-Length claimed. */
export async function readBodyWithLimit(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** A %-escape that is not UTF-8 makes Next answer 500 for a dynamic route; it is the client's mistake. */
export function malformedPath(rawPathname: string): string | null {
  try {
    decodeURIComponent(rawPathname);
    return null;
  } catch {
    return "Malformed URL: a %-escape in the path is not valid UTF-8.";
  }
}

function hostOf(origin: string): string | null {
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A form post or server action from another origin. Next refuses these too, but with a 500; this is
 * the same rule (Origin's host must be X-Forwarded-Host's first value or Host), answered as a 403.
 * Requests without an Origin header pass, as in Next: browsers always send one with a POST.
 */
export function crossOriginAction(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const originHost = hostOf(origin);
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (originHost && (originHost === forwardedHost || originHost === headers.get("host"))) return null;
  return "Cross-origin request refused: forms and actions can only be sent from this site's own pages.";
}

/**
 * A server action call (POST with a Next-Action header) whose body Next could not decode: garbage
 * instead of the JSON array of the arguments, or a broken multipart form. Next would throw and answer
 * 500. (A well-formed array that uses React's reply encoding to point at parts that do not exist still
 * makes React's decoder throw: Next answers 500 with only an error digest, and the action never runs.)
 */
export async function malformedActionBody(contentType: string, bytes: Uint8Array): Promise<string | null> {
  const type = contentType.toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  if (type.startsWith("multipart/form-data")) {
    try {
      await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
      return null;
    } catch {
      return "Malformed request: the form data could not be read. Nothing was changed.";
    }
  }
  try {
    // Without a form, React sends the action's arguments as one JSON array.
    if (Array.isArray(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)))) return null;
  } catch {
    // Falls through to the refusal.
  }
  return "Malformed request: the action's arguments are not a JSON array. Nothing was changed.";
}
