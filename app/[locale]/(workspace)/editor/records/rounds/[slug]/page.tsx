import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, historyFieldLabels, RecordHeading, RecordPanel, type HistoryFieldKey } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listTracks } from "@/db/queries/reference";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { getRoundRecord, listRoundReferences } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { DATE_PRECISIONS } from "@/lib/domain";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { deleteReferenceRecordAction, editRoundRecord } from "../../../record-reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.round"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const ROUND_FIELDS: Record<string, HistoryFieldKey> = { name: "name", nameZh: "nameZh", track: "track", startDate: "startDate", endDate: "endDate", datePrecision: "datePrecision", dateNote: "dateNote", location: "place" };

export default async function RoundRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("round", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const round = await getRoundRecord(db, slug);
  if (!round) notFound();
  const record = { entity: "round" as const, id: round.id };
  const locale = await pageLocale();
  const [{ version }, history, references, tracks, t, tPrecision, fieldLabels] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listRoundReferences(db, round.id),
    listTracks(db),
    getTranslations("recordPage"),
    getTranslations("statementReview.new.precisionValue"),
    historyFieldLabels(ROUND_FIELDS),
  ]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind={t("round.kind")} name={round.name} nameZh={round.nameZh} publicHref={round.publishedAt ? `/rounds/${round.slug}` : null}>
        <p className="text-sm text-stone-700">{round.publishedAt ? t("round.published", { date: round.publishedAt.slice(0, 10) }) : t("round.notPublished")}</p>
      </RecordHeading>
      <RecordPanel id="edit-heading" title={t("round.panel")}>
        <ActionForm
          action={editRoundRecord}
          testId="edit-round"
          submitLabel={t("save")}
          fields={[
            { kind: "hidden", name: "slug", value: round.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: t("label.name"), defaultValue: round.name },
            { kind: "text", name: "nameZh", label: t("label.nameZh"), defaultValue: round.nameZh ?? "", lang: "zh" },
            { kind: "select", name: "trackSlug", label: t("label.track"), options: tracks.map((track) => ({ value: track.slug, label: optionName(locale, track.name, track.nameZh) })), defaultValue: round.trackSlug },
            { kind: "date", name: "startDate", label: t("label.startDate"), defaultValue: round.startDate },
            { kind: "date", name: "endDate", label: t("label.endDate"), defaultValue: round.endDate ?? "" },
            { kind: "select", name: "datePrecision", label: t("label.datesKnown"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })), defaultValue: round.datePrecision },
            { kind: "textarea", name: "dateNote", label: t("round.dateNote"), defaultValue: round.dateNote },
            { kind: "text", name: "location", label: t("round.location"), defaultValue: round.location ?? "" },
          ]}
        />
      </RecordPanel>
      <DeletePanel
        action={deleteReferenceRecordAction}
        entity="round"
        slug={round.slug}
        version={version}
        what="round"
        references={references}
        staysBecause={round.publishedAt ? t("round.stays") : null}
      />
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
