import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TwoFactorPanel } from "@/components/account/two-factor-forms";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { safeReturnPath } from "@/server/auth/return-path";
import { requirePageUser } from "@/server/auth/session";
import { TWO_FACTOR_ENROLMENT_PATH } from "@/lib/auth/two-factor";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { pageLocale } from "@/server/i18n/action-locale";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { confirmTwoFactorEnrolment, regenerateTwoFactorBackupCodes, startTwoFactorEnrolment, turnOffTwoFactorSignIn } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}
export const dynamic = "force-dynamic";

const ACTIONS = { start: startTwoFactorEnrolment, confirm: confirmTwoFactorEnrolment, regenerate: regenerateTwoFactorBackupCodes, turnOff: turnOffTwoFactorSignIn };

/** The one workspace page an account that must enrol may open (with sign-out). */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const user = await requirePageUser(TWO_FACTOR_ENROLMENT_PATH, { enrolling: true });
  const [{ next }, settings, t, locale] = await Promise.all([searchParams, getSecuritySettings(getDb()), getTranslations("twoFactor"), pageLocale()]);
  const landing = localizedPath(locale satisfies Locale, user.role === "editor" ? "/editor" : "/review");
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {user.mustEnrolTwoFactor ? (
        <p className="mt-2 max-w-2xl rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="alert" data-testid="two-factor-required">
          {t("required")}
        </p>
      ) : null}
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro")}</p>
      <TwoFactorPanel actions={ACTIONS} enabled={!!user.twoFactorEnabled} required={settings.requireTwoFactor} email={user.email} next={safeReturnPath(next, landing)} />
    </>
  );
}
