"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/components/auth/auth-client";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

const FIELDS: Array<{ name: Field; label: string; autoComplete: string; hint?: string }> = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "10 to 200 characters." },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
];

/**
 * Changes the signed-in person's password through the auth route (POST /api/auth/change-password), which
 * ends every other session of the account and keeps this browser signed in with a new session.
 */
export function ChangePasswordForm({ minLength, maxLength }: { minLength: number; maxLength: number }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const [currentPassword, newPassword, confirmPassword] = FIELDS.map((f) => String(data.get(f.name) ?? ""));
    const found: Partial<Record<Field, string>> = {};
    if (!currentPassword) found.currentPassword = "Type your current password.";
    if (newPassword!.length < minLength) found.newPassword = `The new password needs at least ${minLength} characters.`;
    else if (newPassword!.length > maxLength) found.newPassword = `The new password can have at most ${maxLength} characters.`;
    if (confirmPassword !== newPassword) found.confirmPassword = "The two new passwords differ. Type the same new password twice.";
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage({ ok: false, text: "Nothing was changed: please correct the marked fields." });
      return;
    }
    setPending(true);
    setMessage(null);
    const { error } = await authClient.changePassword({ currentPassword: currentPassword!, newPassword: newPassword! });
    setPending(false);
    if (error) {
      if (error.code === "INVALID_PASSWORD") {
        setErrors({ currentPassword: "That is not your current password." });
        setMessage({ ok: false, text: "Nothing was changed: the current password is wrong." });
      } else if (error.status === 401) {
        setMessage({ ok: false, text: "Your session has ended. Sign in again, then change your password." });
      } else {
        setMessage({ ok: false, text: error.message ?? "The password could not be changed. Nothing was changed." });
      }
      return;
    }
    form.reset();
    setMessage({ ok: true, text: "Your password is changed. Every other session of your account has ended; this browser stays signed in." });
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
              {field.label}
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
                {field.hint}
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
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
