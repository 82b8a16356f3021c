"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { EditConflictError } from "@/db/commands/record-edits";
import { editBenchmark, editStatement, mergeBenchmarks, RecordEditError } from "@/db/commands/record-edits-statements";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { editBenchmarkSchema, editStatementSchema, mergeBenchmarkSchema } from "@/lib/validation/records-statements";

/** A refusal the command explains in words (a stale form included): the form shows it and keeps what was sent. */
function refused(error: unknown): never {
  if (error instanceof RecordEditError || error instanceof EditConflictError) throw new ActionError(error.message);
  throw error;
}

// Public pages show a correction at once (they are rendered per request; cached figures follow the data version).
const refresh = () => revalidatePath("/", "layout");

export const editStatementRecord = guardedAction({ permission: "edit", schema: editStatementSchema }, async (input, editor) => {
  const { message } = await editStatement(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message };
});

export const editBenchmarkRecord = guardedAction({ permission: "edit", schema: editBenchmarkSchema }, async (input, editor) => {
  const { message } = await editBenchmark(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message };
});

export const mergeBenchmarkRecord = guardedAction({ permission: "edit", schema: mergeBenchmarkSchema }, async (input, editor) => {
  const { message } = await mergeBenchmarks(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message };
});
