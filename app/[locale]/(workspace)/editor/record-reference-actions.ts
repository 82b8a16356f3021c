"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { EditConflictError } from "@/db/commands/record-edits";
import { ReferenceDataError } from "@/db/commands/reference";
import {
  deleteReferenceRecord,
  editCategory,
  editRound,
  editSubject,
  editSubjectEvent,
  editTrack,
  mergeSubject,
  type EditResult,
} from "@/db/commands/reference-edits";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { actionLocale } from "@/server/i18n/action-locale";
import { localizeRefusal } from "@/server/i18n/refusals";
import { actionTranslations } from "@/server/i18n/action-translations";
import {
  deleteRecordSchema,
  editCategorySchema,
  editRoundSchema,
  editSubjectEventSchema,
  editSubjectSchema,
  editTrackSchema,
  mergeSubjectSchema,
} from "@/lib/validation/records-reference";

function refresh() {
  revalidatePath("/", "layout");
}

/** A refusal the command explains in words for the form (a stale form included: what was sent stays in it). */
async function refused(error: unknown): Promise<never> {
  if (error instanceof ReferenceDataError || error instanceof EditConflictError) throw new ActionError(localizeRefusal(error, await actionLocale()));
  throw error;
}

async function saved(what: "track" | "round" | "category" | "recordOf" | "eventOf", result: EditResult) {
  const t = await actionTranslations("recordPage");
  if (result.changes.length === 0) return { ok: true, message: t("nothingChanged") };
  refresh();
  return { ok: true, message: t("saved", { what: t(`what.${what}`), name: result.name, count: result.changes.length }) };
}

export const editTrackRecord = guardedAction({ permission: "edit", schema: editTrackSchema }, async (input, editor) => {
  return saved("track", await editTrack(getDb(), input, editor.id).catch(refused));
});

export const editRoundRecord = guardedAction({ permission: "edit", schema: editRoundSchema }, async (input, editor) => {
  return saved("round", await editRound(getDb(), input, editor.id).catch(refused));
});

export const editCategoryRecord = guardedAction({ permission: "edit", schema: editCategorySchema }, async (input, editor) => {
  return saved("category", await editCategory(getDb(), input, editor.id).catch(refused));
});

export const editSubjectRecord = guardedAction({ permission: "edit", schema: editSubjectSchema }, async (input, editor, { locale }) => {
  const result = await editSubject(getDb(), input, editor.id).catch(refused);
  const answer = await saved("recordOf", result);
  if (result.keptAsAliases.length === 0) return answer;
  const t = await actionTranslations("recordPage", locale);
  const names = result.keptAsAliases.map((n) => `“${n}”`).join(t("listSeparator"));
  return { ...answer, message: `${answer.message}${t("subject.keptAsAliases", { names })}` };
});

export const editSubjectEventRecord = guardedAction({ permission: "edit", schema: editSubjectEventSchema }, async (input, editor) => {
  const result = await editSubjectEvent(getDb(), input, editor.id).catch(refused);
  return saved("eventOf", result);
});

export const deleteReferenceRecordAction = guardedAction({ permission: "edit", schema: deleteRecordSchema }, async (input, editor) => {
  await deleteReferenceRecord(getDb(), input, editor.id).catch(refused);
  refresh();
  redirect(`/editor/records?deleted=${input.entity}`);
});

export const mergeSubjectRecord = guardedAction({ permission: "edit", schema: mergeSubjectSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("recordPage", locale);
  const result = await mergeSubject(getDb(), input, editor.id).catch(refused);
  refresh();
  const confidential = result.madeConfidential ? t("subject.merged.confidential", { kept: result.kept, merged: result.merged }) : "";
  return { ok: true, message: `${t("subject.merged.done", { merged: result.merged, kept: result.kept, benchmarks: result.benchmarks, events: result.events })}${confidential}` };
});
