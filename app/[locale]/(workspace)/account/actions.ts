"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { endOtherSessions, endOwnSession as endOwnSessionCommand, SessionChangeError } from "@/db/commands/sessions";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { getCurrentSessionId } from "@/server/auth/session";
import { endOtherSessionsSchema, endSessionSchema } from "@/lib/validation/account";
import type { Locale } from "@/lib/i18n/locales";
import { actionTranslations } from "@/server/i18n/action-translations";
import { deviceInWords } from "@/lib/user-agent";
import en from "@/messages/en.json";

type Messages = Awaited<ReturnType<typeof accountMessages>>;
const accountMessages = (locale: Locale) => actionTranslations("account.action", locale);

/** The session commands' refusals, said again in the page's language (found by their English text). */
const REFUSALS = new Map<string, "thisSession" | "noSuchSession" | "noOtherSession">([
  [en.account.action.thisSession, "thisSession"],
  [en.account.action.noSuchSession, "noSuchSession"],
  [en.account.action.noOtherSession, "noOtherSession"],
]);

/** The session this request came with; the guard has just found one, so its absence means it ended meanwhile. */
async function currentSession(t: Messages): Promise<string> {
  const id = await getCurrentSessionId();
  if (!id) throw new ActionError(t("sessionEnded"));
  return id;
}

function refusedWith(t: Messages) {
  return (error: unknown): never => {
    if (error instanceof SessionChangeError) {
      const key = REFUSALS.get(error.message);
      throw new ActionError(key ? t(key) : error.message);
    }
    throw error;
  };
}

// Only ever the caller's own sessions: the command looks a session up by its id and the caller's id together.
export const endOwnSession = guardedAction({ permission: "ownAccount", schema: endSessionSchema }, async (input, user, { locale }) => {
  const t = await accountMessages(locale);
  const { device } = await endOwnSessionCommand(getDb(), user.id, input.sessionId, await currentSession(t)).catch(refusedWith(t));
  revalidatePath("/account");
  const tDevice = await actionTranslations("account.sessions.device", locale);
  return { ok: true, message: t("endedOne", { device: deviceInWords(device, tDevice) }) };
});

export const signOutEverywhereElse = guardedAction({ permission: "ownAccount", schema: endOtherSessionsSchema }, async (_input, user, { locale }) => {
  const t = await accountMessages(locale);
  const ended = await endOtherSessions(getDb(), user.id, await currentSession(t)).catch(refusedWith(t));
  revalidatePath("/account");
  return { ok: true, message: t("endedOthers", { count: ended }) };
});
