import "server-only";
import { headers } from "next/headers";
import { isAPIError } from "better-auth/api";
import { getDb } from "@/db/client";
import { recordTwoFactorEvent } from "@/db/commands/two-factor";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { drawQrCode, type QrDrawing } from "@/lib/auth/qr-code";
import { getAuth } from "./better-auth";
import { ActionError, type ActionState } from "./guard";
import type { SessionUser } from "./session";
import { attemptWithin } from "./sign-in-limit";

// Enrolment and management of one's own two-factor sign-in, through better-auth's plugin called on the server
// (its enable, disable and backup-code endpoints are not offered over HTTP): the QR code is drawn here, and
// the backup codes are read back from the plugin's encrypted store only in the answer that confirms enrolment.

/** Password and code confirmations per account on these forms: a stolen session must not guess the password fast. */
const CONFIRMATIONS_PER_WINDOW = 5;
const CONFIRMATION_WINDOW_MS = 10 * 60 * 1000;

/** Counts one confirmation for this account (in the database, so every instance counts it), or refuses when it has used up its window. */
async function limitConfirmations(user: SessionUser, kind: "password" | "code"): Promise<void> {
  const wait = await attemptWithin(getDb(), { bucket: "two-factor-confirm", key: `${kind}:${user.id}`, max: CONFIRMATIONS_PER_WINDOW, windowMs: CONFIRMATION_WINDOW_MS });
  if (wait > 0) throw new ActionError(`Too many attempts. Wait ${Math.ceil(wait / 60)} minute(s) and try again. Nothing was changed.`);
}

// The plugin throws better-call's APIError, a different class from the one better-auth/api exports;
// better-auth's own isAPIError knows both.
function errorCode(error: unknown): string | undefined {
  return isAPIError(error) ? (error.body as { code?: string } | undefined)?.code : undefined;
}

/** better-auth's refusals in the words of the page; anything else is a fault and is thrown on. */
export function refusal(error: unknown): never {
  const code = errorCode(error);
  if (code === "INVALID_PASSWORD") throw new ActionError("That is not your password. Nothing was changed.");
  if (code === "INVALID_CODE") throw new ActionError("That code is not right. Check the time on your phone is correct, wait for the next code and try again.");
  if (code === "TOTP_ALREADY_ENABLED") throw new ActionError("Two-factor sign-in is already on for this account.");
  if (code === "TWO_FACTOR_NOT_ENABLED" || code === "TOTP_NOT_ENABLED") throw new ActionError("Two-factor sign-in is not on for this account. Start again with your password.");
  if (isAPIError(error) && error.statusCode === 401) throw new ActionError("Your session has ended. Sign in and try again.");
  throw error;
}

export interface EnrolmentStart {
  /** The secret in base32, for typing into an app that cannot scan, in groups of four. */
  secret: string;
  qr: QrDrawing;
}

/** What the enrolment page's forms receive. */
export interface TwoFactorState extends ActionState {
  /** After the password: the new secret as a QR code and as text, until a code confirms it. */
  enrolment?: EnrolmentStart;
  /** After a confirmed enrolment or a regeneration: the backup codes, in this answer only. */
  backupCodes?: string[];
}

/** Step one: the password again, then a new secret (not yet in force) as a QR code and as text. */
export async function startEnrolment(user: SessionUser, password: string): Promise<EnrolmentStart> {
  await limitConfirmations(user, "password");
  const answer = await getAuth()
    .api.enableTwoFactor({ headers: await headers(), body: { password } })
    .catch(refusal);
  // The backup codes this returns are discarded: they are read back once enrolment is confirmed.
  if (!("totpURI" in answer) || !answer.totpURI) throw new Error("better-auth returned no TOTP address");
  const secret = new URL(answer.totpURI).searchParams.get("secret") ?? "";
  return { secret: secret.match(/.{1,4}/g)?.join(" ") ?? secret, qr: drawQrCode(answer.totpURI) };
}

/** Step two: a correct code from the app turns two-factor sign-in on; the backup codes are shown this once. */
export async function confirmEnrolment(user: SessionUser, code: string): Promise<string[]> {
  await limitConfirmations(user, "code");
  const auth = getAuth();
  await auth.api.verifyTOTP({ headers: await headers(), body: { code } }).catch(refusal);
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: user.id } });
  await recordTwoFactorEvent(getDb(), user.id, "user.two-factor-enable", { twoFactorEnabled: true, backupCodes: backupCodes.length });
  return backupCodes;
}

/** New backup codes in place of the old ones (all of which stop working); shown this once. */
export async function regenerateBackupCodes(user: SessionUser, password: string): Promise<string[]> {
  await limitConfirmations(user, "password");
  const { backupCodes } = await getAuth()
    .api.generateBackupCodes({ headers: await headers(), body: { password } })
    .catch(refusal);
  await recordTwoFactorEvent(getDb(), user.id, "user.backup-codes-regenerate", { backupCodes: backupCodes.length });
  return backupCodes;
}

/** Turns two-factor sign-in off with the password, unless editors require it for every account. */
export async function turnOffTwoFactor(user: SessionUser, password: string): Promise<void> {
  if ((await getSecuritySettings(getDb())).requireTwoFactor) {
    throw new ActionError("Editors require two-factor sign-in for every account, so it cannot be turned off. To move to a new phone, regenerate your backup codes, or ask an editor.");
  }
  await limitConfirmations(user, "password");
  await getAuth()
    .api.disableTwoFactor({ headers: await headers(), body: { password } })
    .catch(refusal);
  await recordTwoFactorEvent(getDb(), user.id, "user.two-factor-disable", { twoFactorEnabled: false });
}
