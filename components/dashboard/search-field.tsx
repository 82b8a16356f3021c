"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { MIN_SEARCH_LENGTH, mergeSuggestions, resolveTyped, suggestionsUrl, type Suggestion } from "@/lib/filter-suggestions";

/**
 * A filter whose options are too many for a <select>: a text input that submits a slug. Without
 * JavaScript the reader types the identifier the hint explains; with it, typing a name fills a
 * <datalist> from the read API (`suggestFrom`: list endpoints that take `q`), a name typed in full
 * is swapped for its slug when the form is sent, and a value the server would refuse is explained at once.
 */
export function SearchField({
  name,
  label,
  defaultValue,
  selectedLabel,
  hint,
  suggestFrom = [],
}: {
  name: string;
  label: string;
  defaultValue: string | undefined;
  /** The name of what the URL selects now, when it names something. */
  selectedLabel?: string | null;
  hint: React.ReactNode;
  suggestFrom?: string[];
}) {
  const t = useTranslations("filters");
  const id = `filter-${name}`;
  const suggests = suggestFrom.length > 0;
  const inputRef = useRef<HTMLInputElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [status, setStatus] = useState("");
  const latest = useRef<Suggestion[]>([]);
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; controller?: AbortController }>({});

  useEffect(() => {
    latest.current = suggestions;
  }, [suggestions]);

  useEffect(() => {
    const input = inputRef.current;
    const form = input?.form;
    if (!input || !form) return;
    // The form data is read after the submit event, so a name typed in full still goes out as its slug.
    const onSubmit = (event: SubmitEvent) => {
      const typed = resolveTyped(input.value, latest.current);
      if ("value" in typed) {
        input.value = typed.value;
        return;
      }
      event.preventDefault();
      input.setCustomValidity(typed.problem);
      input.reportValidity();
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);

  useEffect(() => {
    const current = pending.current;
    return () => {
      clearTimeout(current.timer);
      current.controller?.abort();
    };
  }, []);

  function search(value: string) {
    clearTimeout(pending.current.timer);
    pending.current.controller?.abort();
    const term = value.trim();
    // Picking a suggestion puts its slug in the field: nothing new to look up.
    if (term.length < MIN_SEARCH_LENGTH || latest.current.some((s) => s.slug === term)) return;
    pending.current.timer = setTimeout(async () => {
      const controller = new AbortController();
      pending.current.controller = controller;
      try {
        const pages = await Promise.all(
          suggestFrom.map(async (path) => {
            const response = await fetch(suggestionsUrl(path, term), { signal: controller.signal });
            return response.ok ? ((await response.json()) as Parameters<typeof mergeSuggestions>[0][number]) : { data: [] };
          }),
        );
        const found = mergeSuggestions(pages, term);
        setSuggestions(found);
        setStatus(found.length === 0 ? t("nothingFound", { term }) : t("suggestions", { count: found.length }));
      } catch (error) {
        if (!controller.signal.aborted) setStatus(t("suggestionsFailed", { reason: error instanceof Error ? error.message : t("networkError") }));
      }
    }, 250);
  }

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-stone-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        list={suggests ? `${id}-suggestions` : undefined}
        defaultValue={defaultValue ?? ""}
        placeholder={t("all")}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onInput={(event) => {
          event.currentTarget.setCustomValidity("");
          if (suggests) search(event.currentTarget.value);
        }}
        className="w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
      />
      {suggests && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s.slug} value={s.slug} label={s.label} />
          ))}
        </datalist>
      )}
      <p id={`${id}-hint`} className="text-xs text-stone-600">
        {selectedLabel && (
          <>
            <span className="font-medium text-stone-800">{t("now", { label: selectedLabel })}</span>{" "}
          </>
        )}
        {hint}
      </p>
      {suggests && (
        <p role="status" className="sr-only">
          {status}
        </p>
      )}
    </div>
  );
}
