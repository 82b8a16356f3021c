"use server";

import { revalidatePath } from "next/cache";
import { approveDraft, DraftError, editDraftBenchmark, editDraftStatement, mergeDraftBenchmark, rejectDraft } from "@/db/queries/drafts";
import { StatementError } from "@/db/queries/statements";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { approveDraftSchema, editDraftBenchmarkSchema, editDraftStatementSchema, mergeDraftSchema, rejectDraftSchema } from "@/lib/validation/drafts";

function decided(work: () => string) {
  try {
    const message = work();
    revalidatePath("/", "layout");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof DraftError || error instanceof StatementError) throw new ActionError(error.message);
    throw error;
  }
}

export const approveDraftItem = guardedAction({ permission: "reviewDrafts", schema: approveDraftSchema }, async (input, editor) => decided(() => approveDraft(input.target, editor.id)));

export const rejectDraftItem = guardedAction({ permission: "reviewDrafts", schema: rejectDraftSchema }, async (input, editor) => decided(() => rejectDraft(input.target, input.reason, editor.id)));

export const editStatementDraft = guardedAction({ permission: "reviewDrafts", schema: editDraftStatementSchema }, async (input, editor) => decided(() => editDraftStatement(input, editor.id)));

export const editBenchmarkDraft = guardedAction({ permission: "reviewDrafts", schema: editDraftBenchmarkSchema }, async (input, editor) => decided(() => editDraftBenchmark(input, editor.id)));

export const mergeBenchmarkDraft = guardedAction({ permission: "reviewDrafts", schema: mergeDraftSchema }, async (input, editor) => decided(() => mergeDraftBenchmark(input, editor.id)));
