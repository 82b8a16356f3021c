"use server";

import { revalidatePath } from "next/cache";
import { ConflictError, saveScore, ScoreRefusedError } from "@/db/queries/review";
import { ActionError, guardedAction } from "@/lib/auth/guard";
import { assessmentFormSchema } from "@/lib/validation/assessment";

export const saveAssessment = guardedAction({ roles: ["reviewer", "editor"], schema: assessmentFormSchema }, async (input, user) => {
  try {
    const { round } = saveScore({
      roundSlug: input.roundSlug,
      benchmarkSlug: input.benchmarkSlug,
      reviewerId: user.id,
      status: input.status,
      rationale: input.rationale,
      evidence: input.evidence,
      expectedLatestId: input.expectedLatestId,
    });
    revalidatePath(`/review/${round.slug}`);
  } catch (error) {
    if (error instanceof ConflictError || error instanceof ScoreRefusedError) throw new ActionError(error.message);
    throw error;
  }
  return { ok: true, message: "Saved. Your earlier scores stay in the history." };
});
