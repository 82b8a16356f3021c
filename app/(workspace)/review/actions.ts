"use server";

import { revalidatePath } from "next/cache";
import { createAssessment, ConflictError, getReviewBenchmark, getReviewRound } from "@/db/queries/review";
import { ActionError, guardedAction } from "@/lib/auth/guard";
import { isApplicable } from "@/lib/scoring";
import { assessmentFormSchema } from "@/lib/validation/assessment";

export const saveAssessment = guardedAction({ roles: ["reviewer", "editor"], schema: assessmentFormSchema }, async (input, user) => {
  const round = getReviewRound(input.roundSlug);
  const benchmark = getReviewBenchmark(input.benchmarkSlug);
  if (!round || !benchmark) throw new ActionError("That round or benchmark no longer exists. Nothing was saved.");
  if (!isApplicable(benchmark, round)) throw new ActionError("This benchmark does not apply at this round. Nothing was saved.");
  try {
    createAssessment({
      benchmarkId: benchmark.id,
      roundId: round.id,
      reviewerId: user.id,
      status: input.status,
      rationale: input.rationale,
      evidence: input.evidence,
      expectedLatestId: input.expectedLatestId,
    });
  } catch (error) {
    if (error instanceof ConflictError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath(`/review/${round.slug}`);
  return { ok: true, message: "Saved. Your earlier scores stay in the history." };
});
