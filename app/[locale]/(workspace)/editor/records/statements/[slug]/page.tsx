import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getStatementRecord, listRoundOptions } from "@/db/queries/record-statements";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { DATE_PRECISIONS, REVIEW_STATE_LABELS, STATEMENT_KIND_LABELS, STATEMENT_KINDS } from "@/lib/domain";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { requirePageUser } from "@/server/auth/session";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { editStatementRecord } from "../../statement-record-actions";

export const metadata: Metadata = { title: "Edit a statement" };
export const dynamic = "force-dynamic";

const FIELD_LABELS = {
  title: "title",
  titleZh: "title in Chinese",
  kind: "kind",
  date: "date",
  datePrecision: "date precision",
  language: "language",
  sourceUrl: "source address",
  round: "round addressed",
  publishers: "publishers",
  signatories: "signatories",
  summary: "summary",
  summaryZh: "summary in Chinese",
  fullText: "full text",
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
  const [version, history, rounds] = await Promise.all([getRecordVersion(db, record), listRecordHistory(db, record), listRoundOptions(db)]);
  const f = statement.fields;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">Editor</Link> / Statement
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Edit the statement “{f.title}”</h1>
      <p className="mt-2 text-sm text-stone-700" data-testid="record-state">
        {REVIEW_STATE_LABELS[statement.reviewState]}
        {statement.withheld && ", hidden from the public because it names a confidential item"}.{" "}
        {statement.public ? (
          <>
            The public sees it at <Link href={`/statements/${statement.slug}`}>its page</Link>: a change to what that page shows is dated there as a correction.
          </>
        ) : (
          "The public does not see it."
        )}
      </p>
      <section aria-labelledby="edit-heading" className="mt-4 max-w-3xl rounded border border-stone-200 bg-white p-4">
        <h2 id="edit-heading" className="mb-2 text-lg font-semibold">The statement</h2>
        <ActionForm
          action={editStatementRecord}
          testId="edit-statement"
          submitLabel="Save changes"
          fields={[
            { kind: "hidden", name: "slug", value: statement.slug },
            { kind: "hidden", name: "version", value: String(version.version) },
            { kind: "text", name: "title", label: "Title", defaultValue: f.title },
            { kind: "text", name: "titleZh", label: "Title in Chinese (optional)", defaultValue: f.titleZh ?? "", lang: "zh" },
            { kind: "select", name: "kind", label: "Kind", options: STATEMENT_KINDS.map((k) => ({ value: k, label: STATEMENT_KIND_LABELS[k] })), defaultValue: f.kind },
            { kind: "date", name: "date", label: "Date", defaultValue: f.date },
            { kind: "select", name: "datePrecision", label: "Date known to the", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })), defaultValue: f.datePrecision },
            { kind: "text", name: "language", label: "Language", defaultValue: f.language },
            { kind: "text", name: "publishers", label: "Published by", defaultValue: f.publishers.join(", "), hint: "organisations, separated by commas; a new name becomes a new organisation" },
            { kind: "textarea", name: "signatories", label: "Signatories", defaultValue: f.signatories.join("\n"), rows: 5, hint: "one a line: Name, or Name | role" },
            { kind: "text", name: "sourceUrl", label: "Source address (http or https)", defaultValue: f.sourceUrl ?? "" },
            { kind: "select", name: "roundSlug", label: "Round addressed", options: [{ value: "", label: "none" }, ...rounds.map((r) => ({ value: r.slug, label: `${r.name}${r.publishedAt ? "" : " (not published)"}` }))], defaultValue: f.round ?? "" },
            { kind: "textarea", name: "summary", label: "Summary", defaultValue: f.summary, rows: 4 },
            { kind: "textarea", name: "summaryZh", label: "Summary in Chinese (optional)", defaultValue: f.summaryZh ?? "", rows: 4, lang: "zh" },
            { kind: "textarea", name: "fullText", label: "Full text (never shown in public)", defaultValue: f.fullText ?? "", rows: 6 },
          ]}
        />
      </section>
      <RecordHistory entries={history} fieldLabels={FIELD_LABELS} />
    </>
  );
}
