import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { ImportForm } from "@/components/forms/import-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/validation/import";
import { importCsvUpload } from "../import-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importPage"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const user = await requirePageUser("/editor/import");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const t = await getTranslations("importPage");
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <div className="mt-4 flex max-w-3xl flex-col gap-3 text-sm">
        <p>
          {t.rich("intro", {
            benchmarks: (chunks) => <Link href="/exports/benchmarks.csv">{chunks}</Link>,
            scores: (chunks) => <Link href="/exports/scores.csv">{chunks}</Link>,
          })}
        </p>
        <h2 className="text-lg font-semibold">{t("benchmarksHeading")}</h2>
        <p>{t("benchmarksBody")}</p>
        <h2 className="text-lg font-semibold">{t("scoresHeading")}</h2>
        <p>{t("scoresBody")}</p>
      </div>
      <section aria-labelledby="upload-heading" className="mt-6 max-w-3xl">
        <h2 id="upload-heading" className="text-lg font-semibold">{t("upload")}</h2>
        <ImportForm action={importCsvUpload} maxBytes={MAX_IMPORT_BYTES} maxLabel={MAX_IMPORT_LABEL} />
      </section>
    </>
  );
}
