// Password-reset links an editor issues for someone who cannot sign in: used by the users page and the
// user:reset-password command. The link is shown once to the issuer, to pass on by a safe channel; the
// database holds only a hash of its token (better-auth's verification table), and better-auth's own
// /reset-password endpoint consumes it (one use), sets the password and ends the account's sessions.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { AccountChangeError, recordPasswordResetIssued, type AccountActor } from "@/db/commands/accounts";
import { getManagedAccount } from "@/db/queries/users";
import { transaction } from "@/db/transaction";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { getAuth, RESET_LINK_LIFETIME_SECONDS } from "./better-auth";

export interface IssuedResetLink {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
}

export async function issuePasswordResetLink(actorId: AccountActor, userId: string): Promise<IssuedResetLink> {
  const db = getDb();
  const ctx = await getAuth().$context;
  // better-auth's verification rows are written on the app's connection, so the row and its audit entry commit together.
  return transaction(db, async (tx) => {
    const account = await getManagedAccount(tx, userId);
    if (!account) throw new AccountChangeError("No such account. Nothing was changed.");
    if (account.deactivatedAt) throw new AccountChangeError(`${account.name}'s account is deactivated: reactivate it first. No link was issued.`);
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + RESET_LINK_LIFETIME_SECONDS * 1000);
    await ctx.internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: account.id, expiresAt });
    await recordPasswordResetIssued(tx, actorId, account.id, expiresAt);
    return { name: account.name, email: account.email, url: `${publicBaseUrl(readEnv())}/reset-password?token=${token}`, expiresAt };
  });
}
