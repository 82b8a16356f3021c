"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { AccountChangeError, deactivateAccount, reactivateAccount, recordAccountCreated, setAccountRole } from "@/db/commands/accounts";
import { setMinCoveragePercent } from "@/db/commands/publication-settings";
import { setTwoFactorRequired } from "@/db/commands/security-settings";
import { createRound as createRoundCommand, ReferenceDataError, setScoringDeadline as setScoringDeadlineCommand } from "@/db/commands/reference";
import { createDecision } from "@/db/commands/decisions";
import { PreliminaryRefusedError, publishRound } from "@/db/commands/publishing";
import { ConflictError } from "@/db/commands/review";
import { getReviewBenchmark, getReviewRound } from "@/db/queries/review";
import { AccountExistsError, createAccount, newAccountSchema } from "@/server/auth/accounts";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { issuePasswordResetLink } from "@/server/auth/password-reset";
import { isApplicable } from "@/lib/scoring";
import { accountResetSchema, accountRoleSchema, accountTargetSchema } from "@/lib/validation/account";
import { twoFactorRequirementSchema } from "@/lib/validation/two-factor";
import { deadlineSchema, decisionSchema, minCoverageSchema, newRoundSchema, publishSchema } from "@/lib/validation/editor";

/** A refusal the command explains in words for the form. */
function refused(error: unknown): never {
  if (error instanceof ReferenceDataError || error instanceof AccountExistsError || error instanceof AccountChangeError) throw new ActionError(error.message);
  throw error;
}

export const createUserAccount = guardedAction({ permission: "manageUsers", schema: newAccountSchema }, async (input, editor) => {
  await createAccount(input, (tx, account) => recordAccountCreated(tx, editor.id, account)).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: `Created the ${input.role} account for ${input.email}. Give them the password by a safe channel.` };
});

export const deactivateUserAccount = guardedAction({ permission: "manageUsers", schema: accountTargetSchema }, async (input, editor) => {
  const account = await deactivateAccount(getDb(), editor.id, input.userId).catch(refused);
  revalidatePath("/editor/users");
  const ended = account.sessionsEnded === 1 ? "1 session" : `${account.sessionsEnded} sessions`;
  return { ok: true, message: `Deactivated ${account.name} (${account.email}): ${ended} ended, and sign-in is refused until you reactivate the account.` };
});

export const reactivateUserAccount = guardedAction({ permission: "manageUsers", schema: accountTargetSchema }, async (input, editor) => {
  const account = await reactivateAccount(getDb(), editor.id, input.userId).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: `Reactivated ${account.name} (${account.email}): they can sign in again with their password.` };
});

export const changeUserRole = guardedAction({ permission: "manageUsers", schema: accountRoleSchema }, async (input, editor) => {
  const account = await setAccountRole(getDb(), editor.id, input.userId, input.role).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: `${account.name} is now ${input.role === "editor" ? "an editor" : "a reviewer"} (was ${account.before}), from their next request.` };
});

export const issuePasswordReset = guardedAction({ permission: "manageUsers", schema: accountResetSchema }, async (input, editor) => {
  const link = await issuePasswordResetLink(editor.id, input.userId).catch(refused);
  // The link is in this answer only (the database keeps a hash of it): it is shown this once.
  const until = `${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const mail = !link.emailed
    ? "Pass it on by a safe channel"
    : link.emailed.sent
      ? `It was also sent to ${link.emailed.to}`
      : `Sending it to ${link.emailed.to} failed (${link.emailed.error}), so pass it on by a safe channel; the link is valid`;
  return { ok: true, message: `Reset link for ${link.name} (${link.email}), usable once until ${until}. ${mail}; it is not shown again: ${link.url}` };
});

export const setTwoFactorRequirement = guardedAction({ permission: "manageUsers", schema: twoFactorRequirementSchema }, async (input, editor) => {
  const { before, after } = await setTwoFactorRequired(getDb(), input.requireTwoFactor, editor.id);
  revalidatePath("/editor/users");
  if (before === after) return { ok: true, message: after ? "Two-factor sign-in was already required for every account." : "Two-factor sign-in was already optional." };
  return {
    ok: true,
    message: after
      ? `Two-factor sign-in is now required: every account without it is sent to set it up on its next request, and can do nothing else until it has${editor.twoFactorEnabled === false ? " (yours too: you are sent there now)" : ""}.`
      : "Two-factor sign-in is now optional; accounts that have it keep it.",
  };
});

export const createRound = guardedAction({ permission: "edit", schema: newRoundSchema }, async (input, editor) => {
  await createRoundCommand(getDb(), input, editor.id).catch(refused);
  revalidatePath("/editor");
  return { ok: true, message: `Created the round ${input.name}.` };
});

export const setScoringDeadline = guardedAction({ permission: "edit", schema: deadlineSchema }, async (input, editor) => {
  const { roundName } = await setScoringDeadlineCommand(getDb(), input, editor.id).catch(refused);
  revalidatePath("/editor");
  return { ok: true, message: input.scoringDeadline ? `Scoring for ${roundName} closes on ${input.scoringDeadline}.` : `Removed the deadline of ${roundName}.` };
});

export const decideDisagreement = guardedAction({ permission: "publish", schema: decisionSchema }, async (input, editor) => {
  const round = await getReviewRound(getDb(), input.roundSlug);
  const benchmark = await getReviewBenchmark(getDb(), input.benchmarkSlug);
  if (!round || !benchmark) throw new ActionError("No such round or benchmark.");
  if (!isApplicable(benchmark, round)) throw new ActionError("This benchmark does not apply at this round. Nothing was saved.");
  try {
    await createDecision(getDb(), { benchmarkId: benchmark.id, roundId: round.id, editorId: editor.id, stands: input.choice, note: input.note, expectedDecisionId: input.expectedDecisionId });
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
  const round = await getReviewRound(getDb(), input.roundSlug);
  if (!round) throw new ActionError("No such round.");
  let result;
  try {
    result = await publishRound(getDb(), round.id, editor.id, { acceptPreliminary: input.acceptPreliminary, note: input.note });
  } catch (error) {
    if (error instanceof PreliminaryRefusedError) throw new ActionError(error.message);
    throw error;
  }
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: `Published ${round.name}: ${result.published} scores (${result.changed} new or changed); ${result.withheld} withheld until reviewers agree or you decide.${result.preliminary ? " Its figures are marked preliminary." : ""} This is release ${result.release}.`,
  };
});

export const setMinCoverage = guardedAction({ permission: "publish", schema: minCoverageSchema }, async (input, editor) => {
  const { before, after } = await setMinCoveragePercent(getDb(), input.minCoveragePercent, editor.id);
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: before === after ? `The threshold stays at ${after}%.` : `Rounds with less than ${after}% of their benchmarks judged are now marked preliminary (was ${before}%).`,
  };
});
