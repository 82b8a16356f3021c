import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listConfidentialNameMatches, type ConfidentialTextMatch, type RecordKind } from "@/db/queries/confidential-texts";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { LINK_WITHHELD, NAME_WITHHELD } from "@/lib/redaction";
import { decideRedaction } from "../redaction-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Confidential names in public texts" };
export const dynamic = "force-dynamic";

const RECORD_LABELS: Record<RecordKind, string> = {
  statement: "Statement",
  signatory: "Signatory",
  benchmark_source: "Demand as a statement raised it",
  subject_event: "Dated event",
  benchmark: "Benchmark",
  subject: "Person or law",
  score: "Published score",
  evidence: "Evidence link",
};

const HIDE_LABELS: Partial<Record<RecordKind, string>> = {
  statement: "Hide the whole statement from the public",
  benchmark_source: "Hide this restated demand from the public",
  subject_event: "Hide this event from the public",
  benchmark: "Hide the benchmark: mark it confidential",
};

function reviewState(m: ConfidentialTextMatch): string {
  if (m.withheld) return "Hidden from the public.";
  if (!m.redactable) return "This address is public as it is: it is not rewritten. Hide the record to take it off the public site.";
  if (!m.review) return "The name is withheld on every public surface. Not reviewed yet.";
  const when = `${m.review.decidedBy}, ${m.review.decidedAt.slice(0, 10)}`;
  if (m.review.changedSince) return `The text changed after ${when} reviewed it: read it again.`;
  return m.review.decision === "hide" ? `Hidden by ${when}.` : `Reviewed by ${when}: the name stays withheld.`;
}

/** What an editor can decide on this text: keep the name withheld, hide the record, or show a hidden one again. */
function decisionOptions(m: ConfidentialTextMatch): Array<{ value: string; label: string }> {
  return [
    ...(m.redactable && !m.withheld ? [{ value: "redact", label: "Keep the name withheld (mark as reviewed)" }] : []),
    ...(m.hideable && !m.withheld ? [{ value: "hide", label: HIDE_LABELS[m.record.kind]! }] : []),
    ...(m.withheld && m.record.kind !== "benchmark" ? [{ value: "show", label: "Show it again, with the names withheld" }] : []),
  ];
}

function decisionFields(m: ConfidentialTextMatch, options: Array<{ value: string; label: string }>): FieldSpec[] {
  return [
    { kind: "hidden", name: "record", value: m.record.key },
    { kind: "hidden", name: "field", value: m.field },
    { kind: "radio", name: "decision", label: "Decision", options },
  ];
}

export default async function ConfidentialTextsPage() {
  const user = await requirePageUser("/editor/confidential-texts");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const { items, matches, truncated, hidden } = await listConfidentialNameMatches(getDb());
  const open = matches.filter((m) => !m.withheld && (!m.review || m.review.changedSince));

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor/reference">Reference data</Link> / Confidential names in public texts
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Confidential names in public texts</h1>
      <div className="mt-2 max-w-3xl space-y-2 text-sm text-stone-700">
        <p>
          Every name of a confidential person, law or practice (its name, its Chinese name and the other spellings given when it was marked), and the title
          of a confidential benchmark, is shown as “{NAME_WITHHELD}” wherever a public text contains it: pages, print views, embeds, the read API, the CSV,
          Excel and PDF exports, and searches. A link whose address contains one shows as “{LINK_WITHHELD}”. This happens on its own, also for texts written
          later; the stored texts are not changed, and the workspace shows them as written.
        </p>
        <p>
          Below is every public text that contains such a name. Read each one: where the rest of the text still identifies the person (“his wife, the
          poet”), hide the record. Not caught: a person described without any of the names, a spelling not listed (add it on the reference page), addresses
          (slugs) that contain a name, and copies already downloaded or kept elsewhere.
        </p>
      </div>

      <p className="mt-4 font-medium" role="status" data-testid="confidential-texts-summary">
        {items.length === 0
          ? "Nothing is confidential."
          : `${matches.length}${truncated ? "+" : ""} public ${matches.length === 1 ? "text names" : "texts name"} a confidential item; ${open.length} not reviewed yet.`}
      </p>

      {items.map((item) => {
        const own = matches.filter((m) => m.item.slug === item.slug && m.item.kind === item.kind);
        const heading = `confidential-${item.kind}-${item.slug}`;
        return (
          <section key={heading} aria-labelledby={heading} className="mt-6">
            <h2 id={heading} className="text-lg font-semibold">
              {item.label} <span className="text-sm font-normal text-stone-600">({item.kind}; withheld as {item.names.map((n) => `“${n}”`).join(", ")})</span>
            </h2>
            {own.length === 0 ? (
              <p className="mt-1 text-sm">No public text names it.</p>
            ) : (
              <ol className="mt-2 space-y-3" data-testid="confidential-texts">
                {own.map((m, i) => (
                  <li key={`${m.record.key}/${m.field}`} className="rounded border border-stone-200 bg-white p-3 text-sm" data-record={m.record.key} data-field={m.field}>
                    <p>
                      <strong>{RECORD_LABELS[m.record.kind]}</strong>, {m.fieldLabel}: {m.record.label}
                      {m.record.href && (
                        <>
                          {" "}
                          (<Link href={m.record.href}>public page</Link>)
                        </>
                      )}
                    </p>
                    <blockquote className="mt-1 border-l-4 border-stone-300 pl-2" data-testid="excerpt">
                      {m.excerpt.before}
                      <mark>{m.excerpt.match}</mark>
                      {m.excerpt.after}
                    </blockquote>
                    {m.occurrences > 1 && <p className="text-xs text-stone-600">Named {m.occurrences} times in this text.</p>}
                    <p className="mt-1" data-testid="review-state">{reviewState(m)}</p>
                    {decisionOptions(m).length > 0 && (
                      <ActionForm action={decideRedaction} testId={`decide-${item.slug}-${i}`} submitLabel="Apply" className="mt-2 flex flex-col gap-2" fields={decisionFields(m, decisionOptions(m))} />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {truncated && <p className="mt-4 text-sm">The list stops at {matches.length} texts; decide on these and reload for the rest.</p>}

      <section aria-labelledby="hidden-heading" className="mt-8">
        <h2 id="hidden-heading" className="text-lg font-semibold">Hidden from the public</h2>
        {hidden.length === 0 ? (
          <p className="mt-1 text-sm">No statement, demand or event is hidden.</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="hidden-records">
            {hidden.map((h) => (
              <li key={h.key} className="rounded border border-stone-200 bg-white p-3 text-sm">
                <p>
                  <strong>{RECORD_LABELS[h.kind]}</strong>: {h.label}
                </p>
                <ActionForm
                  action={decideRedaction}
                  testId={`show-${h.key.replaceAll(":", "-")}`}
                  submitLabel="Show it again"
                  className="mt-2 flex flex-col gap-2"
                  fields={[
                    { kind: "hidden", name: "record", value: h.key },
                    { kind: "hidden", name: "field", value: h.kind === "statement" ? "summary" : h.kind === "benchmark_source" ? "demand" : "description" },
                    { kind: "hidden", name: "decision", value: "show" },
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
