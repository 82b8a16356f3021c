import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { ExternalLink } from "@/components/ui/external-link";
import { listDraftQueue, type DraftSource } from "@/db/queries/drafts";
import { listReferenceData } from "@/db/queries/reference";
import { listReviewRounds } from "@/db/queries/review";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/server/auth/session";
import { canReviewDrafts } from "@/lib/permissions";
import { ADDRESSEE_LABELS, ADDRESSEES, DATE_PRECISIONS, REVIEW_STATE_LABELS, STATEMENT_KIND_LABELS, STATEMENT_KINDS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { approveDraftItem, editBenchmarkDraft, editStatementDraft, mergeBenchmarkDraft, rejectDraftItem } from "../draft-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Drafts to review" };
export const dynamic = "force-dynamic";

function Decide({ target, testId, approveLabel }: { target: string; testId: string; approveLabel: string }) {
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-2">
      <ActionForm action={approveDraftItem} testId={`approve-${testId}`} submitLabel={approveLabel} fields={[{ kind: "hidden", name: "target", value: target }]} />
      <ActionForm
        action={rejectDraftItem}
        testId={`reject-${testId}`}
        submitLabel="Reject"
        fields={[
          { kind: "hidden", name: "target", value: target },
          { kind: "textarea", name: "reason", label: "Reason for rejecting (the reviewer reads it)" },
        ]}
      />
    </div>
  );
}

function SourceLine({ source }: { source: DraftSource }) {
  return (
    <li className="text-sm">
      <span className="font-medium">{source.statementTitle}</span>{" "}
      <span className="text-xs text-stone-600">(statement: {REVIEW_STATE_LABELS[source.statementState].toLowerCase()})</span>
      <blockquote className="mt-1 border-l-4 border-stone-300 pl-3">{source.demand}</blockquote>
    </li>
  );
}

export default async function DraftsPage() {
  const user = await requirePageUser("/editor/drafts");
  if (!canReviewDrafts(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const queue = await listDraftQueue(db);
  const reference = await listReferenceData(db);
  const rounds = await listReviewRounds(db);
  const approvedBenchmarks = reference.benchmarks.filter((b) => b.reviewState === "approved");
  const empty = queue.statements.length + queue.benchmarks.length + queue.sources.length === 0;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">Editor</Link> / Drafts
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Drafts to review</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        What reviewers added stays out of every public page, export and figure until you approve it. Approving a benchmark also approves its draft statement, so
        no benchmark is public without its source; approving a statement leaves its benchmarks for you to check one by one. A rejection keeps the item stored and
        shows your reason to the reviewer who added it. Every decision is in the audit log.
      </p>
      {empty && (
        <p className="mt-4 rounded border border-stone-200 bg-white p-4" role="status">
          Nothing is waiting for review.
        </p>
      )}

      {queue.statements.length > 0 && (
        <section aria-labelledby="draft-statements" className="mt-6">
          <h2 id="draft-statements" className="text-lg font-semibold">Statements ({queue.statements.length})</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-statements">
            {queue.statements.map((s) => (
              <li key={s.slug} id={`statement-${s.slug}`} data-statement={s.slug} className="rounded border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">{s.title}</h3>
                <p className="text-sm text-stone-600">
                  {STATEMENT_KIND_LABELS[s.kind]} · {formatDate(s.date, s.datePrecision)} · {s.language}
                  {s.roundName && ` · addresses ${s.roundName}`} · added by {s.addedBy ?? "unknown"} on {s.createdAt.slice(0, 10)}
                </p>
                {s.publishers.length > 0 && <p className="text-sm">Published by {s.publishers.join(", ")}</p>}
                {s.sourceUrl && (
                  <p className="text-sm">
                    <ExternalLink href={s.sourceUrl}>Source</ExternalLink>
                  </p>
                )}
                {s.summary && <p className="mt-1 text-sm">{s.summary}</p>}
                <p className="mt-1 text-sm">
                  <Link href={`/review/statements/${s.slug}`}>Its candidate demands</Link>
                </p>
                <Decide target={`statement:${s.slug}`} testId={`statement-${s.slug}`} approveLabel="Approve statement" />
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">Edit before approving</summary>
                  <ActionForm
                    action={editStatementDraft}
                    testId={`edit-statement-${s.slug}`}
                    submitLabel="Save changes"
                    fields={[
                      { kind: "hidden", name: "slug", value: s.slug },
                      { kind: "text", name: "title", label: "Title", defaultValue: s.title },
                      { kind: "select", name: "kind", label: "Kind", defaultValue: s.kind, options: STATEMENT_KINDS.map((k) => ({ value: k, label: STATEMENT_KIND_LABELS[k] })) },
                      { kind: "date", name: "date", label: "Date", defaultValue: s.date },
                      { kind: "select", name: "datePrecision", label: "Date known to the", defaultValue: s.datePrecision, options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })) },
                      { kind: "text", name: "language", label: "Language", defaultValue: s.language },
                      { kind: "text", name: "sourceUrl", label: "Source address (http or https)", defaultValue: s.sourceUrl ?? "" },
                      { kind: "textarea", name: "summary", label: "Summary", defaultValue: s.summary },
                    ]}
                  />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      {queue.benchmarks.length > 0 && (
        <section aria-labelledby="draft-benchmarks" className="mt-6">
          <h2 id="draft-benchmarks" className="text-lg font-semibold">Benchmarks ({queue.benchmarks.length})</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-benchmarks">
            {queue.benchmarks.map((b) => {
              const draftStatements = b.sources.filter((src) => src.statementState === "draft").map((src) => `“${src.statementTitle}”`);
              const firstSource = b.sources[0];
              return (
                <li key={b.slug} id={`benchmark-${b.slug}`} data-benchmark={b.slug} className="rounded border border-stone-200 bg-white p-4">
                  <h3 className="font-semibold">{b.title}</h3>
                  <p className="text-sm text-stone-600">
                    {b.categoryName} · {ADDRESSEE_LABELS[b.addressee]} · applies from {b.appliesFromName} · added by {b.addedBy ?? "unknown"} on {b.createdAt.slice(0, 10)}
                  </p>
                  <ul className="mt-2 space-y-2">
                    {b.sources.map((src) => (
                      <SourceLine key={src.statementSlug} source={src} />
                    ))}
                  </ul>
                  <Decide
                    target={`benchmark:${b.slug}`}
                    testId={`benchmark-${b.slug}`}
                    approveLabel={draftStatements.length ? `Approve benchmark and its statement ${draftStatements.join(", ")}` : "Approve benchmark"}
                  />
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <details>
                      <summary className="cursor-pointer text-sm font-medium">Edit before approving</summary>
                      {firstSource && (
                        <ActionForm
                          action={editBenchmarkDraft}
                          testId={`edit-benchmark-${b.slug}`}
                          submitLabel="Save changes"
                          fields={[
                            { kind: "hidden", name: "slug", value: b.slug },
                            { kind: "hidden", name: "statementSlug", value: firstSource.statementSlug },
                            { kind: "text", name: "title", label: "Benchmark title", defaultValue: b.title },
                            { kind: "textarea", name: "demand", label: `The demand as “${firstSource.statementTitle}” puts it`, defaultValue: firstSource.demand },
                            { kind: "select", name: "categorySlug", label: "Category", defaultValue: b.categorySlug, options: reference.categories.map((c) => ({ value: c.slug, label: c.name })) },
                            { kind: "select", name: "addressee", label: "Addressed to", defaultValue: b.addressee, options: ADDRESSEES.map((a) => ({ value: a, label: ADDRESSEE_LABELS[a] })) },
                            { kind: "select", name: "appliesFromRoundSlug", label: "Applies from round", defaultValue: b.appliesFromSlug, options: rounds.map((r) => ({ value: r.slug, label: r.name })) },
                          ]}
                        />
                      )}
                    </details>
                    <details>
                      <summary className="cursor-pointer text-sm font-medium">Merge into an existing benchmark</summary>
                      <ActionForm
                        action={mergeBenchmarkDraft}
                        testId={`merge-benchmark-${b.slug}`}
                        submitLabel="Merge"
                        fields={[
                          { kind: "hidden", name: "slug", value: b.slug },
                          {
                            kind: "select",
                            name: "intoSlug",
                            label: "The existing benchmark it repeats",
                            defaultValue: "",
                            options: [{ value: "", label: "Choose a benchmark" }, ...approvedBenchmarks.map((a) => ({ value: a.slug, label: a.title }))],
                          },
                        ]}
                      />
                    </details>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {queue.sources.length > 0 && (
        <section aria-labelledby="draft-sources" className="mt-6">
          <h2 id="draft-sources" className="text-lg font-semibold">Statements cited as a further source ({queue.sources.length})</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-sources">
            {queue.sources.map((src) => (
              <li key={`${src.benchmarkSlug}@${src.statementSlug}`} data-source={`${src.benchmarkSlug}@${src.statementSlug}`} className="rounded border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">{src.benchmarkTitle}</h3>
                <p className="text-sm text-stone-600">
                  Added by {src.addedBy ?? "unknown"}
                  {src.statementState === "draft" && " · shows once its statement is approved too"}
                </p>
                <ul className="mt-2">
                  <SourceLine source={src} />
                </ul>
                <Decide target={`source:${src.benchmarkSlug}@${src.statementSlug}`} testId={`source-${src.benchmarkSlug}-${src.statementSlug}`} approveLabel="Approve source" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
