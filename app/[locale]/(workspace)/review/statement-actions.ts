"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createSubject, ReferenceDataError } from "@/db/commands/reference";
import { addBenchmarkSource, createBenchmarkFromDemand, createStatement, StatementError, type ConfirmedCandidate } from "@/db/commands/statements";
import { findSubjectNamed, freeSubjectSlug } from "@/db/queries/extraction-context";
import { getStatementForReview } from "@/db/queries/statements";
import { can } from "@/lib/permissions";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { actionLocale } from "@/server/i18n/action-locale";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeRefusal } from "@/server/i18n/refusals";
import { addSourceSchema, confirmDemandSchema, confirmNewSubjectSchema, newStatementSchema } from "@/lib/validation/statement";

async function asActionError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementError || error instanceof ReferenceDataError) throw new ActionError(localizeRefusal(error, await actionLocale()));
    throw error;
  }
}

/** Says where a confirmed candidate went, and that a repeat of the same confirmation changed nothing. */
async function confirmedMessage(result: ConfirmedCandidate, created: "created" | "addedSource", locale: Locale): Promise<string> {
  const t = await actionTranslations("statementReview.action", locale);
  const path = localizedPath(locale, `/benchmarks/${result.benchmarkSlug}`);
  const where = result.reviewState === "approved" ? path : t("whereLater", { path });
  if (!result.created) return t("already", { title: result.benchmarkTitle, where });
  return t(created, { title: result.benchmarkTitle, draft: result.reviewState === "approved" ? "" : t("asDraft"), where });
}

export const addStatement = guardedAction({ permission: "propose", schema: newStatementSchema }, async (input, user, { locale }) => {
  const slug = await asActionError(() => createStatement(getDb(), input, user));
  revalidatePath("/", "layout");
  redirect(localizedPath(locale, `/review/statements/${slug}`));
});

export const confirmDemand = guardedAction({ permission: "propose", schema: confirmDemandSchema }, async (input, user, { locale }) => {
  const result = await asActionError(() => createBenchmarkFromDemand(getDb(), input, user));
  revalidatePath("/", "layout");
  return { ok: true, message: await confirmedMessage(result, "created", locale) };
});

export const addDemandToBenchmark = guardedAction({ permission: "propose", schema: addSourceSchema }, async (input, user, { locale }) => {
  const result = await asActionError(() => addBenchmarkSource(getDb(), input, user));
  revalidatePath("/", "layout");
  return { ok: true, message: await confirmedMessage(result, "addedSource", locale) };
});

/**
 * A person the extractor found in a statement, confirmed by a reviewer as a new subject through the
 * subject command (audited as subject.create). A reviewer's stays confidential — on no public page,
 * its name withheld from public texts — until an editor clears it; an editor may make it public at once.
 */
export const confirmNewSubject = guardedAction({ permission: "propose", schema: confirmNewSubjectSchema }, async (input, user, { locale }) => {
  const t = await actionTranslations("statementReview.action", locale);
  const db = getDb();
  const statement = await getStatementForReview(db, input.statementSlug);
  if (!statement) throw new ActionError(t("noStatement"));
  if (statement.reviewState === "rejected") throw new ActionError(t("rejected"));
  const existing = await findSubjectNamed(db, input.name, input.nameZh);
  if (existing) return { ok: true, message: t("personExists", { name: existing.name, slug: existing.slug }) };
  const confidential = !(input.makePublic && can(user, "edit"));
  const slug = await freeSubjectSlug(db, input.name);
  await asActionError(() => createSubject(db, { kind: "person", slug, name: input.name, nameZh: input.nameZh, role: input.role, article: null, description: "", confidential }, user.id));
  revalidatePath("/", "layout");
  return { ok: true, message: t("personAdded", { name: input.name, confidential: confidential ? t("personConfidential") : "" }) };
});
