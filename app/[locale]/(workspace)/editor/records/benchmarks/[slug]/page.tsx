import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getBenchmarkRecord, listMergeTargets, listRoundOptions } from "@/db/queries/record-statements";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { listReferenceData } from "@/db/queries/reference";
import { ADDRESSEE_LABELS, ADDRESSEES, REVIEW_STATE_LABELS } from "@/lib/domain";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { requirePageUser } from "@/server/auth/session";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { editBenchmarkRecord, mergeBenchmarkRecord } from "../../statement-record-actions";

export const metadata: Metadata = { title: "Edit a benchmark" };
export const dynamic = "force-dynamic";

const FIELD_LABELS = {
  title: "title",
  titleZh: "title in Chinese",
  category: "category",
  addressee: "addressed to",
  appliesFrom: "applies from",
  scope: "assessed at (tracks; none: every track)",
  subjects: "people and laws",
  demands: "restated demands",
  demandsZh: "restated demands in Chinese",
  reviewState: "review state",
  mergedInto: "merged into",
  mergedFrom: "took in",
  sourcesMoved: "sources moved",
  roundsMoved: "scores moved at",
  roundsKeptHere: "scores kept here at",
  wordingsDropped: "other wordings of a shared source",
  confidential: "confidential",
};

type Props = { params: Promise<{ slug: string }> };

export default async function BenchmarkRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("benchmark", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const benchmark = await getBenchmarkRecord(db, slug);
  if (!benchmark) notFound();
  const record = { entity: "benchmark" as const, id: benchmark.id };
  const [version, history, rounds, reference, targets] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listRoundOptions(db),
    listReferenceData(db),
    listMergeTargets(db, benchmark.id),
  ]);
  const f = benchmark.fields;
  const editable = benchmark.reviewState !== "merged";

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">Editor</Link> / Benchmark
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Edit the benchmark “{f.title}”</h1>
      <p className="mt-2 text-sm text-stone-700" data-testid="record-state">
        {REVIEW_STATE_LABELS[benchmark.reviewState]}
        {benchmark.confidential && ", confidential"}.{" "}
        {benchmark.mergedInto && (
          <>
            It was merged into <Link href={recordEditPath("benchmark", benchmark.mergedInto.slug)}>“{benchmark.mergedInto.title}”</Link>, which holds its sources and scores.{" "}
          </>
        )}
        {benchmark.public ? (
          <>
            The public sees it at <Link href={`/benchmarks/${benchmark.slug}`}>its page</Link>: a change to what that page shows is dated there as a correction.
          </>
        ) : (
          "The public does not see it (a draft, confidential, about a confidential person or law, or from a round not yet published)."
        )}
      </p>
      {editable && (
        <div className="mt-4 flex max-w-3xl flex-col gap-6">
          <section aria-labelledby="edit-heading" className="min-w-0 rounded border border-stone-200 bg-white p-4">
            <h2 id="edit-heading" className="mb-2 text-lg font-semibold">The benchmark</h2>
            <ActionForm
              action={editBenchmarkRecord}
              testId="edit-benchmark"
              submitLabel="Save changes"
              fields={[
                { kind: "hidden", name: "slug", value: benchmark.slug },
                { kind: "hidden", name: "version", value: String(version.version) },
                { kind: "text", name: "title", label: "Title", defaultValue: f.title },
                { kind: "text", name: "titleZh", label: "Title in Chinese (optional)", defaultValue: f.titleZh ?? "", lang: "zh" },
                { kind: "select", name: "categorySlug", label: "Category", options: reference.categories.map((c) => ({ value: c.slug, label: c.name })), defaultValue: f.category },
                { kind: "select", name: "addressee", label: "Addressed to", options: ADDRESSEES.map((a) => ({ value: a, label: ADDRESSEE_LABELS[a] })), defaultValue: f.addressee },
                { kind: "select", name: "appliesFromRoundSlug", label: "Applies from", options: rounds.map((r) => ({ value: r.slug, label: `${r.name}${r.publishedAt ? "" : " (not published)"}` })), defaultValue: f.appliesFrom },
                { kind: "checkboxes", name: "scopeTrackSlugs[]", label: "Assessed at the rounds of", options: reference.tracks.map((t) => ({ value: t.slug, label: t.name })), defaultValues: f.scope, hint: "none ticked: every track" },
                {
                  kind: "checkboxes",
                  name: "subjectSlugs[]",
                  label: "People and laws",
                  options: reference.subjects.map((s) => ({ value: s.slug, label: `${s.name}${s.confidential ? " (confidential: linking hides this benchmark from the public)" : ""}` })),
                  defaultValues: f.subjects,
                },
                ...benchmark.sources.flatMap((s, i) => [
                  { kind: "hidden" as const, name: "demandStatement[]", value: s.statementSlug },
                  { kind: "textarea" as const, name: "demand[]", index: i, label: `The demand as “${s.statementTitle}” made it`, defaultValue: s.demand },
                  { kind: "textarea" as const, name: "demandZh[]", index: i, label: `The same demand in Chinese (optional)`, defaultValue: s.demandZh ?? "", lang: "zh" },
                ]),
              ]}
            />
          </section>
          <section aria-labelledby="merge-heading" className="min-w-0 rounded border border-stone-200 bg-white p-4">
            <h2 id="merge-heading" className="mb-2 text-lg font-semibold">Merge into another benchmark</h2>
            <p className="mb-2 text-sm text-stone-700">
              When this benchmark repeats another: its sources, people and laws, scope and scores move to the one you keep, and its address leads there. Where both were scored at one round you are asked first.
            </p>
            <ActionForm
              action={mergeBenchmarkRecord}
              testId="merge-benchmark"
              submitLabel="Merge"
              fields={[
                { kind: "hidden", name: "slug", value: benchmark.slug },
                { kind: "hidden", name: "version", value: String(version.version) },
                { kind: "select", name: "intoSlug", label: "The benchmark to keep", options: [{ value: "", label: "choose…" }, ...targets.map((t) => ({ value: t.slug, label: t.title }))] },
                { kind: "checkbox", name: "keepTheirs", value: "yes", label: "Where both were scored at one round, keep the kept benchmark's scores there" },
              ]}
            />
          </section>
        </div>
      )}
      <RecordHistory entries={history} fieldLabels={FIELD_LABELS} />
    </>
  );
}
