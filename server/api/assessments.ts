import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ConflictError, saveScore, ScoreRefusedError } from "@/db/commands/review";
import { getSessionUser } from "@/server/auth/session";
import type { Role } from "@/lib/domain";
import { assessmentApiSchema } from "@/lib/validation/assessment";

/** Who may score through the API: the same roles as the review form. */
const SCORING_ROLES: readonly Role[] = ["reviewer", "editor"];

/** The largest valid body (4,000 characters of rationale and 20 evidence links) fits well inside this. */
export const MAX_ASSESSMENT_BODY_BYTES = 256 * 1024;

function problem(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A cookie-authenticated write must come from this site: a browser sends Origin on a cross-site
 * POST, and a page elsewhere must not score in a signed-in reviewer's name. Tools that send no
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

/** The body as text, or null when it is larger than the limit (declared or actual: a chunked body has no length). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}

/**
 * POST /api/v1/assessments: a signed-in reviewer's tool saves a score, as the review form does.
 * Who is calling is checked before the body is read; then size, JSON and the schema; then the
 * same data-access path as the form. Every refusal is JSON with a message and writes nothing.
 */
export async function postAssessment(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "You are not signed in, or your session has ended. Sign in and send the session cookie.");
  if (!SCORING_ROLES.includes(user.role)) return problem(403, `Your role (${user.role}) is not allowed to score benchmarks.`);
  if (!fromThisSite(request)) return problem(403, "Scores can only be saved from this site or from a tool that sends no Origin header.");
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    return problem(415, "Send the score as JSON, with the header Content-Type: application/json.");
  }

  let text: string | null;
  try {
    text = await readLimited(request, MAX_ASSESSMENT_BODY_BYTES);
  } catch {
    return problem(400, "The body is not valid UTF-8 text. Nothing was saved.");
  }
  if (text === null) return problem(413, `The body is larger than ${MAX_ASSESSMENT_BODY_BYTES / 1024} KB. Nothing was saved.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return problem(400, "The body is not valid JSON. Nothing was saved.");
  }
  const parsed = assessmentApiSchema.safeParse(json);
  if (!parsed.success) {
    return problem(400, "Nothing was saved: please correct these fields.", {
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
    });
  }

  const input = parsed.data;
  try {
    const { id, round } = await saveScore(getDb(), {
      roundSlug: input.round,
      benchmarkSlug: input.benchmark,
      reviewerId: user.id,
      status: input.status,
      rationale: input.rationale,
      evidence: input.evidence,
      expectedLatestId: input.expectedLatestId,
    });
    revalidatePath(`/review/${round.slug}`);
    return Response.json(
      { id, round: input.round, benchmark: input.benchmark, status: input.status, message: "Saved. Your earlier scores stay in the history." },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof ConflictError) return problem(409, error.message, { latestId: error.latestId ?? null });
    if (error instanceof ScoreRefusedError) return problem(error.reason === "missing" ? 404 : 400, error.message);
    throw error;
  }
}
