import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/review/sign-in-form";
import { safeReturnPath } from "@/server/auth/return-path";
import { getSessionUser } from "@/server/auth/session";
import { pageLocale } from "@/server/i18n/action-locale";
import { localizedPath } from "@/lib/i18n/locales";
import type { Role } from "@/lib/domain";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}
export const dynamic = "force-dynamic";

/** Where each role starts when no page asked for the sign-in. */
const LANDING: Record<Role, string> = { editor: "/editor", reviewer: "/review" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const requested = (await searchParams).next;
  const [user, locale, t] = await Promise.all([getSessionUser(), pageLocale(), getTranslations("signIn")]);
  // A requested page names its own language (/zh/review); a role's start page is in the sign-in page's.
  if (user) redirect(safeReturnPath(requested, localizedPath(locale, LANDING[user.role])));
  // Without a safe requested page the form comes back here once signed in, and the line above sends the person to their role's start page.
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 max-w-xl text-stone-700">{t("intro")}</p>
      <SignInForm next={safeReturnPath(requested, localizedPath(locale, "/sign-in"))} />
    </section>
  );
}
