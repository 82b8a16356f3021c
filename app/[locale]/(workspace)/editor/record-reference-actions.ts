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
function refused(error: unknown): never {
  if (error instanceof ReferenceDataError || error instanceof EditConflictError) throw new ActionError(error.message);
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

export const editSubjectRecord = guardedAction({ permission: "edit", schema: editSubjectSchema }, async (input, editor) => {
  const result = await editSubject(getDb(), input, editor.id).catch(refused);
  const answer = await saved("recordOf", result);
  if (result.keptAsAliases.length === 0) return answer;
  return { ...answer, message: `${answer.message} The names it had (${result.keptAsAliases.map((n) => `“${n}”`).join(", ")}) stay among its other names, withheld like the others while it is confidential.` };
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

export const mergeSubjectRecord = guardedAction({ permission: "edit", schema: mergeSubjectSchema }, async (input, editor) => {
  const result = await mergeSubject(getDb(), input, editor.id).catch(refused);
  refresh();
  const moved = `${result.benchmarks} benchmark link${result.benchmarks === 1 ? "" : "s"} and ${result.events} event${result.events === 1 ? "" : "s"}`;
  const confidential = result.madeConfidential ? ` ${result.kept} is now confidential, as ${result.merged} was: a merge never makes a confidential name public.` : "";
  return { ok: true, message: `Merged ${result.merged} into ${result.kept}: ${moved} moved, and its names are now other names of ${result.kept}.${confidential}` };
});
