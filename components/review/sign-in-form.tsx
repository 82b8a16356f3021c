"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { authClient } from "@/components/auth/auth-client";
import { localizedPath } from "@/lib/i18n/locales";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { data, error } = await authClient.signIn.email({ email: String(form.get("email")), password: String(form.get("password")) });
    setPending(false);
    if (error) {
      setError(
        error.status === 429
          ? t("tooMany")
          : error.code === "ACCOUNT_DEACTIVATED"
            ? t("deactivated")
            : t("mismatch"),
      );
      return;
    }
    // The password was right and the account has two-factor sign-in: the code comes next, on its own page.
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
      router.push(`${localizedPath(locale, "/sign-in/two-factor")}?next=${encodeURIComponent(next)}`);
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 flex max-w-sm flex-col gap-3" aria-describedby={error ? "sign-in-error" : undefined}>
      <div className="flex flex-col gap-1">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required className="rounded border border-stone-400 px-2 py-1.5" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="rounded border border-stone-400 px-2 py-1.5" />
      </div>
      <div aria-live="polite">
        {error && (
          <p id="sign-in-error" role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
