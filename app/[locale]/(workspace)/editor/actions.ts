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
import { actionLocale } from "@/server/i18n/action-locale";
import { localizeRefusal } from "@/server/i18n/refusals";
import { issuePasswordResetLink } from "@/server/auth/password-reset";
import { isApplicable } from "@/lib/scoring";
import type { Role } from "@/lib/domain";
import type { Locale } from "@/lib/i18n/locales";
import { actionTranslations } from "@/server/i18n/action-translations";
import { accountResetSchema, accountRoleSchema, accountTargetSchema } from "@/lib/validation/account";
import { twoFactorRequirementSchema } from "@/lib/validation/two-factor";
import { deadlineSchema, decisionSchema, minCoverageSchema, newRoundSchema, publishSchema } from "@/lib/validation/editor";

/** A refusal the command explains in words for the form. */
async function refused(error: unknown): Promise<never> {
  if (error instanceof ReferenceDataError) throw new ActionError(localizeRefusal(error, await actionLocale()));
  if (error instanceof AccountExistsError || error instanceof AccountChangeError) throw new ActionError(error.message);
  throw error;
}

async function userMessages(locale: Locale) {
  const [t, tWorkspace] = await Promise.all([actionTranslations("users.action", locale), actionTranslations("workspace", locale)]);
  return { t, role: (role: Role) => tWorkspace(`role.${role}`) };
}

export const createUserAccount = guardedAction({ permission: "manageUsers", schema: newAccountSchema }, async (input, editor, { locale }) => {
  const { t, role } = await userMessages(locale);
  await createAccount(input, (tx, account) => recordAccountCreated(tx, editor.id, account)).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: t("created", { role: role(input.role), email: input.email }) };
});

export const deactivateUserAccount = guardedAction({ permission: "manageUsers", schema: accountTargetSchema }, async (input, editor, { locale }) => {
  const { t } = await userMessages(locale);
  const account = await deactivateAccount(getDb(), editor.id, input.userId).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: t("deactivated", { name: account.name, email: account.email, count: account.sessionsEnded }) };
});

export const reactivateUserAccount = guardedAction({ permission: "manageUsers", schema: accountTargetSchema }, async (input, editor, { locale }) => {
  const { t } = await userMessages(locale);
  const account = await reactivateAccount(getDb(), editor.id, input.userId).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: t("reactivated", { name: account.name, email: account.email }) };
});

export const changeUserRole = guardedAction({ permission: "manageUsers", schema: accountRoleSchema }, async (input, editor, { locale }) => {
  const { t, role } = await userMessages(locale);
  const account = await setAccountRole(getDb(), editor.id, input.userId, input.role).catch(refused);
  revalidatePath("/editor/users");
  return { ok: true, message: t("roleChanged", { name: account.name, role: input.role === "editor" ? t("asEditor") : t("asReviewer"), before: role(account.before) }) };
});

export const issuePasswordReset = guardedAction({ permission: "manageUsers", schema: accountResetSchema }, async (input, editor, { locale }) => {
  const { t } = await userMessages(locale);
  const link = await issuePasswordResetLink(editor.id, input.userId).catch(refused);
  // The link is in this answer only (the database keeps a hash of it): it is shown this once.
  const until = link.expiresAt.toISOString().slice(0, 16).replace("T", " ");
  const mail = !link.emailed ? t("passOn") : link.emailed.sent ? t("mailed", { to: link.emailed.to }) : t("mailFailed", { to: link.emailed.to, error: String(link.emailed.error) });
  return { ok: true, message: t("reset", { name: link.name, email: link.email, until, mail, url: link.url }) };
});

export const setTwoFactorRequirement = guardedAction({ permission: "manageUsers", schema: twoFactorRequirementSchema }, async (input, editor, { locale }) => {
  const { t } = await userMessages(locale);
  const { before, after } = await setTwoFactorRequired(getDb(), input.requireTwoFactor, editor.id);
  revalidatePath("/editor/users");
  if (before === after) return { ok: true, message: after ? t("alreadyRequired") : t("alreadyOptional") };
  return { ok: true, message: after ? t("nowRequired", { yours: editor.twoFactorEnabled === false ? t("yoursToo") : "" }) : t("nowOptional") };
});

export const createRound = guardedAction({ permission: "edit", schema: newRoundSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("editorHome.action", locale);
  await createRoundCommand(getDb(), input, editor.id).catch(refused);
  revalidatePath("/editor");
  return { ok: true, message: t("roundCreated", { name: input.name }) };
});

export const setScoringDeadline = guardedAction({ permission: "edit", schema: deadlineSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("editorHome.action", locale);
  const { roundName } = await setScoringDeadlineCommand(getDb(), input, editor.id).catch(refused);
  revalidatePath("/editor");
  return { ok: true, message: input.scoringDeadline ? t("deadlineSet", { name: roundName, date: input.scoringDeadline }) : t("deadlineRemoved", { name: roundName }) };
});

export const decideDisagreement = guardedAction({ permission: "publish", schema: decisionSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("roundPage.action", locale);
  const round = await getReviewRound(getDb(), input.roundSlug);
  const benchmark = await getReviewBenchmark(getDb(), input.benchmarkSlug);
  if (!round || !benchmark) throw new ActionError(t("noRoundOrBenchmark"));
  if (!isApplicable(benchmark, round)) throw new ActionError(t("notApplicable"));
  try {
    await createDecision(getDb(), { benchmarkId: benchmark.id, roundId: round.id, editorId: editor.id, stands: input.choice, note: input.note, expectedDecisionId: input.expectedDecisionId });
  } catch (error) {
    if (error instanceof ConflictError) throw new ActionError(localizeRefusal(error, locale));
    throw error;
  }
  revalidatePath(`/editor/rounds/${round.slug}`);
  const again = round.publishedAt !== null;
  const message = input.expectedDecisionId ? (again ? t("revisedAgain") : t("revised")) : again ? t("recordedAgain") : t("recorded");
  return { ok: true, message };
});

export const publishRoundScores = guardedAction({ permission: "publish", schema: publishSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("roundPage.action", locale);
  const round = await getReviewRound(getDb(), input.roundSlug);
  if (!round) throw new ActionError(t("noRound"));
  let result;
  try {
    result = await publishRound(getDb(), round.id, editor.id, { acceptPreliminary: input.acceptPreliminary, note: input.note });
  } catch (error) {
    if (error instanceof PreliminaryRefusedError || error instanceof ConflictError) throw new ActionError(localizeRefusal(error, locale));
    throw error;
  }
  revalidatePath("/", "layout");
  const published = t("published", { name: round.name, count: result.published, changed: result.changed, withheld: result.withheld });
  return { ok: true, message: `${published}${result.preliminary ? t("preliminary") : ""}${t("release", { release: result.release })}` };
});

export const setMinCoverage = guardedAction({ permission: "publish", schema: minCoverageSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("editorHome.action", locale);
  const { before, after } = await setMinCoveragePercent(getDb(), input.minCoveragePercent, editor.id);
  revalidatePath("/", "layout");
  return { ok: true, message: before === after ? t("thresholdKept", { after }) : t("thresholdChanged", { after, before }) };
});
