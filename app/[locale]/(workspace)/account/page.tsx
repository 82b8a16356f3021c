import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** Every signed-in person's own account: their password, their sessions, and (on its own page) two-factor sign-in. */
export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [sessions, currentId] = await Promise.all([listOwnSessions(getDb(), user.id), getCurrentSessionId()]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="mt-2 text-stone-700">
        {user.name} ({user.email}), {user.role}.
      </p>

      <section aria-labelledby="password-heading" className="mt-8">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-700">
          Changing it signs out every other browser and device signed in to your account; this one stays signed in. A few wrong current passwords in a minute
          and the form waits a minute.
        </p>
        <ChangePasswordForm minLength={PASSWORD_LENGTH.min} maxLength={PASSWORD_LENGTH.max} />
      </section>

      <section aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-700">
          If you see a session you do not recognise, end it and change your password. An ended session is signed out at its next click.
        </p>
        <SessionList sessions={sessions} currentId={currentId ?? ""} endSession={endOwnSession} endOthers={signOutEverywhereElse} />
      </section>

      <section aria-labelledby="two-factor-heading" className="mt-8">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/account/two-factor">Set up or manage two-factor sign-in</Link>
        </p>
      </section>
    </>
  );
}
