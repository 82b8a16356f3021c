import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TwoFactorSignInForm } from "@/components/review/two-factor-sign-in-form";
import { safeReturnPath } from "@/server/auth/return-path";
import { getSessionUser } from "@/server/auth/session";
import { pageLocale } from "@/server/i18n/action-locale";
import { localizedPath } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.code"))("title") };
}
export const dynamic = "force-dynamic";

/** The second step of signing in, after a right password for an account with two-factor sign-in on. */
export default async function TwoFactorSignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [query, locale, t] = await Promise.all([searchParams, pageLocale(), getTranslations("signIn.code")]);
  const next = safeReturnPath(query.next, localizedPath(locale, "/sign-in"));
  if (await getSessionUser()) redirect(next);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 max-w-xl text-stone-700">{t("intro")}</p>
      <TwoFactorSignInForm next={next} />
    </section>
  );
}
