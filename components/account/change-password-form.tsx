"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { authClient } from "@/components/auth/auth-client";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

const FIELDS: Array<{ name: Field; label: "current" | "new" | "again"; autoComplete: string; hint?: boolean }> = [
  { name: "currentPassword", label: "current", autoComplete: "current-password" },
  { name: "newPassword", label: "new", autoComplete: "new-password", hint: true },
  { name: "confirmPassword", label: "again", autoComplete: "new-password" },
];

/**
 * Changes the signed-in person's password through the auth route (POST /api/auth/change-password), which
 * ends every other session of the account and keeps this browser signed in with a new session.
 */
export function ChangePasswordForm({ minLength, maxLength }: { minLength: number; maxLength: number }) {
  const router = useRouter();
  const t = useTranslations("account.password");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const [currentPassword, newPassword, confirmPassword] = FIELDS.map((f) => String(data.get(f.name) ?? ""));
    const found: Partial<Record<Field, string>> = {};
    if (!currentPassword) found.currentPassword = t("typeCurrent");
    if (newPassword!.length < minLength) found.newPassword = t("tooShort", { min: minLength });
    else if (newPassword!.length > maxLength) found.newPassword = t("tooLong", { max: maxLength });
    if (confirmPassword !== newPassword) found.confirmPassword = t("differ");
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage({ ok: false, text: t("correct") });
      return;
    }
    setPending(true);
    setMessage(null);
    const { error } = await authClient.changePassword({ currentPassword: currentPassword!, newPassword: newPassword! });
    setPending(false);
    if (error) {
      if (error.code === "INVALID_PASSWORD") {
        setErrors({ currentPassword: t("wrongCurrent") });
        setMessage({ ok: false, text: t("wrong") });
      } else if (error.status === 401) {
        setMessage({ ok: false, text: t("ended") });
      } else {
        setMessage({ ok: false, text: error.message ?? t("failed") });
      }
      return;
    }
    form.reset();
    setMessage({ ok: true, text: t("changed") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 flex max-w-sm flex-col gap-3" data-testid="change-password" noValidate>
      {FIELDS.map((field) => {
        const id = `change-password-${field.name}`;
        const error = errors[field.name];
        const describedBy = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium">
              {t(field.label)}
            </label>
            <input
              id={id}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className="rounded border border-stone-400 px-2 py-1.5"
            />
            {field.hint && (
              <p id={`${id}-hint`} className="text-xs text-stone-600">
                {t("newHint", { min: minLength, max: maxLength })}
              </p>
            )}
            {error && (
              <p id={`${id}-error`} className="text-sm text-red-800">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div aria-live="polite">
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
            {message.text}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="self-start rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
