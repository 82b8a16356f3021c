"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ImportActionState } from "@/lib/import/summary";

/**
 * The CSV upload: a file that is too large is stopped here, before it is sent; the server checks
 * again, then lists each bad row by line, or says what it wrote.
 */
export function ImportForm({
  action,
  maxBytes,
  maxLabel,
}: {
  action: (state: ImportActionState | null, formData: FormData) => Promise<ImportActionState>;
  maxBytes: number;
  maxLabel: string;
}) {
  const t = useTranslations("importPage");
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const fieldErrors = [...(tooLarge ? [tooLarge] : []), ...(state?.errors?.file ?? [])];

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setTooLarge(t("tooLarge", { name: file.name, size: format.number(file.size / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), max: maxLabel }));
    } else {
      setTooLarge(null);
    }
  }

  return (
    <form action={formAction} onSubmit={checkSize} className="flex flex-col gap-3" data-testid="import-form" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-medium">
          {t("file")}
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`import-file-hint${fieldErrors.length ? " import-file-error" : ""}`}
          className="rounded border border-stone-400 px-2 py-1.5"
        />
        <p id="import-file-hint" className="text-xs text-stone-600">
          {t("hint", { max: maxLabel })}
        </p>
        {fieldErrors.length > 0 && (
          <p id="import-file-error" className="text-sm text-red-800">
            {fieldErrors.join(" ")}
          </p>
        )}
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? t("importing") : t("import")}
        </button>
      </div>
      <div aria-live="polite">
        {state && !tooLarge && (
          <div className="flex flex-col gap-2">
            <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
              {state.message}
            </p>
            {state.problems && state.problems.length > 0 && (
              <ul className="list-none text-sm" data-testid="import-problems">
                {state.problems.map((p, i) => (
                  <li key={i} className="border-b border-stone-100 py-1">
                    <strong>{t("line", { line: p.line })}</strong> {p.message}
                  </li>
                ))}
              </ul>
            )}
            {state.summary && (
              <ul className="list-disc pl-5 text-sm" data-testid="import-summary">
                {state.summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
