import "server-only";
import type { Role } from "@/lib/domain";
import { recordAudit } from "./audit";
import type { Executor } from "../transaction";

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
