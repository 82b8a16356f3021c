import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, RecordHeading, RecordPanel } from "@/components/records/reference-record";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getRecordVersion, listRecordHistory } from "@/db/queries/record-history";
import { getCategoryRecord, listCategoryReferences } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { deleteReferenceRecordAction, editCategoryRecord } from "../../../record-reference-actions";

export const metadata: Metadata = { title: "Correct a category" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const CATEGORY_FIELD_LABELS = { name: "name", description: "description", nameZh: "name in Chinese", descriptionZh: "description in Chinese", position: "position in lists" };

export default async function CategoryRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("category", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const category = await getCategoryRecord(db, slug);
  if (!category) notFound();
  const record = { entity: "category" as const, id: category.id };
  const [{ version }, history, references] = await Promise.all([getRecordVersion(db, record), listRecordHistory(db, record), listCategoryReferences(db, category.id)]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind="Category" name={category.name} />
      <RecordPanel id="edit-heading" title="Correct this category">
        <ActionForm
          action={editCategoryRecord}
          testId="edit-category"
          submitLabel="Save"
          fields={[
            { kind: "hidden", name: "slug", value: category.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: "Name", defaultValue: category.name },
            { kind: "textarea", name: "description", label: "Description", defaultValue: category.description },
            { kind: "text", name: "nameZh", label: "Name in Chinese (optional)", defaultValue: category.nameZh ?? "", lang: "zh" },
            { kind: "textarea", name: "descriptionZh", label: "Description in Chinese (optional)", defaultValue: category.descriptionZh ?? "", lang: "zh" },
            { kind: "number", name: "position", label: "Position in lists (lower comes first)", defaultValue: String(category.position) },
          ]}
        />
      </RecordPanel>
      <DeletePanel
        action={deleteReferenceRecordAction}
        entity="category"
        slug={category.slug}
        version={version}
        what="category"
        references={references}
        staysBecause={references.length ? "a category with benchmarks is never deleted, it stays (retire its benchmarks instead)." : null}
      />
      <RecordHistory entries={history} fieldLabels={CATEGORY_FIELD_LABELS} />
    </>
  );
}
