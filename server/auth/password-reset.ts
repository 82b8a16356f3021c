// Password-reset links an editor issues for someone who cannot sign in: used by the users page and the
// user:reset-password command. The link is shown once to the issuer, to pass on by a safe channel; the
// database holds only a hash of its token (better-auth's verification table), and better-auth's own
// /reset-password endpoint consumes it (one use), sets the password and ends the account's sessions.
// When SMTP_URL is set the link is also emailed to the account's address, after it is stored: a failed
// send loses nothing, the issuer still has the link (and is told the send failed).
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { AccountChangeError, recordPasswordResetIssued, type AccountActor } from "@/db/commands/accounts";
import { getManagedAccount } from "@/db/queries/users";
import { transaction } from "@/db/transaction";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { mailConfigured, sendMail, type MailResult } from "@/server/mail";
import { getAuth, RESET_LINK_LIFETIME_SECONDS } from "./better-auth";

export interface IssuedResetLink {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
  /** Whether the link was also emailed to the account, or null when no mail server is configured. */
  emailed: MailResult | null;
}

/** The message: what it is, until when, and that nobody from the project asks for a password by email. */
function resetMail(link: { name: string; email: string; url: string; expiresAt: Date }) {
  const until = `${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return {
    to: link.email,
    subject: "Set a new password for Dialogue Scorecard",
    text: [
      `Hello ${link.name},`,
      "",
      `An editor of Dialogue Scorecard issued a link for you to set a new password for the account ${link.email}.`,
      `It works once, until ${until}; setting the password signs you out everywhere:`,
      "",
      link.url,
      "",
      "Check that the link leads to the address you use for Dialogue Scorecard before you type a password there.",
      "If you did not ask for a new password, tell an editor by another channel. Nobody will ask you for your password by email.",
    ].join("\n"),
  };
}

export async function issuePasswordResetLink(actorId: AccountActor, userId: string): Promise<IssuedResetLink> {
  const env = readEnv();
  const link = await storeResetLink(actorId, userId);
  // Sent only once the link is stored and audited: the transaction awaits nothing but the database.
  const emailed = mailConfigured(env) ? await sendMail(env, resetMail(link)) : null;
  return { ...link, emailed };
}

async function storeResetLink(actorId: AccountActor, userId: string): Promise<Omit<IssuedResetLink, "emailed">> {
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
