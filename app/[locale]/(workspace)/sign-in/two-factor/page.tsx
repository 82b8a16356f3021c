import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoFactorSignInForm } from "@/components/review/two-factor-sign-in-form";
import { safeReturnPath } from "@/server/auth/return-path";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in: code" };
export const dynamic = "force-dynamic";

/** The second step of signing in, after a right password for an account with two-factor sign-in on. */
export default async function TwoFactorSignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next, "/sign-in");
  if (await getSessionUser()) redirect(next);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Sign in: your code</h1>
      <p className="mt-2 max-w-xl text-stone-700">
        Your password was right. This account also asks for a code: open your authenticator app, or use one of your backup codes if you do not have your phone.
      </p>
      <TwoFactorSignInForm next={next} />
    </section>
  );
}
