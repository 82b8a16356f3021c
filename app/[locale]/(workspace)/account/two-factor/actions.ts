"use server";

import { ActionError, ownAccountAction } from "@/server/auth/guard";
import { confirmEnrolment, regenerateBackupCodes, startEnrolment, turnOffTwoFactor, type TwoFactorState } from "@/server/auth/two-factor";
import { actionTranslations } from "@/server/i18n/action-translations";
import type { Locale } from "@/lib/i18n/locales";
import { confirmEnrolmentSchema, confirmPasswordSchema } from "@/lib/validation/two-factor";
import en from "@/messages/en.json";

type RefusalKey = "wrongPassword" | "wrongCode" | "alreadyOn" | "notOn" | "sessionEnded" | "requiredOn";
/** server/auth/two-factor's refusals by their English text, to say them again in the page's language. */
const REFUSALS = new Map<string, RefusalKey>((["wrongPassword", "wrongCode", "alreadyOn", "notOn", "sessionEnded", "requiredOn"] as const).map((key) => [en.twoFactor.action[key], key]));

async function inLocale<T>(locale: Locale, work: (t: Awaited<ReturnType<typeof messages>>) => Promise<T>): Promise<T> {
  const t = await messages(locale);
  try {
    return await work(t);
  } catch (error) {
    if (locale === "en" || !(error instanceof ActionError)) throw error;
    const key = REFUSALS.get(error.message);
    const wait = /^Too many attempts\. Wait (\d+) minute\(s\)/.exec(error.message);
    throw key ? new ActionError(t(key)) : wait ? new ActionError(t("wait", { minutes: wait[1]! })) : error;
  }
}

const messages = (locale: Locale) => actionTranslations("twoFactor.action", locale);

export const startTwoFactorEnrolment = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user, { locale }): Promise<TwoFactorState> =>
  inLocale(locale, async (t) => {
    const enrolment = await startEnrolment(user, input.password);
    return { ok: true, message: t("scan"), enrolment };
  }),
);

export const confirmTwoFactorEnrolment = ownAccountAction({ schema: confirmEnrolmentSchema }, async (input, user, { locale }): Promise<TwoFactorState> =>
  inLocale(locale, async (t) => {
    const backupCodes = await confirmEnrolment(user, input.code);
    return { ok: true, message: t("on"), backupCodes };
  }),
);

export const regenerateTwoFactorBackupCodes = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user, { locale }): Promise<TwoFactorState> =>
  inLocale(locale, async (t) => {
    const backupCodes = await regenerateBackupCodes(user, input.password);
    return { ok: true, message: t("regenerated"), backupCodes };
  }),
);

export const turnOffTwoFactorSignIn = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user, { locale }) =>
  inLocale(locale, async (t) => {
    await turnOffTwoFactor(user, input.password);
    return { ok: true, message: t("off") };
  }),
);
