"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/server/auth/guard";

/** A record's name beside its checkbox, in the language it is written in (lib/localized.ts localizedOption), then a note in the interface's. */
export interface CheckboxOption {
  value: string;
  label: string;
  lang?: string;
  note?: string;
}

export type FieldSpec =
  // `index` tells apart fields sent under one name (evidenceUrl[]): the n-th of them keeps the n-th value sent.
  // `lang` marks a field written in another language than the page (the Chinese fields of a record).
  | { kind: "text" | "email" | "password" | "date" | "number"; name: string; label: string; required?: boolean; defaultValue?: string; hint?: string; index?: number; lang?: string }
  | { kind: "textarea"; name: string; label: string; defaultValue?: string; hint?: string; index?: number; rows?: number; lang?: string }
  | { kind: "select"; name: string; label: string; options: Array<{ value: string; label: string }>; defaultValue?: string }
  | { kind: "radio"; name: string; label: string; options: Array<{ value: string; label: string }> }
  | { kind: "checkbox"; name: string; label: string; value: string; defaultChecked?: boolean }
  /** Several boxes sending one list: name it "x[]". */
  | { kind: "checkboxes"; name: string; label: string; options: CheckboxOption[]; defaultValues?: string[]; hint?: string }
  | { kind: "hidden"; name: string; value: string };

/**
 * A form bound to a guarded server action: it shows the action's message in a live region and each
 * field's errors beside the field, and keeps what was typed and chosen when nothing was saved.
 */
// Each answer gets a number, the form's key: a <select> takes a new defaultValue only when it mounts.
const answerNumbers = new WeakMap<ActionState, number>();
let answersSeen = 0;
function answerNumber(state: ActionState | null): number {
  if (!state) return 0;
  if (!answerNumbers.has(state)) answerNumbers.set(state, ++answersSeen);
  return answerNumbers.get(state)!;
}

function submittedValues(formData: FormData, fields: FieldSpec[]): Map<string, string[]> {
  const secret = new Set(fields.filter((f) => f.kind === "password").map((f) => f.name));
  const values = new Map<string, string[]>();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || secret.has(name)) continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return values;
}

export function ActionForm({
  action,
  fields,
  submitLabel,
  testId,
  className = "flex flex-col gap-3",
}: {
  action: (state: ActionState | null, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  testId?: string;
  className?: string;
}) {
  // The server action goes to useActionState as it is, so the form also works before hydration.
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("workspace.form");
  // React resets a form after its action; when nothing was saved, the fields come back with what was
  // sent (passwords excepted): the form remounts with the submitted values as its defaults.
  const [sent, setSent] = useState<Map<string, string[]> | null>(null);
  const kept = state && !state.ok ? sent : null;
  const errors = state?.errors ?? {};
  const keptValue = (name: string, fallback?: string, index = 0) => kept?.get(name)?.[index] ?? fallback;
  return (
    <form
      key={answerNumber(state)}
      action={formAction}
      onSubmit={(event) => setSent(submittedValues(new FormData(event.currentTarget), fields))}
      className={className}
      data-testid={testId}
      noValidate
    >
      {fields.map((field) => {
        if (field.kind === "hidden") return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        const id = `${testId ?? "form"}-${field.name.replace("[]", "")}${"index" in field && field.index !== undefined ? `-${field.index}` : ""}`;
        const errorId = `${id}-error`;
        // A list's errors come under its name without "[]" (the guard strips them), once, beside its first field.
        const fieldErrors = "index" in field && field.index ? undefined : errors[field.name.replace(/\[\]$/, "")];
        const describedBy = fieldErrors?.length ? errorId : undefined;
        const invalid = fieldErrors?.length ? true : undefined;
        const error = fieldErrors?.length ? (
          <p id={errorId} className="text-sm text-red-800">
            {fieldErrors.join(" ")}
          </p>
        ) : null;
        if (field.kind === "radio") {
          return (
            <fieldset key={field.name} aria-describedby={describedBy}>
              <legend className="text-sm font-medium">{field.label}</legend>
              {field.options.map((o) => (
                <label key={o.value} className="mt-1 flex items-start gap-2 text-sm">
                  <input type="radio" name={field.name} value={o.value} defaultChecked={kept?.get(field.name)?.includes(o.value) ?? false} className="mt-1" />
                  <span>{o.label}</span>
                </label>
              ))}
              {error}
            </fieldset>
          );
        }
        if (field.kind === "checkboxes") {
          const ticked = kept ? (kept.get(field.name) ?? []) : (field.defaultValues ?? []);
          return (
            <fieldset key={field.name} aria-describedby={[describedBy, field.hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined}>
              <legend className="text-sm font-medium">{field.label}</legend>
              {field.options.map((o) => (
                <label key={o.value} className="mt-1 flex items-start gap-2 text-sm">
                  <input type="checkbox" name={field.name} value={o.value} defaultChecked={ticked.includes(o.value)} className="mt-1" />
                  <span>
                    {o.lang ? <span lang={o.lang}>{o.label}</span> : o.label}
                    {o.note}
                  </span>
                </label>
              ))}
              {field.hint && (
                <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
                  {field.hint}
                </p>
              )}
              {error}
            </fieldset>
          );
        }
        if (field.kind === "checkbox") {
          return (
            <div key={field.name}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={field.name} value={field.value} defaultChecked={kept ? (kept.get(field.name)?.includes(field.value) ?? false) : (field.defaultChecked ?? false)} aria-invalid={invalid} aria-describedby={describedBy} />
                {field.label}
              </label>
              {error}
            </div>
          );
        }
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium">
              {field.label}
            </label>
            {field.kind === "select" ? (
              <select id={id} name={field.name} defaultValue={keptValue(field.name, field.defaultValue)} aria-invalid={invalid} aria-describedby={describedBy} className="rounded border border-stone-400 px-2 py-1.5">
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : field.kind === "textarea" ? (
              <textarea id={id} name={field.name} lang={field.lang} rows={field.rows ?? 3} defaultValue={keptValue(field.name, field.defaultValue, field.index)} aria-invalid={invalid} aria-describedby={describedBy} className="rounded border border-stone-400 px-2 py-1.5" />
            ) : (
              <input
                id={id}
                name={field.name}
                lang={field.lang}
                type={field.kind}
                defaultValue={field.kind === "password" ? undefined : keptValue(field.name, field.defaultValue, field.index)}
                required={field.required}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                className="rounded border border-stone-400 px-2 py-1.5"
              />
            )}
            {"hint" in field && field.hint && <p className="text-xs text-stone-600">{field.hint}</p>}
            {error}
          </div>
        );
      })}
      <div aria-live="polite">
        {state && (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
            {state.message}
          </p>
        )}
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? t("working") : submitLabel}
        </button>
      </div>
    </form>
  );
}
