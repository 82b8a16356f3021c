import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, RecordHeading, RecordPanel } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { EVENT_LABELS } from "@/components/subjects/subject-detail";
import { getDb } from "@/db/client";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { getSubjectRecord, listMergeTargets, listSubjectEventRecords, listSubjectReferences, type SubjectEventRecord } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { deleteReferenceRecordAction, editSubjectEventRecord, editSubjectRecord, mergeSubjectRecord } from "../../../record-reference-actions";

export const metadata: Metadata = { title: "Correct a person or law" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const SUBJECT_FIELD_LABELS = { name: "name", nameZh: "name in Chinese", aliases: "other names", role: "role", roleZh: "role in Chinese", article: "article", description: "description", descriptionZh: "description in Chinese", confidential: "confidential", mergedInto: "merged into", mergedFrom: "took in", benchmarks: "benchmark links moved", events: "events moved" };
const EVENT_FIELD_LABELS = { kind: "what happened", occurredOn: "date", datePrecision: "date precision", description: "description", descriptionZh: "description in Chinese", sourceUrl: "source address" };

async function EventForm({ event }: { event: SubjectEventRecord }) {
  const db = getDb();
  const record = { entity: "subject_event" as const, id: event.id };
  const [{ version }, history] = await Promise.all([getRecordVersion(db, record), listRecordHistory(db, record, 20)]);
  return (
    <li className="rounded border border-stone-200 p-3" data-testid={`event-${event.id}`}>
      <p className="mb-2 text-sm font-medium">
        {formatDate(event.occurredOn, event.datePrecision)} · {EVENT_LABELS[event.kind] ?? event.kind}
        {event.withheld && " (hidden from the public)"}
      </p>
      <ActionForm
        action={editSubjectEventRecord}
        testId={`edit-event-${event.id}`}
        submitLabel="Save this event"
        fields={[
          { kind: "hidden", name: "eventId", value: String(event.id) },
          { kind: "hidden", name: "version", value: String(version) },
          { kind: "select", name: "kind", label: "What happened", options: SUBJECT_EVENT_KINDS.map((k) => ({ value: k, label: EVENT_LABELS[k] ?? k })), defaultValue: event.kind },
          { kind: "date", name: "occurredOn", label: "Date", defaultValue: event.occurredOn },
          { kind: "select", name: "datePrecision", label: "Date known to the", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })), defaultValue: event.datePrecision },
          { kind: "textarea", name: "description", label: "Description", defaultValue: event.description },
          { kind: "textarea", name: "descriptionZh", label: "Description in Chinese (optional)", defaultValue: event.descriptionZh ?? "", lang: "zh" },
          { kind: "text", name: "sourceUrl", label: "Source address (http or https, optional)", defaultValue: event.sourceUrl ?? "" },
        ]}
      />
      {history.length > 0 && <RecordHistory entries={history} fieldLabels={EVENT_FIELD_LABELS} headingId={`event-${event.id}-history`} />}
    </li>
  );
}

export default async function SubjectRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("subject", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const subject = await getSubjectRecord(db, slug);
  if (!subject) notFound();
  const record = { entity: "subject" as const, id: subject.id };
  const [{ version }, history, references, events, targets] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listSubjectReferences(db, subject.id),
    listSubjectEventRecords(db, subject.id),
    listMergeTargets(db, subject),
  ]);
  const kindWord = subject.kind === "person" ? "person" : subject.kind;
  const isPublic = !subject.confidential && !subject.mergedInto;
  const publicHref = isPublic ? `/${subject.kind === "person" ? "people" : "laws"}/${subject.slug}` : null;
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind={subject.kind === "person" ? "Person" : subject.kind === "law" ? "Law" : "Practice"} name={subject.name} publicHref={publicHref}>
        {subject.confidential && <p className="text-sm font-medium text-red-900">Confidential: never shown in public; its names, other names included, are withheld in every public text.</p>}
      </RecordHeading>
      {subject.mergedInto ? (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3" data-testid="merged-into">
          Merged into <Link href={recordEditPath("subject", subject.mergedInto.slug)}>{subject.mergedInto.name}</Link>: its benchmarks, events and names are there now, and its old public address leads there.
        </p>
      ) : (
        <>
          <RecordPanel id="edit-heading" title={`Correct this ${kindWord}`}>
            <ActionForm
              action={editSubjectRecord}
              testId="edit-subject"
              submitLabel="Save"
              fields={[
                { kind: "hidden", name: "slug", value: subject.slug },
                { kind: "hidden", name: "version", value: String(version) },
                { kind: "text", name: "name", label: "Name", defaultValue: subject.name },
                { kind: "text", name: "nameZh", label: "Name in Chinese (optional)", defaultValue: subject.nameZh ?? "", lang: "zh" },
                {
                  kind: "textarea",
                  name: "aliases",
                  label: "Other names and spellings (one per line)",
                  defaultValue: subject.aliases.join("\n"),
                  hint: "Never shown in public. While the record is confidential they are withheld in every public text with its name; a name it had stays here when you rename it.",
                },
                ...(subject.kind === "person"
                  ? [
                      { kind: "text" as const, name: "role", label: "Role", defaultValue: subject.role ?? "" },
                      { kind: "text" as const, name: "roleZh", label: "Role in Chinese (optional)", defaultValue: subject.roleZh ?? "", lang: "zh" },
                      { kind: "hidden" as const, name: "article", value: subject.article ?? "" },
                    ]
                  : [{ kind: "text" as const, name: "article", label: "Article", defaultValue: subject.article ?? "" }, { kind: "hidden" as const, name: "role", value: subject.role ?? "" }, { kind: "hidden" as const, name: "roleZh", value: subject.roleZh ?? "" }]),
                { kind: "textarea", name: "description", label: "Description", defaultValue: subject.description },
                { kind: "textarea", name: "descriptionZh", label: "Description in Chinese (optional)", defaultValue: subject.descriptionZh ?? "", lang: "zh" },
              ]}
            />
          </RecordPanel>

          <RecordPanel id="events-heading" title="Dated events">
            {events.length === 0 ? (
              <p className="text-sm">No event is recorded. Add one under <Link href="/editor/reference">Reference data</Link>.</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {events.map((event) => (
                  <EventForm key={event.id} event={event} />
                ))}
              </ol>
            )}
          </RecordPanel>

          <RecordPanel id="merge-heading" title={`Merge this ${kindWord} into another`}>
            <p className="mb-2 text-sm">
              For a duplicate: open the record to drop and choose the one to keep. Its benchmark links and events move to the kept one, its names become the kept one&apos;s other names, and its
              public address leads to the kept one&apos;s. If either is confidential, the kept one ends confidential. The merge cannot be undone from this page.
            </p>
            {targets.length === 0 ? (
              <p className="text-sm">There is no other {kindWord} to merge into.</p>
            ) : (
              <ActionForm
                action={mergeSubjectRecord}
                testId="merge-subject"
                submitLabel="Merge"
                fields={[
                  { kind: "hidden", name: "slug", value: subject.slug },
                  { kind: "hidden", name: "version", value: String(version) },
                  { kind: "select", name: "intoSlug", label: "Keep", options: targets.map((t) => ({ value: t.slug, label: `${t.name}${t.confidential ? " (confidential)" : ""}` })) },
                  { kind: "checkbox", name: "confirm", value: "yes", label: `Yes, merge ${subject.name} into the record chosen` },
                ]}
              />
            )}
          </RecordPanel>

          <DeletePanel
            action={deleteReferenceRecordAction}
            entity="subject"
            slug={subject.slug}
            version={version}
            what={kindWord}
            references={references}
            staysBecause={references.length ? `a ${kindWord} named by a benchmark or with events is never deleted, it stays (merge a duplicate into the right record instead).` : null}
          />
        </>
      )}
      <RecordHistory entries={history} fieldLabels={SUBJECT_FIELD_LABELS} />
    </>
  );
}
