// Two-factor sign-in: the forms of the enrolment page, the editors' setting, and the codes sent at sign-in.
import { z } from "zod";
import { PASSWORD_LENGTH } from "./account";

/** A code from an authenticator app: six digits (spaces, as some apps show "123 456", are dropped). */
export const totpCodeSchema = z
  .string("Give the 6-digit code from your authenticator app.")
  .max(32, "Give the 6-digit code from your authenticator app.")
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Give the 6-digit code from your authenticator app."));

/** A backup code as it was shown (xxxxx-xxxxx); pasted with stray spaces, it is still itself. */
export const backupCodeSchema = z
  .string("Give one of your backup codes.")
  .max(32, "That is not a backup code.")
  .transform((code) => code.trim())
  .pipe(z.string().regex(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/, "A backup code looks like abcde-12345."));

/** The current password, which starting, regenerating and turning off two-factor sign-in ask for again. */
export const confirmPasswordSchema = z.object({
  password: z.string("Give your password.").min(1, "Give your password.").max(PASSWORD_LENGTH.max, "That is not your password."),
});

export const confirmEnrolmentSchema = z.object({ code: totpCodeSchema });

/** The editors' setting on the users page: a ticked box sends "on", an unticked one nothing. */
export const twoFactorRequirementSchema = z.object({
  requireTwoFactor: z
    .enum(["on"], "Tick the box or leave it empty.")
    .optional()
    .transform((value) => value === "on"),
});

const onlyCode = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `Only code can be sent; not ${(issue.keys ?? []).join(", ")} (a device is never trusted to skip the code).` : undefined;

/** POST /api/auth/two-factor/verify-totp at sign-in. trustDevice is refused: every sign-in asks for a code. */
export const verifyTotpRequestSchema = z.strictObject({ code: totpCodeSchema }, { error: onlyCode });

/** POST /api/auth/two-factor/verify-backup-code at sign-in; also without trustDevice or disableSession. */
export const verifyBackupCodeRequestSchema = z.strictObject({ code: backupCodeSchema }, { error: onlyCode });
