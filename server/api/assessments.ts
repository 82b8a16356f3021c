import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ConflictError, saveScore, ScoreRefusedError } from "@/db/commands/review";
import { assessmentApiSchema } from "@/lib/validation/assessment";
import { guardedJsonPost, problem } from "./guarded-post";

/** The largest valid body (4,000 characters of rationale and 20 evidence links) fits well inside this. */
export const MAX_ASSESSMENT_BODY_BYTES = 256 * 1024;

/**
 * POST /api/v1/assessments: a signed-in reviewer's tool saves a score, as the review form does,
 * with the review form's permission; then the same data-access path as the form.
 */
export const postAssessment = guardedJsonPost(
  { permission: "score", schema: assessmentApiSchema, maxBytes: MAX_ASSESSMENT_BODY_BYTES, describe: { action: "score benchmarks", one: "the score", many: "Scores" } },
  async (input, user) => {
    try {
      const { id, round } = await saveScore(getDb(), {
        roundSlug: input.round,
        benchmarkSlug: input.benchmark,
        reviewerId: user.id,
        status: input.status,
        rationale: input.rationale,
        publicRecord: input.publicRecord,
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
  },
);
