import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { recordPasswordChanged } from "@/db/commands/accounts";
import { recordTwoFactorEvent } from "@/db/commands/two-factor";
import { readEnv, type Env } from "@/lib/env";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/validation/account";
import { verifyBackupCodeRequestSchema, verifyTotpRequestSchema } from "@/lib/validation/two-factor";
import { BODY_LIMITS, readBodyWithLimit, tooLargeMessage } from "@/server/security/request-limits";
import { CLIENT_ADDRESS_HEADER, CLIENT_SENT_ADDRESS_HEADERS, clientAddress } from "./client-address";
import { getAuth } from "./better-auth";
import { accountKey, attemptWithin, SignInLimiter } from "./sign-in-limit";

/** Errors in better-auth's own shape ({ code, message }), so its client reads them like its own. */
function authError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function signInLimiter(env: Env): SignInLimiter {
  return new SignInLimiter(getDb(), { perKey: env.SIGN_IN_ATTEMPTS_PER_MINUTE, shared: env.SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE, windowMs: 60_000 });
}

/**
 * Password changes per account per minute, as many as sign-in attempts: a change checks the current password,
 * so someone holding a stolen session could otherwise guess it as fast as they like. Per account (from the
 * session), never per address or shared, so nobody can use up another person's changes.
 */
const passwordChangeCheck = (env: Env, userId: string) => ({ bucket: "password-change", key: userId, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE, windowMs: 60_000 });

/**
 * The endpoints of better-auth the app offers over HTTP, and their methods: the sign-in form, signing out,
 * changing one's own password (which ends every other session), setting one from a reset link an editor
 * issued (which ends every session; links are never requested here by email), and the second step of a
 * sign-in with two-factor sign-in on (a code from the app, or a backup code). Enrolling and turning it off
 * go through the account page's server actions instead. Everything else it serves — renaming oneself, listing
 * sessions with their tokens, deleting the account, enabling two-factor sign-in without the page … — answers 404 here.
 */
const OFFERED_ENDPOINTS: Readonly<Record<string, readonly string[]>> = {
  "/sign-in/email": ["POST"],
  "/sign-out": ["POST"],
  "/change-password": ["POST"],
  "/reset-password": ["POST"],
  "/two-factor/verify-totp": ["POST"],
  "/two-factor/verify-backup-code": ["POST"],
};

/** The endpoints whose body is checked here like any other form before better-auth sees it. */
const CHECKED_BODIES = {
  "/change-password": changePasswordSchema,
  "/reset-password": resetPasswordSchema,
  "/two-factor/verify-totp": verifyTotpRequestSchema,
  "/two-factor/verify-backup-code": verifyBackupCodeRequestSchema,
} as const;

/** The second step of a sign-in: each code tried counts as a sign-in attempt from its address (per account, better-auth's lockout). */
const CODE_ENDPOINTS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

/**
 * The endpoint a path names, in every spelling better-auth might route the same way (%-escapes, case,
 * doubled or trailing slashes: /api/auth/Sign-In//email/ is a sign-in too), or null outside /api/auth.
 */
function offeredEndpoint(pathname: string): string | null {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Left as sent; better-auth will not route it either.
  }
  path = path.replace(/\/{2,}/g, "/").toLowerCase().replace(/(.)\/$/, "$1");
  if (!path.startsWith("/api/auth/")) return null;
  const endpoint = path.slice("/api/auth".length);
  return Object.hasOwn(OFFERED_ENDPOINTS, endpoint) ? endpoint : null;
}

function allowHeader(endpoint: string): string {
  return [...OFFERED_ENDPOINTS[endpoint]!, "OPTIONS"].join(", ");
}

/** Only JSON is read here, so only JSON reaches better-auth: it would also take form-encoded and multipart bodies. */
function isJson(contentType: string | null): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";
}

/**
 * /api/auth/*: lets through only the endpoints the app offers, bounds the body, accepts JSON only (415
 * otherwise) and refuses malformed JSON with a 400, checks a password change like any other form, applies
 * the sign-in limits and the limit on password changes, and hands better-auth a request whose only client address is one TRUST_PROXY vouches
 * for. Every answer is no-store; a password change that went through is written to the audit log.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const env = readEnv();
  const { method } = request;
  const endpoint = offeredEndpoint(new URL(request.url).pathname);
  if (!endpoint) return authError(404, "NOT_FOUND", "No such endpoint: the app offers sign-in (with its two-factor step), sign-out and a password change here.");
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allowHeader(endpoint), "Cache-Control": "no-store" } });
  if (!OFFERED_ENDPOINTS[endpoint]!.includes(method)) {
    return authError(405, "METHOD_NOT_ALLOWED", `${method} is not accepted here: use ${OFFERED_ENDPOINTS[endpoint]!.join(" or ")}.`, { Allow: allowHeader(endpoint) });
  }

  const read = await readBodyWithLimit(request, BODY_LIMITS.auth);
  if (!read.ok) return authError(413, "PAYLOAD_TOO_LARGE", tooLargeMessage(BODY_LIMITS.auth));
  const body = read.bytes;
  let json: unknown;
  if (body.byteLength > 0) {
    if (!isJson(request.headers.get("content-type"))) {
      return authError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json. Nothing was changed.");
    }
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      return authError(400, "INVALID_JSON", "Malformed request: the body is not valid JSON. Nothing was changed.");
    }
  }

  if (Object.hasOwn(CHECKED_BODIES, endpoint)) {
    const parsed = CHECKED_BODIES[endpoint as keyof typeof CHECKED_BODIES].safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
      return authError(400, "VALIDATION_ERROR", `Nothing was changed. ${problems.join(" ")}`);
    }
  }

  const address = clientAddress(request.headers, env.TRUST_PROXY);
  if (endpoint === "/sign-in/email") {
    const email = json && typeof json === "object" ? (json as { email?: unknown }).email : undefined;
    const decision = await signInLimiter(env).attempt(accountKey(email), address);
    if (!decision.allowed) {
      return authError(429, "TOO_MANY_REQUESTS", "Too many sign-in attempts. Wait a minute before trying again.", { "Retry-After": String(decision.retryAfterSeconds) });
    }
  }
  if (CODE_ENDPOINTS.has(endpoint)) {
    const decision = await signInLimiter(env).attempt(null, address);
    if (!decision.allowed) {
      return authError(429, "TOO_MANY_REQUESTS", "Too many sign-in attempts. Wait a minute before trying again.", { "Retry-After": String(decision.retryAfterSeconds) });
    }
  }

  if (endpoint === "/change-password") {
    // Without a session better-auth answers 401 before it checks any password.
    const session = await getAuth().api.getSession({ headers: request.headers });
    if (session) {
      const wait = await attemptWithin(getDb(), passwordChangeCheck(env, session.user.id));
      if (wait > 0) return authError(429, "TOO_MANY_REQUESTS", "Too many password-change attempts. Wait a minute before trying again. Nothing was changed.", { "Retry-After": String(wait) });
    }
  }

  const headers = new Headers(request.headers);
  for (const name of CLIENT_SENT_ADDRESS_HEADERS) headers.delete(name);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  const forwarded = new Request(request.url, { method, headers, body: body.byteLength > 0 ? (body as BodyInit) : undefined });
  const answer = await toNextJsHandler(getAuth()).POST(forwarded);
  if (endpoint === "/change-password" && answer.ok) await recordPasswordChange(answer);
  if (endpoint === "/two-factor/verify-backup-code" && answer.ok) await recordBackupCodeUse(answer);
  const response = new Response(answer.body, answer);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** The audit entry for a password change: who, and that their other sessions ended; never the password. */
async function recordPasswordChange(answer: Response): Promise<void> {
  const { user } = (await answer.clone().json()) as { user: { id: string } };
  await recordPasswordChanged(getDb(), user.id);
}

/** A backup code signed someone in: the account's owner should hear of it if it was not them. Never the code. */
async function recordBackupCodeUse(answer: Response): Promise<void> {
  const { user } = (await answer.clone().json()) as { user: { id: string } };
  await recordTwoFactorEvent(getDb(), user.id, "user.backup-code-sign-in");
}
