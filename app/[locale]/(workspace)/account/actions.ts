"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { endOtherSessions, endOwnSession as endOwnSessionCommand, SessionChangeError } from "@/db/commands/sessions";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { getCurrentSessionId } from "@/server/auth/session";
import { endOtherSessionsSchema, endSessionSchema } from "@/lib/validation/account";

/** The session this request came with; the guard has just found one, so its absence means it ended meanwhile. */
async function currentSession(): Promise<string> {
  const id = await getCurrentSessionId();
  if (!id) throw new ActionError("Your session has ended. Sign in and try again.");
  return id;
}

function refused(error: unknown): never {
  if (error instanceof SessionChangeError) throw new ActionError(error.message);
  throw error;
}

// Only ever the caller's own sessions: the command looks a session up by its id and the caller's id together.
export const endOwnSession = guardedAction({ permission: "ownAccount", schema: endSessionSchema }, async (input, user) => {
  const { device } = await endOwnSessionCommand(getDb(), user.id, input.sessionId, await currentSession()).catch(refused);
  revalidatePath("/account");
  return { ok: true, message: `Ended the session on ${device}: that browser is signed out at its next click.` };
});

export const signOutEverywhereElse = guardedAction({ permission: "ownAccount", schema: endOtherSessionsSchema }, async (_input, user) => {
  const ended = await endOtherSessions(getDb(), user.id, await currentSession()).catch(refused);
  revalidatePath("/account");
  return { ok: true, message: `Signed out everywhere else: ${ended === 1 ? "1 other session" : `${ended} other sessions`} ended. This browser stays signed in.` };
});
