"use client";

import { Link } from "@/components/ui/navigation";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { authClient } from "@/components/auth/auth-client";

type Method = "totp" | "backup";

type Messages = ReturnType<typeof useTranslations<"signIn.code">>;

/** What the person reads for each refusal of a code; never whether the account exists or which code was close. */
function refusalMessage(error: { status: number; code?: string }, method: Method, t: Messages, tSignIn: ReturnType<typeof useTranslations<"signIn">>): string {
  if (error.code === "ACCOUNT_TEMPORARILY_LOCKED") return t("locked");
  if (error.status === 429) return tSignIn("tooMany");
  if (error.code === "ACCOUNT_DEACTIVATED") return tSignIn("deactivated");
  if (error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") return t("expired");
  if (error.code === "VALIDATION_ERROR") return method === "totp" ? t("appFormat") : t("backupFormat");
  return method === "totp" ? t("appWrong") : t("backupWrong");
}

/** The second step of signing in: a code from the authenticator app, or one backup code. */
export function TwoFactorSignInForm({ next }: { next: string }) {
  const router = useRouter();
  const t = useTranslations("signIn.code");
  const tSignIn = useTranslations("signIn");
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
      setError({ message: refusalMessage(error, method, t, tSignIn), restart });
      return;
    }
    router.push(next);
    router.refresh();
  }

  const label = method === "totp" ? t("appLabel") : t("backupLabel");
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
          <p className="text-xs text-stone-600">{method === "totp" ? t("appHint") : t("backupHint")}</p>
        </div>
        <div aria-live="polite">
          {error && (
            <p id="two-factor-error" role="alert" className="text-sm text-red-800">
              {error.message} {error.restart ? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>{t("again")}</Link> : null}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? t("pending") : t("submit")}
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
        {method === "totp" ? t("useBackup") : t("useApp")}
      </button>
    </div>
  );
}
