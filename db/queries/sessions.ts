import "server-only";
// A person's own sessions, for the account page. Never the token: the page names a session by its id,
// which better-auth never accepts in place of the cookie.
import { and, desc, eq, gt } from "drizzle-orm";
import type { Executor } from "../transaction";
import { sessions } from "../schema";

export interface OwnSession {
  id: string;
  createdAt: Date;
  /** When better-auth last extended it (at most once a day of use), or its sign-in. */
  updatedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  /** Recorded only when TRUST_PROXY says which address the client has (better-auth writes "" otherwise). */
  ipAddress: string | null;
}

/** The account's sessions that have not expired, the most recent sign-in first. */
export async function listOwnSessions(db: Executor, userId: string, now = new Date()): Promise<OwnSession[]> {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, updatedAt: sessions.updatedAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ipAddress: sessions.ipAddress })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}
