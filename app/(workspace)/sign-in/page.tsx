import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/review/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 max-w-xl text-stone-700">
        For reviewers and editors. Reading the dashboards and scorecards needs no account. Accounts are created by an editor.
      </p>
      <SignInForm next={next} />
    </section>
  );
}
