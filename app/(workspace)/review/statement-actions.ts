"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addBenchmarkSource, createBenchmarkFromDemand, createStatement, StatementError } from "@/db/queries/statements";
import { ActionError, guardedAction } from "@/lib/auth/guard";
import { addSourceSchema, confirmDemandSchema, newStatementSchema } from "@/lib/validation/statement";

const SIGNED_IN = ["reviewer", "editor"] as const;

function asActionError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StatementError) throw new ActionError(error.message);
    throw error;
  }
}

export const addStatement = guardedAction({ roles: SIGNED_IN, schema: newStatementSchema }, async (input, user) => {
  const slug = asActionError(() => createStatement(input, user.id));
  revalidatePath("/", "layout");
  redirect(`/review/statements/${slug}`);
});

export const confirmDemand = guardedAction({ roles: SIGNED_IN, schema: confirmDemandSchema }, async (input, user) => {
  const slug = asActionError(() => createBenchmarkFromDemand(input, user.id));
  revalidatePath("/", "layout");
  return { ok: true, message: `Created the benchmark “${input.title}” (/benchmarks/${slug}).` };
});

export const addDemandToBenchmark = guardedAction({ roles: SIGNED_IN, schema: addSourceSchema }, async (input, user) => {
  asActionError(() => addBenchmarkSource(input, user.id));
  revalidatePath("/", "layout");
  return { ok: true, message: "Added this statement as a further source of the benchmark." };
});
