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
import { addSourceSchema, confirmDemandSchema, confirmNewSubjectSchema, newStatementSchema } from "@/lib/validation/statement";

async function asActionError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementError || error instanceof ReferenceDataError) throw new ActionError(error.message);
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

/**
 * A person the extractor found in a statement, confirmed by a reviewer as a new subject through the
 * subject command (audited as subject.create). A reviewer's stays confidential — on no public page,
 * its name withheld from public texts — until an editor clears it; an editor may make it public at once.
 */
export const confirmNewSubject = guardedAction({ permission: "propose", schema: confirmNewSubjectSchema }, async (input, user) => {
  const db = getDb();
  const statement = await getStatementForReview(db, input.statementSlug);
  if (!statement) throw new ActionError("That statement does not exist.");
  if (statement.reviewState === "rejected") throw new ActionError("The statement was rejected: nothing more can be added from it.");
  const existing = await findSubjectNamed(db, input.name, input.nameZh);
  if (existing) return { ok: true, message: `“${existing.name}” is already in the database (${existing.slug}). Nothing new was created.` };
  const confidential = !(input.makePublic && can(user, "edit"));
  const slug = await freeSubjectSlug(db, input.name);
  await asActionError(() => createSubject(db, { kind: "person", slug, name: input.name, nameZh: input.nameZh, role: input.role, article: null, description: "", confidential }, user.id));
  revalidatePath("/", "layout");
  return { ok: true, message: `Added “${input.name}” as a new person${confidential ? ", confidential until an editor clears it" : ""}.` };
});
