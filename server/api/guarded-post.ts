import "server-only";
import type { z } from "zod";
import { ENROL_FIRST_MESSAGE } from "@/lib/auth/two-factor";
import type { Permission } from "@/lib/permissions";
import { authorize } from "@/server/auth/guard";
import type { SessionUser } from "@/server/auth/session";
import { readBodyWithLimit } from "@/server/security/request-limits";

/** A JSON refusal, never cached. */
export function problem(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A cookie-authenticated write must come from this site: a browser sends Origin on a cross-site
 * POST, and a page elsewhere must not write in a signed-in user's name. Tools that send no
 * Origin (scripts, curl) are not browsers acting for someone else.
 */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    const allowed = [request.headers.get("host"), new URL(request.url).host, process.env.BETTER_AUTH_URL ? new URL(process.env.BETTER_AUTH_URL).host : null];
    return allowed.includes(host);
  } catch {
    return false;
  }
}

export interface GuardedPostOptions<S extends z.ZodType> {
  permission: Permission;
  schema: S;
  maxBytes: number;
  /** For the refusals: what the caller may not do ("score benchmarks"), what is sent ("the score", "Scores"). */
  describe: { action: string; one: string; many: string };
}

/**
 * The JSON API's twin of guardedAction (server/auth/guard.ts), on the same authorize(): who is
 * calling and what lib/permissions lets them do is checked before the body is read; then origin,
 * content type, size (the proxy's capped reader), JSON and the schema. Every refusal is JSON with
 * a message, and the handler, which alone writes, never runs.
 */
export function guardedJsonPost<S extends z.ZodType>(options: GuardedPostOptions<S>, handler: (input: z.output<S>, user: SessionUser) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const caller = await authorize(options.permission);
    if (!caller.ok && caller.refused === "signed-out") return problem(401, "You are not signed in, or your session has ended. Sign in and send the session cookie.");
    if (!caller.ok && caller.refused === "enrol-two-factor") return problem(403, ENROL_FIRST_MESSAGE);
    if (!caller.ok) return problem(403, `Your role (${caller.user.role}) is not allowed to ${options.describe.action}.`);
    if (!fromThisSite(request)) return problem(403, `${options.describe.many} can only be saved from this site or from a tool that sends no Origin header.`);
    if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
      return problem(415, `Send ${options.describe.one} as JSON, with the header Content-Type: application/json.`);
    }

    const body = await readBodyWithLimit(request, options.maxBytes);
    if (!body.ok) return problem(413, `The body is larger than ${options.maxBytes / 1024} KB. Nothing was saved.`);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
    } catch {
      return problem(400, "The body is not valid UTF-8 text. Nothing was saved.");
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return problem(400, "The body is not valid JSON. Nothing was saved.");
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      return problem(400, "Nothing was saved: please correct these fields.", {
        problems: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
      });
    }
    return handler(parsed.data, caller.user);
  };
}
