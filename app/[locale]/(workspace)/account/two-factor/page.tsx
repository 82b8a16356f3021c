import type { Metadata } from "next";
import { TwoFactorPanel } from "@/components/account/two-factor-forms";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { safeReturnPath } from "@/server/auth/return-path";
import { requirePageUser } from "@/server/auth/session";
import { TWO_FACTOR_ENROLMENT_PATH } from "@/lib/auth/two-factor";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { confirmTwoFactorEnrolment, regenerateTwoFactorBackupCodes, startTwoFactorEnrolment, turnOffTwoFactorSignIn } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };
export const dynamic = "force-dynamic";

const ACTIONS = { start: startTwoFactorEnrolment, confirm: confirmTwoFactorEnrolment, regenerate: regenerateTwoFactorBackupCodes, turnOff: turnOffTwoFactorSignIn };

/** The one workspace page an account that must enrol may open (with sign-out). */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const user = await requirePageUser(TWO_FACTOR_ENROLMENT_PATH, { enrolling: true });
  const [{ next }, settings] = await Promise.all([searchParams, getSecuritySettings(getDb())]);
  const landing = user.role === "editor" ? "/editor" : "/review";
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Two-factor sign-in</h1>
      {user.mustEnrolTwoFactor ? (
        <p className="mt-2 max-w-2xl rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="alert" data-testid="two-factor-required">
          Editors require two-factor sign-in for every account. Set it up now: until you have, the workspace is closed to this account.
        </p>
      ) : null}
      <p className="mt-2 max-w-2xl text-stone-700">
        With two-factor sign-in, your password alone no longer opens this account: signing in also asks for a 6-digit code from an authenticator app on your phone, or one
        of ten backup codes, each usable once.
      </p>
      <TwoFactorPanel actions={ACTIONS} enabled={!!user.twoFactorEnabled} required={settings.requireTwoFactor} email={user.email} next={safeReturnPath(next, landing)} />
    </>
  );
}
