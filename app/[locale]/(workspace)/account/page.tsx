import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { listOwnSessions } from "@/db/queries/sessions";
import { getCurrentSessionId, requirePageUser } from "@/server/auth/session";
import { PASSWORD_LENGTH } from "@/lib/validation/account";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { endOwnSession, signOutEverywhereElse } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}
export const dynamic = "force-dynamic";

/** Every signed-in person's own account: their password, their sessions, and (on its own page) two-factor sign-in. */
export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [sessions, currentId, t, tWorkspace] = await Promise.all([listOwnSessions(getDb(), user.id), getCurrentSessionId(), getTranslations("account"), getTranslations("workspace")]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-stone-700">{t("who", { name: user.name, email: user.email, role: tWorkspace(`role.${user.role}`) })}</p>

      <section aria-labelledby="password-heading" className="mt-8">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("passwordHeading")}
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-700">{t("passwordIntro")}</p>
        <ChangePasswordForm minLength={PASSWORD_LENGTH.min} maxLength={PASSWORD_LENGTH.max} />
      </section>

      <section aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessionsHeading")}
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-700">{t("sessionsIntro")}</p>
        <SessionList sessions={sessions} currentId={currentId ?? ""} endSession={endOwnSession} endOthers={signOutEverywhereElse} />
      </section>

      <section aria-labelledby="two-factor-heading" className="mt-8">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          {t("twoFactorHeading")}
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/account/two-factor">{t("twoFactorLink")}</Link>
        </p>
      </section>
    </>
  );
}
