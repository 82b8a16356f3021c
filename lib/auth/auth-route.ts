import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { readEnv, type Env } from "@/lib/env";
import { BODY_LIMITS, readBodyWithLimit, tooLargeMessage } from "@/lib/security/request-limits";
import { CLIENT_ADDRESS_HEADER, CLIENT_SENT_ADDRESS_HEADERS, clientAddress } from "./client-address";
import { getAuth } from "./server";
import { accountKey, SignInLimiter } from "./sign-in-limit";

/** Errors in better-auth's own shape ({ code, message }), so its client reads them like its own. */
function authError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const cache = globalThis as unknown as { scorecardSignInLimiter?: SignInLimiter };

function signInLimiter(env: Env): SignInLimiter {
  cache.scorecardSignInLimiter ??= new SignInLimiter({ perKey: env.SIGN_IN_ATTEMPTS_PER_MINUTE, shared: env.SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE, windowMs: 60_000 });
  return cache.scorecardSignInLimiter;
}

/** Every spelling of a path better-auth would route the same way: /api/auth/Sign-In//email/ is a sign-in too. */
function isSignInPath(pathname: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Left as sent; better-auth will not route it either.
  }
  return path.replace(/\/{2,}/g, "/").toLowerCase().startsWith("/api/auth/sign-in");
}

/**
 * /api/auth/*: bounds the body, refuses malformed JSON with a 400, applies the sign-in limits, and hands
 * better-auth a request whose only client address is one TRUST_PROXY vouches for.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const env = readEnv();
  const { method } = request;
  if (method !== "GET" && method !== "POST") return authError(405, "METHOD_NOT_ALLOWED", `${method} is not accepted here: use GET or POST.`, { Allow: "GET, POST" });

  let body: Uint8Array | undefined;
  let json: unknown;
  if (method === "POST") {
    const read = await readBodyWithLimit(request, BODY_LIMITS.auth);
    if (!read.ok) return authError(413, "PAYLOAD_TOO_LARGE", tooLargeMessage(BODY_LIMITS.auth));
    body = read.bytes;
    if (body.byteLength > 0 && /json/i.test(request.headers.get("content-type") ?? "")) {
      try {
        json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
      } catch {
        return authError(400, "INVALID_JSON", "Malformed request: the body is not valid JSON. Nothing was changed.");
      }
    }
  }

  const address = clientAddress(request.headers, env.TRUST_PROXY);
  if (method === "POST" && isSignInPath(new URL(request.url).pathname)) {
    const email = json && typeof json === "object" ? (json as { email?: unknown }).email : undefined;
    const decision = signInLimiter(env).attempt(accountKey(email), address);
    if (!decision.allowed) {
      return authError(429, "TOO_MANY_REQUESTS", "Too many sign-in attempts. Wait a minute before trying again.", { "Retry-After": String(decision.retryAfterSeconds) });
    }
  }

  const headers = new Headers(request.headers);
  for (const name of CLIENT_SENT_ADDRESS_HEADERS) headers.delete(name);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  const forwarded = new Request(request.url, { method, headers, body: body as BodyInit | undefined });
  const handler = toNextJsHandler(getAuth());
  return method === "GET" ? handler.GET(forwarded) : handler.POST(forwarded);
}
