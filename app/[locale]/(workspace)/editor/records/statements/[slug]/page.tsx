import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { contentLang, localized, optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { historyFieldLabels, type HistoryFieldKey } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getStatementRecord, listRoundOptions } from "@/db/queries/record-statements";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { DATE_PRECISIONS, STATEMENT_KINDS } from "@/lib/domain";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { requirePageUser } from "@/server/auth/session";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { editStatementRecord } from "../../statement-record-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.statement"))("title") };
}
export const dynamic = "force-dynamic";

const STATEMENT_FIELDS: Record<string, HistoryFieldKey> = {
  title: "title",
  titleZh: "titleZh",
  kind: "kind",
  date: "date",
  datePrecision: "datePrecision",
  language: "language",
  sourceUrl: "sourceUrl",
  round: "roundAddressed",
  publishers: "publishers",
  signatories: "signatories",
  summary: "summary",
  summaryZh: "summaryZh",
  fullText: "fullText",
};

type Props = { params: Promise<{ slug: string }> };

export default async function StatementRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("statement", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const statement = await getStatementRecord(db, slug);
  if (!statement) notFound();
  const record = { entity: "statement" as const, id: statement.id };
  const locale = await pageLocale();
  const [version, history, rounds, t, tState, tKind, tPrecision, fieldLabels] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listRoundOptions(db),
    getTranslations("recordPage"),
    getTranslations("review.reviewState"),
    getTranslations("kind"),
    getTranslations("statementReview.new.precisionValue"),
    historyFieldLabels(STATEMENT_FIELDS),
  ]);
  const f = statement.fields;
  const titleShown = localized(locale, f.title, f.titleZh);

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">{t("editor")}</Link> / {t("statement.kind")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t.rich("statement.heading", { title: titleShown.text, record: (chunks) => (titleShown.lang === contentLang(locale) ? chunks : <span lang={titleShown.lang}>{chunks}</span>) })}</h1>
      <p className="mt-2 text-sm text-stone-700" data-testid="record-state">
        {tState(statement.reviewState)}
        {statement.withheld && t("statement.withheld")}
        {t("stateEnd")}
        {statement.public ? (
          <>
            {t.rich("publicSees", { link: (chunks) => <Link href={`/statements/${statement.slug}`}>{chunks}</Link> })}
          </>
        ) : (
          t("statement.notPublic")
        )}
      </p>
      <section aria-labelledby="edit-heading" className="mt-4 max-w-3xl rounded border border-stone-200 bg-white p-4">
        <h2 id="edit-heading" className="mb-2 text-lg font-semibold">{t("statement.panel")}</h2>
        <ActionForm
          action={editStatementRecord}
          testId="edit-statement"
          submitLabel={t("label.saveChanges")}
          fields={[
            { kind: "hidden", name: "slug", value: statement.slug },
            { kind: "hidden", name: "version", value: String(version.version) },
            { kind: "text", name: "title", label: t("label.title"), defaultValue: f.title },
            { kind: "text", name: "titleZh", label: t("label.titleZh"), defaultValue: f.titleZh ?? "", lang: "zh" },
            { kind: "select", name: "kind", label: t("statement.kindField"), options: STATEMENT_KINDS.map((k) => ({ value: k, label: tKind(k) })), defaultValue: f.kind },
            { kind: "date", name: "date", label: t("label.date"), defaultValue: f.date },
            { kind: "select", name: "datePrecision", label: t("label.dateKnown"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })), defaultValue: f.datePrecision },
            { kind: "text", name: "language", label: t("statement.language"), defaultValue: f.language },
            { kind: "text", name: "publishers", label: t("statement.publishers"), defaultValue: f.publishers.join(", "), hint: t("statement.publishersHint") },
            { kind: "textarea", name: "signatories", label: t("statement.signatories"), defaultValue: f.signatories.join("\n"), rows: 5, hint: t("statement.signatoriesHint") },
            { kind: "text", name: "sourceUrl", label: t("statement.sourceUrl"), defaultValue: f.sourceUrl ?? "" },
            { kind: "select", name: "roundSlug", label: t("statement.round"), options: [{ value: "", label: t("statement.noRound") }, ...rounds.map((r) => ({ value: r.slug, label: `${optionName(locale, r.name, r.nameZh)}${r.publishedAt ? "" : t("label.notPublishedMark")}` }))], defaultValue: f.round ?? "" },
            { kind: "textarea", name: "summary", label: t("statement.summary"), defaultValue: f.summary, rows: 4 },
            { kind: "textarea", name: "summaryZh", label: t("statement.summaryZh"), defaultValue: f.summaryZh ?? "", rows: 4, lang: "zh" },
            { kind: "textarea", name: "fullText", label: t("statement.fullText"), defaultValue: f.fullText ?? "", rows: 6 },
          ]}
        />
      </section>
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
