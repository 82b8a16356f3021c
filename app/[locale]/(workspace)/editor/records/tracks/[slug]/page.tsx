import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, RecordHeading, RecordPanel } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { getTrackRecord, listTrackReferences } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { deleteReferenceRecordAction, editTrackRecord } from "../../../record-reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.track"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const TRACK_FIELDS = ["name", "shortName", "description", "nameZh", "shortNameZh", "descriptionZh"] as const;

export default async function TrackRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("track", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const track = await getTrackRecord(db, slug);
  if (!track) notFound();
  const record = { entity: "track" as const, id: track.id };
  const [{ version }, history, references, t] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listTrackReferences(db, track.id),
    getTranslations("recordPage"),
  ]);
  const fieldLabels = Object.fromEntries(TRACK_FIELDS.map((field) => [field, t(`track.field.${field}`)]));
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind={t("track.kind")} name={track.name} nameZh={track.nameZh} />
      <RecordPanel id="edit-heading" title={t("track.panel")}>
        <ActionForm
          action={editTrackRecord}
          testId="edit-track"
          submitLabel={t("save")}
          fields={[
            { kind: "hidden", name: "slug", value: track.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: t("track.name"), defaultValue: track.name },
            { kind: "text", name: "shortName", label: t("track.shortName"), defaultValue: track.shortName },
            { kind: "textarea", name: "description", label: t("track.description"), defaultValue: track.description },
            { kind: "text", name: "nameZh", label: t("track.nameZh"), defaultValue: track.nameZh ?? "", lang: "zh" },
            { kind: "text", name: "shortNameZh", label: t("track.shortNameZh"), defaultValue: track.shortNameZh ?? "", lang: "zh" },
            { kind: "textarea", name: "descriptionZh", label: t("track.descriptionZh"), defaultValue: track.descriptionZh ?? "", lang: "zh" },
          ]}
        />
      </RecordPanel>
      <DeletePanel action={deleteReferenceRecordAction} entity="track" slug={track.slug} version={version} what="track" references={references} />
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
