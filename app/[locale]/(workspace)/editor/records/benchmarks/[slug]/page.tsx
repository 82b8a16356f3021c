import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { contentLang, localized, localizedOption, optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { historyFieldLabels, type HistoryFieldKey } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getBenchmarkRecord, listMergeTargets, listRoundOptions } from "@/db/queries/record-statements";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { listReferenceData } from "@/db/queries/reference";
import { ADDRESSEES } from "@/lib/domain";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { requirePageUser } from "@/server/auth/session";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { editBenchmarkRecord, mergeBenchmarkRecord } from "../../statement-record-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.benchmark"))("title") };
}
export const dynamic = "force-dynamic";

const BENCHMARK_FIELDS: Record<string, HistoryFieldKey> = {
  title: "title",
  titleZh: "titleZh",
  category: "category",
  addressee: "addressee",
  appliesFrom: "appliesFrom",
  scope: "scope",
  subjects: "subjects",
  demands: "demands",
  demandsZh: "demandsZh",
  reviewState: "reviewState",
  mergedInto: "mergedInto",
  mergedFrom: "mergedFrom",
  sourcesMoved: "sourcesMoved",
  roundsMoved: "roundsMoved",
  roundsKeptHere: "roundsKeptHere",
  wordingsDropped: "wordingsDropped",
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
  const locale = await pageLocale();
  const [version, history, rounds, reference, targets, t, tState, tAddressee, fieldLabels] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listRoundOptions(db),
    listReferenceData(db),
    listMergeTargets(db, benchmark.id),
    getTranslations("recordPage"),
    getTranslations("review.reviewState"),
    getTranslations("addressee"),
    historyFieldLabels(BENCHMARK_FIELDS),
  ]);
  const f = benchmark.fields;
  const titleShown = localized(locale, f.title, f.titleZh);
  const editable = benchmark.reviewState !== "merged";

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">{t("editor")}</Link> / {t("benchmark.kind")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t.rich("benchmark.heading", { title: titleShown.text, record: (chunks) => (titleShown.lang === contentLang(locale) ? chunks : <span lang={titleShown.lang}>{chunks}</span>) })}</h1>
      <p className="mt-2 text-sm text-stone-700" data-testid="record-state">
        {tState(benchmark.reviewState)}
        {benchmark.confidential && t("benchmark.confidential")}
        {t("stateEnd")}
        {benchmark.mergedInto && (
          <>
            {t.rich("benchmark.mergedInto", { title: benchmark.mergedInto.title, link: (chunks) => <Link href={recordEditPath("benchmark", benchmark.mergedInto!.slug)}>{chunks}</Link> })}
          </>
        )}
        {benchmark.public ? (
          <>
            {t.rich("publicSees", { link: (chunks) => <Link href={`/benchmarks/${benchmark.slug}`}>{chunks}</Link> })}
          </>
        ) : (
          t("benchmark.notPublic")
        )}
      </p>
      {editable && (
        <div className="mt-4 flex max-w-3xl flex-col gap-6">
          <section aria-labelledby="edit-heading" className="min-w-0 rounded border border-stone-200 bg-white p-4">
            <h2 id="edit-heading" className="mb-2 text-lg font-semibold">{t("benchmark.panel")}</h2>
            <ActionForm
              action={editBenchmarkRecord}
              testId="edit-benchmark"
              submitLabel={t("label.saveChanges")}
              fields={[
                { kind: "hidden", name: "slug", value: benchmark.slug },
                { kind: "hidden", name: "version", value: String(version.version) },
                { kind: "text", name: "title", label: t("label.title"), defaultValue: f.title },
                { kind: "text", name: "titleZh", label: t("label.titleZh"), defaultValue: f.titleZh ?? "", lang: "zh" },
                { kind: "select", name: "categorySlug", label: t("label.category"), options: reference.categories.map((c) => ({ value: c.slug, label: optionName(locale, c.name, c.nameZh) })), defaultValue: f.category },
                { kind: "select", name: "addressee", label: t("benchmark.addressee"), options: ADDRESSEES.map((a) => ({ value: a, label: tAddressee(a) })), defaultValue: f.addressee },
                { kind: "select", name: "appliesFromRoundSlug", label: t("benchmark.appliesFrom"), options: rounds.map((r) => ({ value: r.slug, label: `${optionName(locale, r.name, r.nameZh)}${r.publishedAt ? "" : t("label.notPublishedMark")}` })), defaultValue: f.appliesFrom },
                { kind: "checkboxes", name: "scopeTrackSlugs[]", label: t("benchmark.scope"), options: reference.tracks.map((track) => localizedOption(locale, track.slug, track.name, track.nameZh)), defaultValues: f.scope, hint: t("benchmark.scopeHint") },
                {
                  kind: "checkboxes",
                  name: "subjectSlugs[]",
                  label: t("benchmark.subjects"),
                  options: reference.subjects.map((s) => localizedOption(locale, s.slug, s.name, s.nameZh, s.confidential ? t("benchmark.confidentialSubject") : undefined)),
                  defaultValues: f.subjects,
                },
                ...benchmark.sources.flatMap((s, i) => [
                  { kind: "hidden" as const, name: "demandStatement[]", value: s.statementSlug },
                  { kind: "textarea" as const, name: "demand[]", index: i, label: t("benchmark.demand", { statement: s.statementTitle }), defaultValue: s.demand },
                  { kind: "textarea" as const, name: "demandZh[]", index: i, label: t("benchmark.demandZh"), defaultValue: s.demandZh ?? "", lang: "zh" },
                ]),
              ]}
            />
          </section>
          <section aria-labelledby="merge-heading" className="min-w-0 rounded border border-stone-200 bg-white p-4">
            <h2 id="merge-heading" className="mb-2 text-lg font-semibold">{t("benchmark.mergeTitle")}</h2>
            <p className="mb-2 text-sm text-stone-700">
              {t("benchmark.mergeBody")}
            </p>
            <ActionForm
              action={mergeBenchmarkRecord}
              testId="merge-benchmark"
              submitLabel={t("label.merge")}
              fields={[
                { kind: "hidden", name: "slug", value: benchmark.slug },
                { kind: "hidden", name: "version", value: String(version.version) },
                { kind: "select", name: "intoSlug", label: t("benchmark.keep"), options: [{ value: "", label: t("benchmark.choose") }, ...targets.map((target) => ({ value: target.slug, label: optionName(locale, target.title, target.titleZh) }))] },
                { kind: "checkbox", name: "keepTheirs", value: "yes", label: t("benchmark.keepTheirs") },
              ]}
            />
          </section>
        </div>
      )}
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
