"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { setMinCoveragePercent } from "@/db/queries/publication-settings";
import { ConflictError, createDecision, getReviewBenchmark, getReviewRound, PreliminaryRefusedError, publishRound } from "@/db/queries/review";
import { rounds, tracks } from "@/db/schema";
import { AccountExistsError, createAccount, newAccountSchema } from "@/server/auth/accounts";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { isApplicable } from "@/lib/scoring";
import { deadlineSchema, decisionSchema, minCoverageSchema, newRoundSchema, publishSchema } from "@/lib/validation/editor";

export const createUserAccount = guardedAction({ permission: "manageUsers", schema: newAccountSchema }, async (input, editor) => {
  try {
    const account = await createAccount(input);
    recordAudit(getDb(), { userId: editor.id, action: "user.create", entity: "user", entityId: account.id, after: { email: account.email, role: account.role } });
  } catch (error) {
    if (error instanceof AccountExistsError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath("/editor/users");
  return { ok: true, message: `Created the ${input.role} account for ${input.email}. Give them the password by a safe channel.` };
});

export const createRound = guardedAction({ permission: "edit", schema: newRoundSchema }, async (input, editor) => {
  const db = getDb();
  const track = db.select({ id: tracks.id }).from(tracks).where(eq(tracks.slug, input.trackSlug)).get();
  if (!track) throw new ActionError("Choose an existing track.");
  if (db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.slug)).get()) throw new ActionError(`A round called “${input.slug}” already exists.`);
  db.transaction((tx) => {
    const { trackSlug: _track, ...values } = input;
    const [row] = tx.insert(rounds).values({ ...values, trackId: track.id }).returning({ id: rounds.id }).all();
    recordAudit(tx, { userId: editor.id, action: "round.create", entity: "round", entityId: row!.id, after: input });
  });
  revalidatePath("/editor");
  return { ok: true, message: `Created the round ${input.name}.` };
});

export const setScoringDeadline = guardedAction({ permission: "edit", schema: deadlineSchema }, async (input, editor) => {
  const round = getReviewRound(input.roundSlug);
  if (!round) throw new ActionError("No such round.");
  getDb().transaction((tx) => {
    tx.update(rounds).set({ scoringDeadline: input.scoringDeadline }).where(eq(rounds.id, round.id)).run();
    recordAudit(tx, { userId: editor.id, action: "round.deadline", entity: "round", entityId: round.id, before: { scoringDeadline: round.scoringDeadline }, after: { scoringDeadline: input.scoringDeadline } });
  });
  revalidatePath("/editor");
  return { ok: true, message: input.scoringDeadline ? `Scoring for ${round.name} closes on ${input.scoringDeadline}.` : `Removed the deadline of ${round.name}.` };
});

export const decideDisagreement = guardedAction({ permission: "publish", schema: decisionSchema }, async (input, editor) => {
  const round = getReviewRound(input.roundSlug);
  const benchmark = getReviewBenchmark(input.benchmarkSlug);
  if (!round || !benchmark) throw new ActionError("No such round or benchmark.");
  if (!isApplicable(benchmark, round)) throw new ActionError("This benchmark does not apply at this round. Nothing was saved.");
  try {
    createDecision({ benchmarkId: benchmark.id, roundId: round.id, editorId: editor.id, stands: input.choice, note: input.note, expectedDecisionId: input.expectedDecisionId });
  } catch (error) {
    if (error instanceof ConflictError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath(`/editor/rounds/${round.slug}`);
  return {
    ok: true,
    message: `${input.expectedDecisionId ? "Decision revised; the earlier one stays in the history" : "Decision recorded"}. It counts when you publish the round${round.publishedAt ? " again" : ""}.`,
  };
});

export const publishRoundScores = guardedAction({ permission: "publish", schema: publishSchema }, async (input, editor) => {
  const round = getReviewRound(input.roundSlug);
  if (!round) throw new ActionError("No such round.");
  let result;
  try {
    result = publishRound(round.id, editor.id, undefined, { acceptPreliminary: input.acceptPreliminary });
  } catch (error) {
    if (error instanceof PreliminaryRefusedError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: `Published ${round.name}: ${result.published} scores (${result.changed} new or changed); ${result.withheld} withheld until reviewers agree or you decide.${result.preliminary ? " Its figures are marked preliminary." : ""}`,
  };
});

export const setMinCoverage = guardedAction({ permission: "publish", schema: minCoverageSchema }, async (input, editor) => {
  const { before, after } = setMinCoveragePercent(input.minCoveragePercent, editor.id);
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: before === after ? `The threshold stays at ${after}%.` : `Rounds with less than ${after}% of their benchmarks judged are now marked preliminary (was ${before}%).`,
  };
});
