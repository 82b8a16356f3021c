"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ConfidentialityError, setConfidentiality as setConfidentialityCommand } from "@/db/commands/confidentiality";
import { createCategory as createCategoryCommand, createSubject as createSubjectCommand, createSubjectEvent as createSubjectEventCommand, createTrack as createTrackCommand, ReferenceDataError, retireBenchmark as retireBenchmarkCommand } from "@/db/commands/reference";
import { ScopeError, setBenchmarkScope } from "@/db/commands/scopes";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { actionLocale } from "@/server/i18n/action-locale";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeRefusal } from "@/server/i18n/refusals";
import { LINK_WITHHELD, NAME_WITHHELD } from "@/lib/redaction";
import {
  benchmarkScopeSchema,
  confidentialitySchema,
  newCategorySchema,
  newSubjectEventSchema,
  newSubjectSchema,
  newTrackSchema,
  retireBenchmarkSchema,
} from "@/lib/validation/editor";

function refresh() {
  revalidatePath("/", "layout");
}

/** A refusal the command explains in words for the form. */
async function refused(error: unknown): Promise<never> {
  if (error instanceof ReferenceDataError) throw new ActionError(localizeRefusal(error, await actionLocale()));
  if (error instanceof ScopeError || error instanceof ConfidentialityError) throw new ActionError(error.message);
  throw error;
}

export const createTrack = guardedAction({ permission: "edit", schema: newTrackSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  await createTrackCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: t("track", { name: input.name }) };
});

export const createCategory = guardedAction({ permission: "edit", schema: newCategorySchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  await createCategoryCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: t("category", { name: input.name }) };
});

export const createSubject = guardedAction({ permission: "edit", schema: newSubjectSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  await createSubjectCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: t(input.confidential ? "subjectConfidential" : "subject", { name: input.name }) };
});

export const createSubjectEvent = guardedAction({ permission: "edit", schema: newSubjectEventSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  const { subjectName } = await createSubjectEventCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: t("event", { name: subjectName }) };
});

export const retireBenchmark = guardedAction({ permission: "edit", schema: retireBenchmarkSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  const { title } = await retireBenchmarkCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: t("retired", { title, date: input.retiredOn }) };
});

export const setScope = guardedAction({ permission: "edit", schema: benchmarkScopeSchema }, async (input, editor) => {
  const result = await setBenchmarkScope(getDb(), input, editor.id).catch(refused);
  refresh();
  const outside = result.outside > 0 ? ` ${result.outside} assessment${result.outside === 1 ? "" : "s"} at other tracks' rounds stay in its history and count nowhere.` : "";
  return { ok: true, message: `${result.changed ? "" : "Unchanged: "}“${result.title}” is assessed at ${result.scope}.${outside}` };
});

export const setConfidentiality = guardedAction({ permission: "edit", schema: confidentialitySchema }, async (input, editor) => {
  const [kind] = input.target.split(":") as ["benchmark" | "subject", string];
  const item = await setConfidentialityCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  if (!item) {
    return { ok: true, message: "No longer confidential: its page, its benchmarks and its names in public texts are public again. Records hidden from the public in the list of texts stay hidden until an editor shows them again." };
  }
  const names = item.names.map((n) => `“${n}”`).join(", ");
  const n = item.textsNamingIt;
  return {
    ok: true,
    message:
      `Marked confidential. ${kind === "benchmark" ? "Its page, scores and figures" : "Its page, and every benchmark linked to it,"} left the public pages, the API and the exports, ` +
      `and ${kind === "benchmark" ? "its title" : `its names (${names})`} now show as “${NAME_WITHHELD}” in every public text, and a link whose address contains one as “${LINK_WITHHELD}”. ` +
      `${n} public ${n === 1 ? "text" : "texts"} named it: review ${n === 1 ? "it" : "them"} under Confidential names in public texts, and hide any record whose context still gives ${kind === "benchmark" ? "it" : "the person"} away. ` +
      "The marking does not change the stored texts (the workspace shows them as written), does not catch a description without these names or a spelling not listed here (add other names and spellings), " +
      "does not rewrite addresses (slugs) that contain a name, and cannot recall copies already downloaded, printed or kept elsewhere.",
  };
});
