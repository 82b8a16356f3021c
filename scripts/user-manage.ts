// For an editor locked out of the users page, run by whoever holds the server:
//   npm run user:disable -- --email someone@example.org
//   npm run user:enable -- --email someone@example.org
//   npm run user:role -- --email someone@example.org --role editor|reviewer
//   npm run user:reset-password -- --email someone@example.org   (prints a one-use link, valid 24 hours; also emails it when SMTP_URL is set)
//   npm run user:disable-2fa -- --email someone@example.org      (for a lost phone and lost backup codes)
// The same commands as the users page (db/commands/accounts.ts), with the same refusals; the audit log
// records them with no user, as the command line's.
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { AccountChangeError, deactivateAccount, reactivateAccount, setAccountRole } from "@/db/commands/accounts";
import { disableTwoFactorOf } from "@/db/commands/two-factor";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { prepareDatabase } from "@/db/prepare";
import { getAccountByEmail } from "@/db/queries/users";
import { ROLES, type Role } from "@/lib/domain";
import { databaseFile } from "@/lib/env";
import { issuePasswordResetLink } from "@/server/auth/password-reset";

const USAGE: Record<string, string> = {
  disable: "npm run user:disable -- --email someone@example.org",
  enable: "npm run user:enable -- --email someone@example.org",
  role: "npm run user:role -- --email someone@example.org --role editor|reviewer",
  "reset-password": "npm run user:reset-password -- --email someone@example.org",
  "disable-2fa": "npm run user:disable-2fa -- --email someone@example.org",
};

const { values, positionals } = parseArgs({ allowPositionals: true, options: { email: { type: "string" }, role: { type: "string" } } });
const command = positionals[0] ?? "";
if (!Object.hasOwn(USAGE, command) || !values.email || (command === "role" && !ROLES.includes(values.role as Role))) {
  console.error(`Usage: ${USAGE[command] ?? Object.values(USAGE).join("\n       ")}`);
  process.exit(2);
}

await prepareDatabase(databaseFile());
const db = getDb();
const account = await getAccountByEmail(db, values.email);
if (!account) {
  console.error(`No account for ${values.email}.`);
  process.exit(1);
}
try {
  if (command === "disable") {
    const done = await deactivateAccount(db, null, account.id);
    console.log(`Deactivated ${done.email}: ${done.sessionsEnded} session(s) ended; sign-in is refused until user:enable.`);
  } else if (command === "enable") {
    const done = await reactivateAccount(db, null, account.id);
    console.log(`Reactivated ${done.email}: they can sign in again with their password.`);
  } else if (command === "disable-2fa") {
    const done = await disableTwoFactorOf(db, null, account.id);
    const required = (await getSecuritySettings(db)).requireTwoFactor;
    console.log(
      `${done.wasEnabled ? "Turned off two-factor sign-in" : "Two-factor sign-in was already off"} for ${account.email}: ${done.sessionsEnded} session(s) ended; their password alone signs them in${required ? ", and since it is required they must set it up again at once" : ""}.`,
    );
  } else if (command === "reset-password") {
    const link = await issuePasswordResetLink(null, account.id);
    console.log(`Reset link for ${link.email}, usable once until ${link.expiresAt.toISOString()} (shown once; pass it on by a safe channel):\n${link.url}`);
    if (link.emailed?.sent) console.log(`It was also sent to ${link.emailed.to}.`);
    else if (link.emailed) console.error(`Sending it to ${link.emailed.to} failed (${link.emailed.error}); the link above is still valid.`);
  } else {
    const done = await setAccountRole(db, null, account.id, values.role as Role);
    console.log(`${done.email} is now ${values.role} (was ${done.before}), from their next request.`);
  }
} catch (error) {
  if (!(error instanceof AccountChangeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
