// Two-factor sign-in's audit entries, and turning it off from the command line. better-auth's plugin writes
// the secret and codes itself (server/auth/two-factor.ts); these record what happened, never a secret or code.
// No "server-only" marker: the user:disable-2fa command runs disableTwoFactorOf outside the app.
import { eq } from "drizzle-orm";
import { twoFactors, users } from "../schema";
import { transaction, type Executor } from "../transaction";
import { recordAudit } from "./audit";
import { endSessionsOf } from "./sessions";
import type { AccountActor } from "./accounts";
import { firstRow } from "../dialect";

export type TwoFactorEvent = "user.two-factor-enable" | "user.two-factor-disable" | "user.backup-codes-regenerate" | "user.backup-code-sign-in";

export async function recordTwoFactorEvent(db: Executor, userId: string, action: TwoFactorEvent, after: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(db, { userId, action, entity: "user", entityId: userId, after });
}

/**
 * For an account whose authenticator and backup codes are lost: removes its two-factor sign-in and ends its
 * sessions, so it signs in next with its password alone (and, while editors require it, enrols again at once).
 */
export async function disableTwoFactorOf(db: Executor, actorId: AccountActor, userId: string): Promise<{ wasEnabled: boolean; sessionsEnded: number }> {
  return transaction(db, async (tx) => {
    const account = await firstRow(tx.select({ twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, userId)).limit(1));
    const wasEnabled = !!account?.twoFactorEnabled;
    await tx.delete(twoFactors).where(eq(twoFactors.userId, userId));
    await tx.update(users).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(users.id, userId));
    const sessionsEnded = await endSessionsOf(tx, userId);
    await recordAudit(tx, { userId: actorId, action: "user.two-factor-disable", entity: "user", entityId: userId, before: { twoFactorEnabled: wasEnabled }, after: { twoFactorEnabled: false, sessionsEnded } });
    return { wasEnabled, sessionsEnded };
  });
}
