"use client";

import { Link } from "@/components/ui/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { AssessmentActionState } from "@/app/[locale]/(workspace)/review/actions";
import { STATUSES, type Status } from "@/lib/domain";
import { evidenceErrorsByRow } from "@/lib/validation/assessment";

export interface EvidenceDraft {
  url: string;
  title: string;
  publishedOn: string | null;
}

export interface AssessmentDraft {
  status: Status | "";
  rationale: string;
  publicRecord: boolean;
  evidence: EvidenceDraft[];
}

// The schema's bound on evidence links; the add button stops there.
const MAX_EVIDENCE = 20;

type Errors = Record<string, string[] | undefined>;

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

function draftFromForm(form: HTMLFormElement): AssessmentDraft {
  const data = new FormData(form);
  const text = (name: string) => data.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const titles = text("evidenceTitle[]");
  const dates = text("evidenceDate[]");
  const status = data.get("status");
  return {
    status: (STATUSES as readonly string[]).includes(String(status)) ? (status as Status) : "",
    rationale: String(data.get("rationale") ?? ""),
    publicRecord: data.get("publicRecord") === "yes",
    evidence: text("evidenceUrl[]").map((url, i) => ({ url, title: titles[i] ?? "", publishedOn: dates[i] || null })),
  };
}

interface Row extends EvidenceDraft {
  id: number;
  errors?: { url: string[]; title: string[]; date: string[] };
}

/**
 * The fields of one version of the form. It is remounted (new key) with the values to show every
 * time the server answers or the reviewer starts from the previous round, so what is on screen is
 * always what was saved or what was sent, never what React's reset after an action leaves behind.
 */
function ScoreFields({ initial, errors }: { initial: AssessmentDraft; errors: Errors }) {
  const t = useTranslations("scoring.form");
  const tStatus = useTranslations("status");
  const rowErrors = evidenceErrorsByRow(errors);
  const [rows, setRows] = useState<Row[]>(() => {
    const start = initial.evidence.length > 0 ? initial.evidence : [{ url: "", title: "", publishedOn: null }];
    return start.map((e, i) => ({ ...e, id: i, errors: rowErrors.get(i + 1) }));
  });
  const [nextId, setNextId] = useState(rows.length);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget)?.focus();
  }, [focusTarget, rows]);

  function addRow() {
    setRows([...rows, { id: nextId, url: "", title: "", publishedOn: null }]);
    setNextId(nextId + 1);
    setFocusTarget(`evidence-url-${nextId}`);
  }

  function removeRow(index: number) {
    if (rows.length === 1) {
      // The last row is emptied rather than removed, so there is always a place to add a link.
      setRows([{ id: nextId, url: "", title: "", publishedOn: null }]);
      setNextId(nextId + 1);
      setFocusTarget(`evidence-url-${nextId}`);
      return;
    }
    const remaining = rows.filter((_, i) => i !== index);
    setRows(remaining);
    const neighbour = remaining[Math.min(index, remaining.length - 1)]!;
    setFocusTarget(`evidence-remove-${neighbour.id}`);
  }

  const statusInvalid = Boolean(errors.status?.length);
  const rationaleInvalid = Boolean(errors.rationale?.length);
  return (
    <>
      <fieldset role="radiogroup" aria-labelledby="status-legend" aria-invalid={statusInvalid || undefined} aria-describedby={statusInvalid ? "status-error" : undefined}>
        <legend id="status-legend" className="font-medium">
          {t("status")}
        </legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {STATUSES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="radio" id={`status-${s}`} name="status" value={s} defaultChecked={initial.status === s} />
              {tStatus(s)}
            </label>
          ))}
        </div>
        <FieldError id="status-error" messages={errors.status} />
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="rationale" className="font-medium">
          {t("rationale")}
        </label>
        <textarea
          id="rationale"
          name="rationale"
          rows={4}
          defaultValue={initial.rationale}
          aria-invalid={rationaleInvalid || undefined}
          aria-describedby={rationaleInvalid ? "rationale-error" : undefined}
          className="rounded border border-stone-400 px-2 py-1.5"
        />
        <FieldError id="rationale-error" messages={errors.rationale} />
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="checkbox" name="publicRecord" value="yes" defaultChecked={initial.publicRecord} className="mt-1" aria-describedby="public-record-hint" />
          <span>
            {t("publicRecord")}
            <span id="public-record-hint" className="block text-xs text-stone-600">
              {t("publicRecordHint")}
            </span>
          </span>
        </label>
      </div>
      <fieldset>
        <legend className="font-medium">{t("evidence")}</legend>
        <ol className="flex flex-col gap-3">
          {rows.map((row, i) => {
            const n = i + 1;
            const field = (key: "url" | "title" | "date") => {
              const messages = row.errors?.[key];
              const id = `evidence-${key}-${row.id}-error`;
              return { invalid: messages?.length ? true : undefined, describedBy: messages?.length ? id : undefined, error: <FieldError id={id} messages={messages} /> };
            };
            const url = field("url");
            const title = field("title");
            const date = field("date");
            return (
              <li key={row.id} className="grid items-start gap-2 sm:grid-cols-[2fr_2fr_1fr_auto]" data-evidence-row={n}>
                <div className="flex flex-col text-sm">
                  <label htmlFor={`evidence-url-${row.id}`}>{t("address", { n })}</label>
                  <input
                    id={`evidence-url-${row.id}`}
                    name="evidenceUrl[]"
                    type="url"
                    defaultValue={row.url}
                    aria-invalid={url.invalid}
                    aria-describedby={url.describedBy}
                    className="rounded border border-stone-400 px-2 py-1"
                  />
                  {url.error}
                </div>
                <div className="flex flex-col text-sm">
                  <label htmlFor={`evidence-title-${row.id}`}>{t("linkTitle", { n })}</label>
                  <input
                    id={`evidence-title-${row.id}`}
                    name="evidenceTitle[]"
                    defaultValue={row.title}
                    aria-invalid={title.invalid}
                    aria-describedby={title.describedBy}
                    className="rounded border border-stone-400 px-2 py-1"
                  />
                  {title.error}
                </div>
                <div className="flex flex-col text-sm">
                  <label htmlFor={`evidence-date-${row.id}`}>{t("date", { n })}</label>
                  <input
                    id={`evidence-date-${row.id}`}
                    name="evidenceDate[]"
                    type="date"
                    defaultValue={row.publishedOn ?? ""}
                    aria-invalid={date.invalid}
                    aria-describedby={date.describedBy}
                    className="rounded border border-stone-400 px-2 py-1"
                  />
                  {date.error}
                </div>
                <button
                  type="button"
                  id={`evidence-remove-${row.id}`}
                  onClick={() => removeRow(i)}
                  className="self-end rounded border border-stone-400 px-2 py-1 text-sm hover:bg-stone-100"
                >
                  {t("remove", { n })}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 text-sm">
          <button type="button" onClick={addRow} disabled={rows.length >= MAX_EVIDENCE} className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100 disabled:opacity-60">
            {t("add")}
          </button>
          {rows.length >= MAX_EVIDENCE && <span className="ml-2 text-stone-600">{t("atMost", { max: MAX_EVIDENCE })}</span>}
        </p>
      </fieldset>
    </>
  );
}

/** The fields an answer marked, as links to them: the messages themselves stand beside the fields. */
function fieldsToCorrect(errors: Errors, t: ReturnType<typeof useTranslations<"scoring.form">>): Array<{ label: string; target: string }> {
  const fields: Array<{ label: string; target: string }> = [];
  if (errors.status?.length) fields.push({ label: t("status"), target: `status-${STATUSES[0]}` });
  if (errors.rationale?.length) fields.push({ label: t("rationale"), target: "rationale" });
  // Rows are numbered from 1 and, in a freshly mounted form, have ids from 0.
  for (const [row, kinds] of [...evidenceErrorsByRow(errors)].sort(([a], [b]) => a - b)) {
    if (kinds.url.length) fields.push({ label: t("address", { n: row }), target: `evidence-url-${row - 1}` });
    if (kinds.title.length) fields.push({ label: t("linkTitle", { n: row }), target: `evidence-title-${row - 1}` });
    if (kinds.date.length) fields.push({ label: t("date", { n: row }), target: `evidence-date-${row - 1}` });
  }
  return fields;
}

export function AssessmentForm(props: {
  roundSlug: string;
  benchmarkSlug: string;
  expectedLatestId: number;
  current: AssessmentDraft;
  /** The previous round's score as the form would carry it forward: rationale already rewritten, never demo text. */
  previous: { roundName: string; status: Status; isDemo: boolean; carried: AssessmentDraft } | null;
  /** The server action that saves the score (the page passes it in). */
  save: (previous: AssessmentActionState | null, data: FormData) => Promise<AssessmentActionState>;
}) {
  const [state, action, pending] = useActionState<AssessmentActionState | null, FormData>(props.save, null);
  const t = useTranslations("scoring.form");
  const tStatus = useTranslations("status");
  const [sent, setSent] = useState<AssessmentDraft | null>(null);
  const [seenState, setSeenState] = useState(state);
  const [shown, setShown] = useState({ key: 0, values: props.current, fromAnswer: false });
  const [expectedLatestId, setExpectedLatestId] = useState(props.expectedLatestId);
  const [prefilled, setPrefilled] = useState(false);
  // A new answer: show what was saved, or what was sent when nothing was, in a freshly mounted form.
  if (state !== seenState) {
    setSeenState(state);
    const values = state?.ok && state.saved ? { status: state.saved.status, rationale: state.saved.rationale, publicRecord: state.saved.publicRecord, evidence: state.saved.evidence } : (sent ?? shown.values);
    setShown({ key: shown.key + 1, values, fromAnswer: true });
    setPrefilled(false);
    const newLatest = state?.saved?.assessmentId ?? state?.conflict?.assessmentId;
    if (newLatest !== undefined) setExpectedLatestId(newLatest);
  }

  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (shown.fromAnswer) message.current?.focus();
  }, [shown]);

  function startFromPrevious() {
    if (!props.previous) return;
    setShown({ key: shown.key + 1, values: props.previous.carried, fromAnswer: false });
    setPrefilled(true);
  }

  const errors: Errors = (shown.fromAnswer && state?.errors) || {};
  const toCorrect = fieldsToCorrect(errors, t);
  return (
    <div>
      {props.previous && (
        <p className="mb-3 text-sm" data-testid="previous-score">
          <button type="button" onClick={startFromPrevious} className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
            {t("startFromPrevious")}
          </button>{" "}
          <span className="text-stone-700">
            {t("previous", { round: props.previous.roundName, status: tStatus(props.previous.status), demo: props.previous.isDemo ? t("previousDemo") : "" })}
          </span>
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {prefilled && props.previous ? t("filledIn", { round: props.previous.roundName }) : ""}
      </p>
      {state?.conflict && shown.fromAnswer && (
        <section aria-labelledby="meanwhile-heading" className="mb-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="saved-meanwhile">
          <h2 id="meanwhile-heading" className="font-medium">
            {t("meanwhile", { time: state.conflict.createdAt.slice(0, 16).replace("T", " "), status: tStatus(state.conflict.status) })}
          </h2>
          <p className="whitespace-pre-line">{state.conflict.rationale}</p>
          {state.conflict.evidence.length > 0 && <p className="text-stone-700">{t("meanwhileEvidence", { count: state.conflict.evidence.length })}</p>}
        </section>
      )}
      <form
        key={shown.key}
        action={action}
        onSubmit={(event) => setSent(draftFromForm(event.currentTarget))}
        className="flex flex-col gap-4"
        noValidate
      >
        <input type="hidden" name="roundSlug" value={props.roundSlug} />
        <input type="hidden" name="benchmarkSlug" value={props.benchmarkSlug} />
        <input type="hidden" name="expectedLatestId" value={expectedLatestId} />
        <ScoreFields initial={shown.values} errors={errors} />
        <div aria-live="polite">
          {state && shown.fromAnswer && (
            <div>
              <p ref={message} tabIndex={-1} role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
                {state.message}
              </p>
              {toCorrect.length > 0 && (
                <p className="mt-1 text-sm text-red-800">
                  {t("marked")}{" "}
                  {toCorrect.map((f, i) => (
                    <span key={f.target}>
                      {i > 0 && ", "}
                      <a href={`#${f.target}`}>{f.label}</a>
                    </span>
                  ))}
                  .
                </p>
              )}
            </div>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            name="afterSave"
            value="stay"
            disabled={pending}
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
          >
            {t("save")}
          </button>
          <button
            type="submit"
            name="afterSave"
            value="next"
            disabled={pending}
            className="rounded border border-blue-800 px-4 py-2 font-medium text-blue-900 hover:bg-blue-50 disabled:opacity-60"
          >
            {t("saveNext")}
          </button>
          {pending && <span role="status">{t("saving")}</span>}
          <Link href={`/review/${props.roundSlug}`}>{t("back")}</Link>
        </div>
      </form>
    </div>
  );
}
