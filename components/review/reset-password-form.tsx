"use client";

import { Link } from "@/components/ui/navigation";
import { useState } from "react";
import { authClient } from "@/components/auth/auth-client";

export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== String(form.get("confirmPassword"))) {
      setError("The two passwords differ. Type the same new password twice.");
      return;
    }
    setPending(true);
    setError(null);
    const { error } = await authClient.resetPassword({ newPassword, token });
    setPending(false);
    if (error) {
      // A used, expired or unknown link all answer INVALID_TOKEN; say what to do about it.
      setError(error.code === "INVALID_TOKEN" ? "This link has been used or has expired. Ask an editor for a new one." : (error.message ?? "The password could not be set."));
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <p className="mt-4" role="status">
        Your new password is set. <Link href="/sign-in">Sign in</Link> with it.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-4 flex max-w-sm flex-col gap-3" aria-describedby={error ? "reset-error" : undefined}>
      <div className="flex flex-col gap-1">
        <label htmlFor="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={10} className="rounded border border-stone-400 px-2 py-1.5" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="confirmPassword">New password again</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required className="rounded border border-stone-400 px-2 py-1.5" />
      </div>
      <div aria-live="polite">
        {error && (
          <p id="reset-error" role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {pending ? "Setting…" : "Set the new password"}
      </button>
    </form>
  );
}
