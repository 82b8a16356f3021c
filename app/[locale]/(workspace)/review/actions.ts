"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { carryForwardScores, ConflictError, saveScore, ScoreRefusedError, type CarryForwardSkip } from "@/db/commands/review";
import { getOwnAssessment } from "@/db/queries/assessments";
import { findNextUnscoredBenchmark, type ReviewRound } from "@/db/queries/review";
import { ActionError, guardedAction, type ActionState } from "@/server/auth/guard";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { assessmentFormSchema, carryForwardSchema } from "@/lib/validation/assessment";

export interface ScoreValues {
  status: Status;
  rationale: string;
  publicRecord: boolean;
  evidence: Array<{ url: string; title: string; publishedOn: string | null }>;
}

export interface AssessmentActionState extends ActionState {
  /** What was stored, so the form shows exactly that after React resets it. */
  saved?: ScoreValues & { assessmentId: number };
  /** The reviewer's own score saved meanwhile (another tab): saving again replaces it on purpose. */
  conflict?: ScoreValues & { assessmentId: number; createdAt: string };
}

export const saveAssessment = guardedAction<typeof assessmentFormSchema, AssessmentActionState>(
  { permission: "score", schema: assessmentFormSchema },
  async (input, user) => {
    let saved: { id: number; round: ReviewRound };
    try {
      const { id, round } = await saveScore(getDb(), {
        roundSlug: input.roundSlug,
        benchmarkSlug: input.benchmarkSlug,
        reviewerId: user.id,
        status: input.status,
        rationale: input.rationale,
        publicRecord: input.publicRecord,
        evidence: input.evidence,
        expectedLatestId: input.expectedLatestId,
      });
      saved = { id, round };
      revalidatePath(`/review/${round.slug}`, "layout");
    } catch (error) {
      if (error instanceof ConflictError) {
        const meanwhile = error.latestId ? await getOwnAssessment(getDb(), error.latestId, user.id) : undefined;
        revalidatePath(`/review/${input.roundSlug}`, "layout");
        if (!meanwhile) throw new ActionError(error.message);
        return {
          ok: false,
          message: `This score was changed at ${meanwhile.createdAt.slice(0, 16).replace("T", " ")} UTC (now “${STATUS_LABELS[meanwhile.status]}”, saved from another window) after you opened the form. Nothing was saved. Your text is kept below and the score saved meanwhile is shown above it: save again to replace it with yours.`,
          conflict: { assessmentId: meanwhile.id, status: meanwhile.status, rationale: meanwhile.rationale, publicRecord: meanwhile.publicRecord, evidence: meanwhile.evidence, createdAt: meanwhile.createdAt },
        };
      }
      if (error instanceof ScoreRefusedError) throw new ActionError(error.message);
      throw error;
    }
    if (input.afterSave === "next") {
      const next = await findNextUnscoredBenchmark(getDb(), saved.round, user.id, input.benchmarkSlug);
      redirect(next ? `/review/${saved.round.slug}/${next}?saved=${input.benchmarkSlug}` : `/review/${saved.round.slug}?saved=${input.benchmarkSlug}`);
    }
    return {
      ok: true,
      message: "Saved. Your earlier scores stay in the history.",
      saved: { assessmentId: saved.id, status: input.status, rationale: input.rationale, publicRecord: input.publicRecord, evidence: input.evidence },
    };
  },
);

const SKIP_REASONS: Record<CarryForwardSkip, string> = {
  changed: "you scored it after this page was opened; it was left as you scored it",
  not_applicable: "it does not apply at this round",
  missing: "it no longer exists",
  no_previous: "it has no score at an earlier round to carry",
};

export interface CarryForwardActionState extends ActionState {
  created?: Array<{ benchmarkSlug: string; title: string; status: Status; fromRound: string }>;
  skipped?: Array<{ benchmarkSlug: string; title: string; why: string }>;
}

export const carryForwardPrevious = guardedAction<typeof carryForwardSchema, CarryForwardActionState>(
  { permission: "score", schema: carryForwardSchema },
  async (input, user) => {
    let result;
    try {
      result = await carryForwardScores(getDb(), { roundSlug: input.roundSlug, reviewerId: user.id, chosen: input.chosen });
    } catch (error) {
      if (error instanceof ScoreRefusedError) throw new ActionError(error.message);
      throw error;
    }
    revalidatePath(`/review/${result.round.slug}`, "layout");
    const skipped = result.skipped.map((s) => ({ benchmarkSlug: s.benchmarkSlug, title: s.title, why: SKIP_REASONS[s.reason] }));
    const created = result.created.length;
    const plural = (n: number) => (n === 1 ? "score" : "scores");
    const message =
      created === 0
        ? `Nothing was carried forward. Skipped ${skipped.length}.`
        : `Carried forward ${created} ${plural(created)} unchanged from the previous round.${skipped.length ? ` Skipped ${skipped.length}.` : ""}`;
    return { ok: created > 0, message, created: result.created, skipped };
  },
);
