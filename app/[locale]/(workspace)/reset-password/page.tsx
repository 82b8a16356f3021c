import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/review/reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

/** Where a reset link an editor issued leads; the token is checked (and used up) only when the form is sent. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <section>
      <h1 className="text-2xl font-semibold">Set a new password</h1>
      <p className="mt-2 max-w-xl text-stone-700">The link works once, within 24 hours of being issued. Setting a password signs you out everywhere; then sign in with the new one.</p>
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="mt-4 text-red-800" role="alert">
          This link is incomplete. Open it again from the message you were given, or ask an editor for a new one.
        </p>
      )}
    </section>
  );
}
