import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, historyFieldLabels, RecordHeading, RecordPanel, type HistoryFieldKey } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { getSubjectRecord, listMergeTargets, listSubjectEventRecords, listSubjectReferences, type SubjectEventRecord } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS } from "@/lib/domain";
import { formatDate, type FormatLocale } from "@/lib/format";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { deleteReferenceRecordAction, editSubjectEventRecord, editSubjectRecord, mergeSubjectRecord } from "../../../record-reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.subject"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const SUBJECT_FIELDS: Record<string, HistoryFieldKey> = {
  name: "name",
  nameZh: "nameZh",
  aliases: "aliases",
  role: "role",
  roleZh: "roleZh",
  article: "article",
  description: "description",
  descriptionZh: "descriptionZh",
  confidential: "confidential",
  mergedInto: "mergedInto",
  mergedFrom: "mergedFrom",
  benchmarks: "benchmarkLinksMoved",
  events: "eventsMoved",
};
const EVENT_FIELDS: Record<string, HistoryFieldKey> = { kind: "eventKind", occurredOn: "date", datePrecision: "datePrecision", description: "description", descriptionZh: "descriptionZh", sourceUrl: "sourceUrl" };

async function EventForm({ event }: { event: SubjectEventRecord }) {
  const db = getDb();
  const record = { entity: "subject_event" as const, id: event.id };
  const [{ version }, history, t, tEvent, tPrecision, fieldLabels, locale] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record, 20),
    getTranslations("recordPage"),
    getTranslations("event"),
    getTranslations("statementReview.new.precisionValue"),
    historyFieldLabels(EVENT_FIELDS),
    getLocale(),
  ]);
  return (
    <li className="rounded border border-stone-200 p-3" data-testid={`event-${event.id}`}>
      <p className="mb-2 text-sm font-medium">
        {formatDate(event.occurredOn, event.datePrecision, locale as FormatLocale)} · {tEvent(event.kind)}
        {event.withheld && t("subject.eventHidden")}
      </p>
      <ActionForm
        action={editSubjectEventRecord}
        testId={`edit-event-${event.id}`}
        submitLabel={t("subject.saveEvent")}
        fields={[
          { kind: "hidden", name: "eventId", value: String(event.id) },
          { kind: "hidden", name: "version", value: String(version) },
          { kind: "select", name: "kind", label: t("subject.eventKind"), options: SUBJECT_EVENT_KINDS.map((k) => ({ value: k, label: tEvent(k) })), defaultValue: event.kind },
          { kind: "date", name: "occurredOn", label: t("label.date"), defaultValue: event.occurredOn },
          { kind: "select", name: "datePrecision", label: t("label.dateKnown"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })), defaultValue: event.datePrecision },
          { kind: "textarea", name: "description", label: t("label.description"), defaultValue: event.description },
          { kind: "textarea", name: "descriptionZh", label: t("label.descriptionZh"), defaultValue: event.descriptionZh ?? "", lang: "zh" },
          { kind: "text", name: "sourceUrl", label: t("subject.eventSource"), defaultValue: event.sourceUrl ?? "" },
        ]}
      />
      {history.length > 0 && <RecordHistory entries={history} fieldLabels={fieldLabels} headingId={`event-${event.id}-history`} />}
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
  const locale = await pageLocale();
  const [{ version }, history, references, events, targets, t, fieldLabels] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listSubjectReferences(db, subject.id),
    listSubjectEventRecords(db, subject.id),
    listMergeTargets(db, subject),
    getTranslations("recordPage"),
    historyFieldLabels(SUBJECT_FIELDS),
  ]);
  const kindWord = t(`what.${subject.kind}`);
  const isPublic = !subject.confidential && !subject.mergedInto;
  const publicHref = isPublic ? `/${subject.kind === "person" ? "people" : "laws"}/${subject.slug}` : null;
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind={t(`subject.kind.${subject.kind}`)} name={subject.name} nameZh={subject.nameZh} publicHref={publicHref}>
        {subject.confidential && <p className="text-sm font-medium text-red-900">{t("subject.confidential")}</p>}
      </RecordHeading>
      {subject.mergedInto ? (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3" data-testid="merged-into">
          {t.rich("subject.mergedInto", { name: subject.mergedInto.name, link: (chunks) => <Link href={recordEditPath("subject", subject.mergedInto!.slug)}>{chunks}</Link> })}
        </p>
      ) : (
        <>
          <RecordPanel id="edit-heading" title={t("subject.panel", { what: kindWord })}>
            <ActionForm
              action={editSubjectRecord}
              testId="edit-subject"
              submitLabel={t("save")}
              fields={[
                { kind: "hidden", name: "slug", value: subject.slug },
                { kind: "hidden", name: "version", value: String(version) },
                { kind: "text", name: "name", label: t("label.name"), defaultValue: subject.name },
                { kind: "text", name: "nameZh", label: t("label.nameZh"), defaultValue: subject.nameZh ?? "", lang: "zh" },
                {
                  kind: "textarea",
                  name: "aliases",
                  label: t("subject.aliases"),
                  defaultValue: subject.aliases.join("\n"),
                  hint: t("subject.aliasesHint"),
                },
                ...(subject.kind === "person"
                  ? [
                      { kind: "text" as const, name: "role", label: t("subject.role"), defaultValue: subject.role ?? "" },
                      { kind: "text" as const, name: "roleZh", label: t("subject.roleZh"), defaultValue: subject.roleZh ?? "", lang: "zh" },
                      { kind: "hidden" as const, name: "article", value: subject.article ?? "" },
                    ]
                  : [{ kind: "text" as const, name: "article", label: t("subject.article"), defaultValue: subject.article ?? "" }, { kind: "hidden" as const, name: "role", value: subject.role ?? "" }, { kind: "hidden" as const, name: "roleZh", value: subject.roleZh ?? "" }]),
                { kind: "textarea", name: "description", label: t("label.description"), defaultValue: subject.description },
                { kind: "textarea", name: "descriptionZh", label: t("label.descriptionZh"), defaultValue: subject.descriptionZh ?? "", lang: "zh" },
              ]}
            />
          </RecordPanel>

          <RecordPanel id="events-heading" title={t("subject.events")}>
            {events.length === 0 ? (
              <p className="text-sm">{t.rich("subject.noEvents", { link: (chunks) => <Link href="/editor/reference">{chunks}</Link> })}</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {events.map((event) => (
                  <EventForm key={event.id} event={event} />
                ))}
              </ol>
            )}
          </RecordPanel>

          <RecordPanel id="merge-heading" title={t("subject.mergeTitle", { what: kindWord })}>
            <p className="mb-2 text-sm">
              {t("subject.mergeBody")}
            </p>
            {targets.length === 0 ? (
              <p className="text-sm">{t("subject.noTargets", { what: kindWord })}</p>
            ) : (
              <ActionForm
                action={mergeSubjectRecord}
                testId="merge-subject"
                submitLabel={t("label.merge")}
                fields={[
                  { kind: "hidden", name: "slug", value: subject.slug },
                  { kind: "hidden", name: "version", value: String(version) },
                  { kind: "select", name: "intoSlug", label: t("subject.keep"), options: targets.map((target) => ({ value: target.slug, label: `${optionName(locale, target.name, target.nameZh)}${target.confidential ? t("label.confidentialMark") : ""}` })) },
                  { kind: "checkbox", name: "confirm", value: "yes", label: t("subject.confirmMerge", { name: subject.name }) },
                ]}
              />
            )}
          </RecordPanel>

          <DeletePanel
            action={deleteReferenceRecordAction}
            entity="subject"
            slug={subject.slug}
            version={version}
            what={subject.kind}
            references={references}
            staysBecause={references.length ? t("subject.stays", { what: kindWord }) : null}
          />
        </>
      )}
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
