"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { approveDraft, DraftError, editDraftBenchmark, editDraftStatement, mergeDraftBenchmark, rejectDraft } from "@/db/commands/drafts";
import { StatementError } from "@/db/commands/statements";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { actionLocale } from "@/server/i18n/action-locale";
import { localizeDraftMessage, localizeRefusal } from "@/server/i18n/refusals";
import { approveDraftSchema, editDraftBenchmarkSchema, editDraftStatementSchema, mergeDraftSchema, rejectDraftSchema } from "@/lib/validation/drafts";

async function decided(work: () => Promise<string>) {
  const locale = await actionLocale();
  try {
    const message = await work();
    revalidatePath("/", "layout");
    return { ok: true, message: localizeDraftMessage(message, locale) };
  } catch (error) {
    if (error instanceof DraftError || error instanceof StatementError) throw new ActionError(localizeRefusal(error, locale));
    throw error;
  }
}

export const approveDraftItem = guardedAction({ permission: "reviewDrafts", schema: approveDraftSchema }, async (input, editor) => decided(() => approveDraft(getDb(), input.target, editor.id)));

export const rejectDraftItem = guardedAction({ permission: "reviewDrafts", schema: rejectDraftSchema }, async (input, editor) => decided(() => rejectDraft(getDb(), input.target, input.reason, editor.id)));

export const editStatementDraft = guardedAction({ permission: "reviewDrafts", schema: editDraftStatementSchema }, async (input, editor) => decided(() => editDraftStatement(getDb(), input, editor.id)));

export const editBenchmarkDraft = guardedAction({ permission: "reviewDrafts", schema: editDraftBenchmarkSchema }, async (input, editor) => decided(() => editDraftBenchmark(getDb(), input, editor.id)));

export const mergeBenchmarkDraft = guardedAction({ permission: "reviewDrafts", schema: mergeDraftSchema }, async (input, editor) => decided(() => mergeDraftBenchmark(getDb(), input, editor.id)));
