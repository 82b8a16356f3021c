// Accounts as the app reads them. No "server-only" marker: the user:create command and first-start
// set-up (server/auth/accounts.ts, first-editor.ts) read them outside the app too.
import { and, asc, eq } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import type { Executor } from "../transaction";
import { users } from "../schema";

/** People who can score: every real (non-demo) account, editors included. Never the password or session data. */
export async function listActiveReviewers(db: Executor): Promise<Array<{ id: string; name: string; role: Role }>> {
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.isDemo, false)).orderBy(asc(users.name));
}

export async function listAccounts(db: Executor): Promise<Array<{ id: string; name: string; email: string; role: Role; createdAt: Date }>> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.isDemo, false))
    .orderBy(asc(users.role), asc(users.name));
}

/** The account a session belongs to, read fresh so that a changed role takes effect at once. */
export async function getAccountForSession(db: Executor, userId: string): Promise<{ id: string; email: string; name: string; role: Role; isDemo: boolean } | undefined> {
  return db.select({ id: users.id, email: users.email, name: users.name, role: users.role, isDemo: users.isDemo }).from(users).where(eq(users.id, userId)).get();
}

/** Whether an account (demo or real) already uses this address. */
export async function accountExistsForEmail(db: Executor, email: string): Promise<boolean> {
  return !!(await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get());
}

/** Whether a real (non-demo) editor exists: first-start set-up creates one only if not. */
export async function hasRealEditor(db: Executor): Promise<boolean> {
  return !!(await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "editor"), eq(users.isDemo, false)))
    .get());
}
