"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { addBenchmarkSource, createBenchmarkFromDemand, createStatement, StatementError, type ConfirmedCandidate } from "@/db/commands/statements";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { addSourceSchema, confirmDemandSchema, newStatementSchema } from "@/lib/validation/statement";

async function asActionError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementError) throw new ActionError(error.message);
    throw error;
  }
}

/** Says where a confirmed candidate went, and that a repeat of the same confirmation changed nothing. */
function confirmedMessage(result: ConfirmedCandidate, createdText: string): string {
  const where = result.reviewState === "approved" ? `/benchmarks/${result.benchmarkSlug}` : `/benchmarks/${result.benchmarkSlug} once an editor approves it`;
  if (!result.created) return `This candidate was already confirmed: “${result.benchmarkTitle}” (${where}). Nothing new was created.`;
  return `${createdText} “${result.benchmarkTitle}”${result.reviewState === "approved" ? "" : " as a draft for an editor to approve"} (${where}).`;
}

export const addStatement = guardedAction({ permission: "propose", schema: newStatementSchema }, async (input, user) => {
  const slug = await asActionError(() => createStatement(getDb(), input, user));
  revalidatePath("/", "layout");
  redirect(`/review/statements/${slug}`);
});

export const confirmDemand = guardedAction({ permission: "propose", schema: confirmDemandSchema }, async (input, user) => {
  const result = await asActionError(() => createBenchmarkFromDemand(getDb(), input, user));
  revalidatePath("/", "layout");
  return { ok: true, message: confirmedMessage(result, "Created the benchmark") };
});

export const addDemandToBenchmark = guardedAction({ permission: "propose", schema: addSourceSchema }, async (input, user) => {
  const result = await asActionError(() => addBenchmarkSource(getDb(), input, user));
  revalidatePath("/", "layout");
  return { ok: true, message: confirmedMessage(result, "Added this statement as a further source of") };
});
