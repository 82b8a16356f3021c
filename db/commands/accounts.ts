// Account changes and their audit entries. No "server-only" marker: the user:disable, user:enable and
// user:role commands (scripts/) run these same commands outside the app, for an editor locked out.
import { eq } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import { getManagedAccount, hasOtherActiveEditor } from "../queries/users";
import { users } from "../schema";
import { transaction, type Executor } from "../transaction";
import { recordAudit } from "./audit";
import { endSessionsOf, withdrawResetLinksOf } from "./sessions";

/** A refusal explained in words, for the form or the command line; nothing was written. */
export class AccountChangeError extends Error {}

/**
 * Who asks for an account change: an editor's id, or null for the command line (run by whoever holds
 * the server, and recorded as such in the audit log).
 */
export type AccountActor = string | null;

/**
 * The audit entry for an account an editor created. better-auth writes the account's rows
 * (server/auth/accounts.ts); this runs in the same transaction, so there is no account without it.
 */
export async function recordAccountCreated(db: Executor, editorId: string, account: { id: string; email: string; role: Role }): Promise<void> {
  await recordAudit(db, { userId: editorId, action: "user.create", entity: "user", entityId: account.id, after: { email: account.email, role: account.role } });
}

/** The audit entry for a password change: who, and that their other sessions ended; never the password. */
export async function recordPasswordChanged(db: Executor, userId: string): Promise<void> {
  await recordAudit(db, { userId, action: "user.password-change", entity: "user", entityId: userId, after: { otherSessionsEnded: true } });
}

async function managedAccount(tx: Executor, userId: string) {
  const account = await getManagedAccount(tx, userId);
  if (!account) throw new AccountChangeError("No such account. Nothing was changed.");
  return account;
}

/** The last active editor is the only one who can manage accounts: losing them would leave nobody to. */
async function refuseLosingLastEditor(tx: Executor, account: { id: string; role: Role; name: string; deactivatedAt: Date | null }, doing: string): Promise<void> {
  if (account.role === "editor" && !account.deactivatedAt && !(await hasOtherActiveEditor(tx, account.id))) {
    throw new AccountChangeError(`${account.name} is the last active editor: make another account an editor before you ${doing}. Nothing was changed.`);
  }
}

/**
 * Deactivates an account and ends all its sessions in one transaction, so a signed-in browser is
 * refused on its next request. The row stays (scores, decisions and the audit log keep the name).
 */
export async function deactivateAccount(db: Executor, actorId: AccountActor, userId: string): Promise<{ name: string; email: string; sessionsEnded: number }> {
  return transaction(db, async (tx) => {
    const account = await managedAccount(tx, userId);
    // Deactivating oneself would end the session doing it, and is more likely a slip than a wish.
    if (actorId === account.id) throw new AccountChangeError("You cannot deactivate your own account. Nothing was changed.");
    if (account.deactivatedAt) throw new AccountChangeError(`${account.name}'s account is already deactivated. Nothing was changed.`);
    await refuseLosingLastEditor(tx, account, "deactivate this one");
    const now = new Date();
    await tx.update(users).set({ deactivatedAt: now, updatedAt: now }).where(eq(users.id, account.id));
    const sessionsEnded = await endSessionsOf(tx, account.id);
    // A link issued before would otherwise still set a password, ready for the day it is reactivated.
    const resetLinksWithdrawn = await withdrawResetLinksOf(tx, account.id);
    await recordAudit(tx, {
      userId: actorId,
      action: "user.deactivate",
      entity: "user",
      entityId: account.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString(), sessionsEnded, resetLinksWithdrawn },
    });
    return { name: account.name, email: account.email, sessionsEnded };
  });
}

/** Lets a deactivated account sign in again, with its old password and role. */
export async function reactivateAccount(db: Executor, actorId: AccountActor, userId: string): Promise<{ name: string; email: string }> {
  return transaction(db, async (tx) => {
    const account = await managedAccount(tx, userId);
    if (!account.deactivatedAt) throw new AccountChangeError(`${account.name}'s account is already active. Nothing was changed.`);
    await tx.update(users).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(users.id, account.id));
    await recordAudit(tx, {
      userId: actorId,
      action: "user.reactivate",
      entity: "user",
      entityId: account.id,
      before: { deactivatedAt: account.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
    return { name: account.name, email: account.email };
  });
}

/**
 * Changes an account's role. Sessions stay: session.ts reads the role from this row on every request,
 * so the change takes effect on the account's next request.
 */
export async function setAccountRole(db: Executor, actorId: AccountActor, userId: string, role: Role): Promise<{ name: string; email: string; before: Role }> {
  return transaction(db, async (tx) => {
    const account = await managedAccount(tx, userId);
    if (account.role === role) throw new AccountChangeError(`${account.name} is already ${role === "editor" ? "an editor" : "a reviewer"}. Nothing was changed.`);
    if (role !== "editor") await refuseLosingLastEditor(tx, account, "make this one a reviewer");
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, account.id));
    await recordAudit(tx, { userId: actorId, action: "user.role", entity: "user", entityId: account.id, before: { role: account.role }, after: { role } });
    return { name: account.name, email: account.email, before: account.role };
  });
}

/** The audit entry for a reset link an editor (or the command line) issued; never the link. */
export async function recordPasswordResetIssued(db: Executor, actorId: AccountActor, userId: string, expiresAt: Date): Promise<void> {
  await recordAudit(db, { userId: actorId, action: "user.password-reset-issued", entity: "user", entityId: userId, after: { expiresAt: expiresAt.toISOString() } });
}

/** The audit entry for a reset link used: the account's password was set and all its sessions ended. */
export async function recordPasswordReset(db: Executor, userId: string): Promise<void> {
  await recordAudit(db, { userId, action: "user.password-reset", entity: "user", entityId: userId, after: { sessionsEnded: true } });
}
