import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/review/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/review";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
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
