"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { decideRedaction as recordDecision } from "@/db/commands/confidentiality";
import { RedactionError } from "@/db/queries/confidential-texts";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { actionTranslations } from "@/server/i18n/action-translations";
import { recordLabelText } from "@/server/i18n/record-labels";
import { localizeRefusal } from "@/server/i18n/refusals";
import { redactionDecisionSchema } from "@/lib/validation/editor";

/** An editor's decision on a public text that names a confidential item (see /editor/confidential-texts). */
export const decideRedaction = guardedAction({ permission: "edit", schema: redactionDecisionSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("confidentialTexts.answer", locale);
  let outcome: Awaited<ReturnType<typeof recordDecision>>;
  try {
    outcome = await recordDecision(getDb(), input, editor.id);
  } catch (error) {
    if (error instanceof RedactionError) throw new ActionError(localizeRefusal(error, locale));
    throw error;
  }
  revalidatePath("/", "layout");
  const label = recordLabelText(outcome.label, locale);
  const message = { reviewed: t("reviewed"), hiddenBenchmark: t("hiddenBenchmark"), hidden: t("hidden", { label }), shown: t("shown", { label }) }[outcome.done];
  return { ok: true, message };
});
