"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { saveAssessment } from "@/app/(workspace)/review/actions";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";
import type { ActionState } from "@/lib/auth/guard";

export interface AssessmentDraft {
  status: Status | "";
  rationale: string;
  evidence: Array<{ url: string; title: string; publishedOn: string | null }>;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

export function AssessmentForm(props: {
  roundSlug: string;
  benchmarkSlug: string;
  expectedLatestId: number;
  current: AssessmentDraft;
  previous: (AssessmentDraft & { roundName: string }) | null;
}) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(saveAssessment, null);
  const [draft, setDraft] = useState<AssessmentDraft>(props.current);
  const [formKey, setFormKey] = useState(0);
  const rows = [...draft.evidence, { url: "", title: "", publishedOn: null }, { url: "", title: "", publishedOn: null }].slice(0, Math.max(2, draft.evidence.length + 1));

  function startFromPrevious() {
    if (!props.previous) return;
    setDraft({ status: props.previous.status, rationale: props.previous.rationale, evidence: props.previous.evidence });
    setFormKey((k) => k + 1);
  }

  const errors = state?.errors ?? {};
  return (
    <div>
      {props.previous && (
        <p className="mb-3 text-sm">
          <button type="button" onClick={startFromPrevious} className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
            Start from the previous round&apos;s score
          </button>{" "}
          <span className="text-stone-600">
            ({props.previous.roundName}: {props.previous.status ? STATUS_LABELS[props.previous.status] : "—"})
          </span>
        </p>
      )}
      <form key={formKey} action={action} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="roundSlug" value={props.roundSlug} />
        <input type="hidden" name="benchmarkSlug" value={props.benchmarkSlug} />
        <input type="hidden" name="expectedLatestId" value={props.expectedLatestId} />
        <fieldset aria-describedby={errors.status ? "status-error" : undefined}>
          <legend className="font-medium">Status</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="radio" name="status" value={s} defaultChecked={draft.status === s} />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
          <FieldError id="status-error" messages={errors.status} />
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="rationale" className="font-medium">
            Rationale
          </label>
          <textarea
            id="rationale"
            name="rationale"
            rows={4}
            defaultValue={draft.rationale}
            aria-describedby={errors.rationale ? "rationale-error" : undefined}
            className="rounded border border-stone-400 px-2 py-1.5"
          />
          <FieldError id="rationale-error" messages={errors.rationale} />
        </div>
        <fieldset>
          <legend className="font-medium">Evidence (http or https links)</legend>
          {rows.map((row, i) => (
            <div key={i} className="mt-2 grid gap-2 sm:grid-cols-[2fr_2fr_1fr]">
              <label className="flex flex-col text-sm">
                Address {i + 1}
                <input name="evidenceUrl[]" type="url" defaultValue={row.url} className="rounded border border-stone-400 px-2 py-1" />
              </label>
              <label className="flex flex-col text-sm">
                Title {i + 1}
                <input name="evidenceTitle[]" defaultValue={row.title} className="rounded border border-stone-400 px-2 py-1" />
              </label>
              <label className="flex flex-col text-sm">
                Date {i + 1}
                <input name="evidenceDate[]" type="date" defaultValue={row.publishedOn ?? ""} className="rounded border border-stone-400 px-2 py-1" />
              </label>
            </div>
          ))}
          <FieldError id="evidence-url-error" messages={errors.evidenceUrl} />
          <FieldError id="evidence-title-error" messages={errors.evidenceTitle} />
          <FieldError id="evidence-date-error" messages={errors.evidenceDate} />
        </fieldset>
        <div aria-live="polite">
          {state && (
            <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
              {state.message}
            </p>
          )}
        </div>
        <div className="flex items-center gap-4">
          <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
            {pending ? "Saving…" : "Save score"}
          </button>
          <Link href={`/review/${props.roundSlug}`}>Back to the queue</Link>
        </div>
      </form>
    </div>
  );
}
