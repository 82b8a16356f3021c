import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/review/sign-in-form";
import { safeReturnPath } from "@/server/auth/return-path";
import { getSessionUser } from "@/server/auth/session";
import type { Role } from "@/lib/domain";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Where each role starts when no page asked for the sign-in. */
const LANDING: Record<Role, string> = { editor: "/editor", reviewer: "/review" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const requested = (await searchParams).next;
  const user = await getSessionUser();
  if (user) redirect(safeReturnPath(requested, LANDING[user.role]));
  // Without a safe requested page the form comes back here once signed in, and the line above sends the person to their role's start page.
  return (
    <section>
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 max-w-xl text-stone-700">
        For reviewers and editors. Reading the dashboards and scorecards needs no account. Accounts are created by an editor.
      </p>
      <SignInForm next={safeReturnPath(requested, "/sign-in")} />
    </section>
  );
}
