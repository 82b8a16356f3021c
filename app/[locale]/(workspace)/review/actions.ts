"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { carryForwardScores, ConflictError, saveScore, ScoreRefusedError, type CarryForwardSkip } from "@/db/commands/review";
import { getOwnAssessment } from "@/db/queries/assessments";
import { findNextUnscoredBenchmark, type ReviewRound } from "@/db/queries/review";
import { ActionError, guardedAction, type ActionState } from "@/server/auth/guard";
import type { Status } from "@/lib/domain";
import { localizedPath } from "@/lib/i18n/locales";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeRefusal } from "@/server/i18n/refusals";
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
  async (input, user, { locale }) => {
    const t = await actionTranslations("scoring.action", locale);
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
        if (!meanwhile) throw new ActionError(locale === "en" ? error.message : t("conflictUnknown"));
        const statusWord = await actionTranslations("status", locale);
        return {
          ok: false,
          message: t("conflict", { time: meanwhile.createdAt.slice(0, 16).replace("T", " "), status: statusWord(meanwhile.status) }),
          conflict: { assessmentId: meanwhile.id, status: meanwhile.status, rationale: meanwhile.rationale, publicRecord: meanwhile.publicRecord, evidence: meanwhile.evidence, createdAt: meanwhile.createdAt },
        };
      }
      if (error instanceof ScoreRefusedError) throw new ActionError(localizeRefusal(error, locale));
      throw error;
    }
    if (input.afterSave === "next") {
      const next = await findNextUnscoredBenchmark(getDb(), saved.round, user.id, input.benchmarkSlug);
      redirect(localizedPath(locale, next ? `/review/${saved.round.slug}/${next}?saved=${input.benchmarkSlug}` : `/review/${saved.round.slug}?saved=${input.benchmarkSlug}`));
    }
    return {
      ok: true,
      message: t("saved"),
      saved: { assessmentId: saved.id, status: input.status, rationale: input.rationale, publicRecord: input.publicRecord, evidence: input.evidence },
    };
  },
);

export interface CarryForwardActionState extends ActionState {
  created?: Array<{ benchmarkSlug: string; title: string; status: Status; fromRound: string }>;
  skipped?: Array<{ benchmarkSlug: string; title: string; why: string }>;
}

export const carryForwardPrevious = guardedAction<typeof carryForwardSchema, CarryForwardActionState>(
  { permission: "score", schema: carryForwardSchema },
  async (input, user, { locale }) => {
    const t = await actionTranslations("review.carry", locale);
    let result;
    try {
      result = await carryForwardScores(getDb(), { roundSlug: input.roundSlug, reviewerId: user.id, chosen: input.chosen });
    } catch (error) {
      if (error instanceof ScoreRefusedError) throw new ActionError(localizeRefusal(error, locale));
      throw error;
    }
    revalidatePath(`/review/${result.round.slug}`, "layout");
    const skipped = result.skipped.map((s) => ({ benchmarkSlug: s.benchmarkSlug, title: s.title, why: t(`why.${s.reason satisfies CarryForwardSkip}`) }));
    const created = result.created.length;
    const message =
      created === 0 ? t("nothing", { skipped: skipped.length }) : `${t("done", { count: created })}${skipped.length ? t("skipped", { skipped: skipped.length }) : ""}`;
    return { ok: created > 0, message, created: result.created, skipped };
  },
);
