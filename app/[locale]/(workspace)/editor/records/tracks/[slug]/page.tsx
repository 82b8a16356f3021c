import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Correct a track" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const TRACK_FIELD_LABELS = { name: "name", shortName: "short name", description: "description", nameZh: "name in Chinese", shortNameZh: "short name in Chinese", descriptionZh: "description in Chinese" };

export default async function TrackRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("track", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const track = await getTrackRecord(db, slug);
  if (!track) notFound();
  const record = { entity: "track" as const, id: track.id };
  const [{ version }, history, references] = await Promise.all([getRecordVersion(db, record), listRecordHistory(db, record), listTrackReferences(db, track.id)]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind="Track" name={track.name} />
      <RecordPanel id="edit-heading" title="Correct this track">
        <ActionForm
          action={editTrackRecord}
          testId="edit-track"
          submitLabel="Save"
          fields={[
            { kind: "hidden", name: "slug", value: track.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: "Name", defaultValue: track.name },
            { kind: "text", name: "shortName", label: "Short name for charts", defaultValue: track.shortName },
            { kind: "textarea", name: "description", label: "Description", defaultValue: track.description },
            { kind: "text", name: "nameZh", label: "Name in Chinese (optional)", defaultValue: track.nameZh ?? "", lang: "zh" },
            { kind: "text", name: "shortNameZh", label: "Short name in Chinese (optional)", defaultValue: track.shortNameZh ?? "", lang: "zh" },
            { kind: "textarea", name: "descriptionZh", label: "Description in Chinese (optional)", defaultValue: track.descriptionZh ?? "", lang: "zh" },
          ]}
        />
      </RecordPanel>
      <DeletePanel action={deleteReferenceRecordAction} entity="track" slug={track.slug} version={version} what="track" references={references} />
      <RecordHistory entries={history} fieldLabels={TRACK_FIELD_LABELS} />
    </>
  );
}
