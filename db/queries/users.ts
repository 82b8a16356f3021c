// Accounts as the app reads them. No "server-only" marker: the user:create command and first-start
// set-up (server/auth/accounts.ts, first-editor.ts) read them outside the app too.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import type { Executor } from "../transaction";
import { users } from "../schema";
import { firstRow } from "../dialect";

/** People who can score: every real (non-demo) account that is not deactivated, editors included. Never the password or session data. */
export async function listActiveReviewers(db: Executor): Promise<Array<{ id: string; name: string; role: Role }>> {
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(eq(users.isDemo, false), isNull(users.deactivatedAt))).orderBy(asc(users.name));
}

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  deactivatedAt: Date | null;
}

/** The users page's list: each account with whether it has two-factor sign-in on. */
export async function listAccounts(db: Executor): Promise<Array<AccountSummary & { twoFactorEnabled: boolean }>> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt, twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.isDemo, false))
    .orderBy(asc(users.role), asc(users.name));
}

/** The account a session belongs to, read fresh on every request so that a changed role or a deactivation takes effect at once. */
export async function getAccountForSession(
  db: Executor,
  userId: string,
): Promise<{ id: string; email: string; name: string; role: Role; isDemo: boolean; deactivatedAt: Date | null; twoFactorEnabled: boolean } | undefined> {
  return await firstRow(db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, isDemo: users.isDemo, deactivatedAt: users.deactivatedAt, twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1));
}

/** A real (non-demo) account by its address, as the command-line tools name it; demo accounts cannot be managed. */
export async function getAccountByEmail(db: Executor, email: string): Promise<AccountSummary | undefined> {
  return await firstRow(db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.isDemo, false)))
    .limit(1));
}

/** A real (non-demo) account by id, with what an editor may change about it. */
export async function getManagedAccount(db: Executor, userId: string): Promise<AccountSummary | undefined> {
  return await firstRow(db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDemo, false)))
    .limit(1));
}

/** Whether a real, active editor other than `userId` exists: the last one may not be deactivated or demoted, or nobody could manage accounts. */
export async function hasOtherActiveEditor(db: Executor, userId: string): Promise<boolean> {
  return !!(await firstRow(db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "editor"), eq(users.isDemo, false), isNull(users.deactivatedAt), ne(users.id, userId)))
    .limit(1)));
}

/** Whether an account (demo or real) already uses this address. */
export async function accountExistsForEmail(db: Executor, email: string): Promise<boolean> {
  return !!(await firstRow(db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)));
}

/** Whether a real (non-demo) editor exists: first-start set-up creates one only if not. */
export async function hasRealEditor(db: Executor): Promise<boolean> {
  return !!(await firstRow(db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "editor"), eq(users.isDemo, false)))
    .limit(1)));
}
