"use server";

import { ownAccountAction } from "@/server/auth/guard";
import { confirmEnrolment, regenerateBackupCodes, startEnrolment, turnOffTwoFactor, type TwoFactorState } from "@/server/auth/two-factor";
import { confirmEnrolmentSchema, confirmPasswordSchema } from "@/lib/validation/two-factor";

export const startTwoFactorEnrolment = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user): Promise<TwoFactorState> => {
  const enrolment = await startEnrolment(user, input.password);
  return { ok: true, message: "Scan the code with your authenticator app (or type the key), then enter the 6-digit code it shows.", enrolment };
});

export const confirmTwoFactorEnrolment = ownAccountAction({ schema: confirmEnrolmentSchema }, async (input, user): Promise<TwoFactorState> => {
  const backupCodes = await confirmEnrolment(user, input.code);
  return { ok: true, message: "Two-factor sign-in is on. Save your backup codes now: they are shown only this once.", backupCodes };
});

export const regenerateTwoFactorBackupCodes = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user): Promise<TwoFactorState> => {
  const backupCodes = await regenerateBackupCodes(user, input.password);
  return { ok: true, message: "New backup codes: the old ones no longer work. Save these now: they are shown only this once.", backupCodes };
});

export const turnOffTwoFactorSignIn = ownAccountAction({ schema: confirmPasswordSchema }, async (input, user) => {
  await turnOffTwoFactor(user, input.password);
  return { ok: true, message: "Two-factor sign-in is off: your password alone signs you in." };
});
