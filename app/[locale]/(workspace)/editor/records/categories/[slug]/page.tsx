import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/audit/record-history";
import { ActionForm } from "@/components/forms/action-form";
import { DeletePanel, historyFieldLabels, RecordHeading, RecordPanel, type HistoryFieldKey } from "@/components/records/reference-record";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordPage.category"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const CATEGORY_FIELDS: Record<string, HistoryFieldKey> = { name: "name", description: "description", nameZh: "nameZh", descriptionZh: "descriptionZh", position: "position" };

export default async function CategoryRecordPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(recordEditPath("category", slug));
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const category = await getCategoryRecord(db, slug);
  if (!category) notFound();
  const record = { entity: "category" as const, id: category.id };
  const [{ version }, history, references, t, fieldLabels] = await Promise.all([
    getRecordVersion(db, record),
    listRecordHistory(db, record),
    listCategoryReferences(db, category.id),
    getTranslations("recordPage"),
    historyFieldLabels(CATEGORY_FIELDS),
  ]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <RecordHeading kind={t("category.kind")} name={category.name} nameZh={category.nameZh} />
      <RecordPanel id="edit-heading" title={t("category.panel")}>
        <ActionForm
          action={editCategoryRecord}
          testId="edit-category"
          submitLabel={t("save")}
          fields={[
            { kind: "hidden", name: "slug", value: category.slug },
            { kind: "hidden", name: "version", value: String(version) },
            { kind: "text", name: "name", label: t("label.name"), defaultValue: category.name },
            { kind: "textarea", name: "description", label: t("label.description"), defaultValue: category.description },
            { kind: "text", name: "nameZh", label: t("label.nameZh"), defaultValue: category.nameZh ?? "", lang: "zh" },
            { kind: "textarea", name: "descriptionZh", label: t("label.descriptionZh"), defaultValue: category.descriptionZh ?? "", lang: "zh" },
            { kind: "number", name: "position", label: t("category.position"), defaultValue: String(category.position) },
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
        staysBecause={references.length ? t("category.stays") : null}
      />
      <RecordHistory entries={history} fieldLabels={fieldLabels} />
    </>
  );
}
