"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { decideRedaction as recordDecision } from "@/db/commands/confidentiality";
import { RedactionError } from "@/db/queries/confidential-texts";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { redactionDecisionSchema } from "@/lib/validation/editor";

/** An editor's decision on a public text that names a confidential item (see /editor/confidential-texts). */
export const decideRedaction = guardedAction({ permission: "edit", schema: redactionDecisionSchema }, async (input, editor) => {
  let message: string;
  try {
    message = await recordDecision(getDb(), input, editor.id);
  } catch (error) {
    if (error instanceof RedactionError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath("/", "layout");
  return { ok: true, message };
});
