// Sessions are written by better-auth; this only shortens them. No "server-only" here: the auth
// instance that calls it is also built by the command-line scripts.
import { eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../transaction";
import { sessions, verifications } from "../schema";

/** Ends every session at most `maxAgeMs` after it began, including those made under a longer lifetime; returns how many were shortened. */
export async function capSessionLifetimes(db: Executor, maxAgeMs: number): Promise<number> {
  const latest = sql`${sessions.createdAt} + ${maxAgeMs}`;
  const result = await db.update(sessions).set({ expiresAt: latest }).where(gt(sessions.expiresAt, latest));
  return result.changes;
}

/**
 * Withdraws the password-reset links still outstanding for an account (a deactivation): better-auth
 * keeps a reset link as a verification row whose value is the account's id, its token only hashed.
 */
export async function withdrawResetLinksOf(db: Executor, userId: string): Promise<number> {
  const result = await db.delete(verifications).where(eq(verifications.value, userId));
  return result.changes;
}

/** Ends every session of an account at once (a deactivation): its cookies then name no session. Returns how many ended. */
export async function endSessionsOf(db: Executor, userId: string): Promise<number> {
  const result = await db.delete(sessions).where(eq(sessions.userId, userId));
  return result.changes;
}
