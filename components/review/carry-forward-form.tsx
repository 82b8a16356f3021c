"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { CarryForwardActionState } from "@/app/[locale]/(workspace)/review/actions";

// The benchmarks sent with a refused request: their boxes come back ticked after React resets the form.
const KeptChoices = createContext<ReadonlySet<string>>(new Set());

/** One row's box in the queue; its value is "slug:latest id on this page", the id the conflict check compares. */
export function QueueCheckbox({ value, label }: { value: string; label: string }) {
  const kept = useContext(KeptChoices);
  return <input type="checkbox" name="chosen[]" value={value} defaultChecked={kept.has(value)} aria-label={label} className="h-4 w-4" />;
}

/** The review queue as a form: tick benchmarks, then carry their previous scores forward in one go. */
export function CarryForwardForm({
  roundSlug,
  carryForward,
  children,
}: {
  roundSlug: string;
  /** The server action that carries the chosen scores forward (the page passes it in). */
  carryForward: (previous: CarryForwardActionState | null, data: FormData) => Promise<CarryForwardActionState>;
  children: React.ReactNode;
}) {
  const [state, action, pending] = useActionState<CarryForwardActionState | null, FormData>(carryForward, null);
  const t = useTranslations("review.carry");
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const [seen, setSeen] = useState({ state, answers: 0 });
  if (seen.state !== state) setSeen({ state, answers: seen.answers + 1 });
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (seen.answers > 0) result.current?.focus();
  }, [seen]);

  function chooseAll(checked: boolean) {
    form.current?.querySelectorAll<HTMLInputElement>('input[name="chosen[]"]').forEach((box) => (box.checked = checked));
  }

  return (
    <form
      key={seen.answers}
      ref={form}
      action={action}
      onSubmit={(event) => setSent(new Set(new FormData(event.currentTarget).getAll("chosen[]").map(String)))}
      noValidate
    >
      <input type="hidden" name="roundSlug" value={roundSlug} />
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <button type="button" onClick={() => chooseAll(true)} className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
          {t("chooseAll")}
        </button>
        <button type="button" onClick={() => chooseAll(false)} className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
          {t("clear")}
        </button>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {t("submit")}
        </button>
        {pending && <span role="status">{t("pending")}</span>}
      </div>
      <p className="mt-1 text-xs text-stone-600">{t("hint")}</p>
      <div aria-live="polite">
        {state && (
          <div ref={result} tabIndex={-1} data-testid="carry-forward-result" className={`mt-2 rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50"}`}>
            <p role={state.ok ? "status" : "alert"}>{state.message}</p>
            {state.errors?.chosen && <p className="text-red-800">{state.errors.chosen.join(" ")}</p>}
            {state.skipped && state.skipped.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {state.skipped.map((s) => (
                  <li key={s.benchmarkSlug}>{t("skippedItem", { title: s.title, why: s.why })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <KeptChoices.Provider value={state && !state.ok ? sent : new Set()}>{children}</KeptChoices.Provider>
    </form>
  );
}
