"use client";

import { Link } from "@/components/ui/navigation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/components/auth/auth-client";

type Method = "totp" | "backup";

/** What the person reads for each refusal of a code; never whether the account exists or which code was close. */
function refusalMessage(error: { status: number; code?: string }, method: Method): string {
  if (error.code === "ACCOUNT_TEMPORARILY_LOCKED") return "Too many wrong codes for this account: signing in with a code is locked for 10 minutes. Wait, then sign in again.";
  if (error.status === 429) return "Too many attempts. Wait a minute before trying again.";
  if (error.code === "ACCOUNT_DEACTIVATED") return "This account has been deactivated. Ask an editor to reactivate it.";
  if (error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") {
    return "This sign-in has expired (10 minutes) or had too many wrong codes. Sign in again with your password.";
  }
  if (error.code === "VALIDATION_ERROR") return method === "totp" ? "Enter the 6 digits your app shows, without anything else." : "A backup code looks like abcde-12345.";
  return method === "totp"
    ? "That code is not right. Enter the code your app shows now (check the time on your phone is correct)."
    : "That backup code is not right, or it was used already: each backup code works once.";
}

/** The second step of signing in: a code from the authenticator app, or one backup code. */
export function TwoFactorSignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [method, setMethod] = useState<Method>("totp");
  const [error, setError] = useState<{ message: string; restart: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get("code") ?? "");
    const code = method === "totp" ? raw.replace(/\s+/g, "") : raw.trim();
    setPending(true);
    setError(null);
    const { error } = method === "totp" ? await authClient.twoFactor.verifyTotp({ code }) : await authClient.twoFactor.verifyBackupCode({ code });
    setPending(false);
    if (error) {
      const restart = error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" || error.code === "ACCOUNT_TEMPORARILY_LOCKED";
      setError({ message: refusalMessage(error, method), restart });
      return;
    }
    router.push(next);
    router.refresh();
  }

  const label = method === "totp" ? "Code from your authenticator app" : "Backup code";
  return (
    <div className="mt-4 max-w-sm">
      <form key={method} onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby={error ? "two-factor-error" : undefined} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="code">{label}</label>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode={method === "totp" ? "numeric" : "text"}
            maxLength={32}
            required
            autoFocus
            className="rounded border border-stone-400 px-2 py-1.5 font-mono"
          />
          <p className="text-xs text-stone-600">{method === "totp" ? "6 digits; a new one every 30 seconds." : "One of the codes you saved when you set up two-factor sign-in (abcde-12345). It then stops working."}</p>
        </div>
        <div aria-live="polite">
          {error && (
            <p id="two-factor-error" role="alert" className="text-sm text-red-800">
              {error.message} {error.restart ? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in again</Link> : null}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? "Checking…" : "Verify and sign in"}
        </button>
      </form>
      <button
        type="button"
        onClick={() => {
          setMethod(method === "totp" ? "backup" : "totp");
          setError(null);
        }}
        className="mt-3 text-sm text-blue-800 underline"
      >
        {method === "totp" ? "Use a backup code instead" : "Use a code from the app instead"}
      </button>
    </div>
  );
}
