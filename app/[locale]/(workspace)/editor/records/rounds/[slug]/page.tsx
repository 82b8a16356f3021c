import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, RecordHeading, RecordPanel } from "@/components/records/reference-record";
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

export const metadata: Metadata = { title: "Correct a round" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const ROUND_FIELD_LABELS = { name: "name", nameZh: "name in Chinese", track: "track", startDate: "start date", endDate: "end date", datePrecision: "date precision", dateNote: "note on the date", location: "place" };

export default async function RoundRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("round", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const round = await getRoundRecord(db, slug);
  if (!round) notFound();
  const record = { entity: "round" as const, id: round.id };
  const [{ version }, history, references, tracks] = await Promise.all([getRecordVersion(db, record), listRecordHistory(db, record), listRoundReferences(db, round.id), listTracks(db)]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind="Round" name={round.name} publicHref={round.publishedAt ? `/rounds/${round.slug}` : null}>
        <p className="text-sm text-stone-700">{round.publishedAt ? `Published on ${round.publishedAt.slice(0, 10)}: a change of its public details is dated on its scorecard.` : "Not published: the public does not see it yet."}</p>
      </RecordHeading>
      <RecordPanel id="edit-heading" title="Correct this round">
        <ActionForm
          action={editRoundRecord}
          testId="edit-round"
          submitLabel="Save"
          fields={[
            { kind: "hidden", name: "slug", value: round.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: "Name", defaultValue: round.name },
            { kind: "text", name: "nameZh", label: "Name in Chinese (optional)", defaultValue: round.nameZh ?? "", lang: "zh" },
            { kind: "select", name: "trackSlug", label: "Track", options: tracks.map((t) => ({ value: t.slug, label: t.name })), defaultValue: round.trackSlug },
            { kind: "date", name: "startDate", label: "Start date", defaultValue: round.startDate },
            { kind: "date", name: "endDate", label: "End date (optional)", defaultValue: round.endDate ?? "" },
            { kind: "select", name: "datePrecision", label: "Dates known to the", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })), defaultValue: round.datePrecision },
            { kind: "textarea", name: "dateNote", label: "Note on the date (optional)", defaultValue: round.dateNote },
            { kind: "text", name: "location", label: "Place (optional)", defaultValue: round.location ?? "" },
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
        staysBecause={round.publishedAt ? "this round was published, so it stays: its public page and figures remain." : null}
      />
      <RecordHistory entries={history} fieldLabels={ROUND_FIELD_LABELS} />
    </>
  );
}
