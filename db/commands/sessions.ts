// Sessions are written by better-auth; this only shortens them. No "server-only" here: the auth
// instance that calls it is also built by the command-line scripts.
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { deviceInWords, summariseUserAgent, type DeviceSummary } from "@/lib/user-agent";
import en from "@/messages/en.json";
import { changedRows } from "../dialect";
import { transaction, type Executor } from "../transaction";
import { sessions, verifications } from "../schema";
import { recordAudit } from "./audit";

/** A refusal explained in words for the account page; nothing was written. */
export class SessionChangeError extends Error {}

/** Ends every session at most `maxAgeMs` after it began, including those made under a longer lifetime; returns how many were shortened. */
export async function capSessionLifetimes(db: Executor, maxAgeMs: number): Promise<number> {
  const latest = sql`${sessions.createdAt} + ${maxAgeMs}`;
  const result = await db.update(sessions).set({ expiresAt: latest }).where(gt(sessions.expiresAt, latest));
  return changedRows(result);
}

/**
 * Withdraws the password-reset links still outstanding for an account (a deactivation): better-auth
 * keeps a reset link as a verification row whose value is the account's id, its token only hashed.
 */
export async function withdrawResetLinksOf(db: Executor, userId: string): Promise<number> {
  const result = await db.delete(verifications).where(eq(verifications.value, userId));
  return changedRows(result);
}

/** Ends every session of an account at once (a deactivation): its cookies then name no session. Returns how many ended. */
export async function endSessionsOf(db: Executor, userId: string): Promise<number> {
  const result = await db.delete(sessions).where(eq(sessions.userId, userId));
  return changedRows(result);
}

/**
 * Ends one of a person's own other sessions: that browser's next request finds no session. Looked up by
 * id and owner together, so an id of someone else's session is "no such session" and ends nothing.
 */
/** The audit log keeps a device in English words, as it keeps every other record. */
const englishDevice = createTranslator({ locale: "en", messages: en, namespace: "account.sessions.device" });

export async function endOwnSession(db: Executor, userId: string, sessionId: string, currentSessionId: string): Promise<{ device: DeviceSummary }> {
  if (sessionId === currentSessionId) throw new SessionChangeError("That is this browser's session: use Sign out to end it. Nothing was changed.");
  return transaction(db, async (tx) => {
    const [session] = await tx
      .select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
    if (!session) throw new SessionChangeError("No such session: it may have ended or expired already. Nothing was changed.");
    await tx.delete(sessions).where(and(eq(sessions.id, session.id), eq(sessions.userId, userId)));
    const device = summariseUserAgent(session.userAgent);
    await recordAudit(tx, { userId, action: "session.end", entity: "user", entityId: userId, before: { device: deviceInWords(device, englishDevice), signedInAt: session.createdAt.toISOString() } });
    return { device };
  });
}

/** Ends every session of a person but the one asking ("sign out everywhere else"); returns how many ended. */
export async function endOtherSessions(db: Executor, userId: string, currentSessionId: string): Promise<number> {
  return transaction(db, async (tx) => {
    const result = await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)));
    if (changedRows(result) === 0) throw new SessionChangeError("No other session is open: this browser is the only one signed in. Nothing was changed.");
    await recordAudit(tx, { userId, action: "session.end-others", entity: "user", entityId: userId, after: { sessionsEnded: changedRows(result) } });
    return changedRows(result);
  });
}
