"use server";

import { formatScope } from "@/lib/format";
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
  if (error instanceof ScopeError || error instanceof ConfidentialityError) throw new ActionError(localizeRefusal(error, await actionLocale()));
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

export const setScope = guardedAction({ permission: "edit", schema: benchmarkScopeSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action", locale);
  const result = await setBenchmarkScope(getDb(), input, editor.id).catch(refused);
  refresh();
  const outside = result.outside > 0 ? t("scopeOutside", { count: result.outside }) : "";
  return { ok: true, message: `${t(result.changed ? "scopeSet" : "scopeUnchanged", { title: result.title, scope: formatScope(result.trackNames, locale) })}${outside}` };
});

export const setConfidentiality = guardedAction({ permission: "edit", schema: confidentialitySchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("referencePage.action.confidentiality", locale);
  const [kind] = input.target.split(":") as ["benchmark" | "subject", string];
  const item = await setConfidentialityCommand(getDb(), input, editor.id).catch(refused);
  refresh();
  if (!item) return { ok: true, message: t("off") };
  const names = item.names.map((n) => `“${n}”`).join(t("separator"));
  const withheld = { name: NAME_WITHHELD, link: LINK_WITHHELD, names, count: item.textsNamingIt };
  const message =
    kind === "benchmark"
      ? `${t("benchmarkLeft", withheld)}${t("benchmarkTexts", withheld)}${t("limits")}`
      : `${t("subjectLeft", withheld)}${t("subjectTexts", withheld)}${t("limits")}`;
  return { ok: true, message };
});
