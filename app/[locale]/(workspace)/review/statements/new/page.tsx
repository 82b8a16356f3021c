import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { listReviewRounds } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { DATE_PRECISIONS, STATEMENT_KINDS } from "@/lib/domain";
import { addStatement } from "../../statement-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statementReview.new"))("title") };
}
export const dynamic = "force-dynamic";

export default async function NewStatementPage() {
  const user = await requirePageUser("/review/statements/new");
  const [rounds, locale] = await Promise.all([listReviewRounds(getDb()), pageLocale()]);
  const [t, tKind, tWorkspace] = await Promise.all([getTranslations("statementReview.new"), getTranslations("kind"), getTranslations("workspace")]);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/review">{tWorkspace("bar.queue")}</Link> / {t("title")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700">{t("intro")}</p>
      <div className="mt-4 max-w-2xl">
        <ActionForm
          action={addStatement}
          testId="new-statement"
          submitLabel={t("submit")}
          fields={[
            { kind: "text", name: "title", label: t("fieldTitle") },
            { kind: "select", name: "kind", label: t("kind"), options: STATEMENT_KINDS.map((k) => ({ value: k, label: tKind(k) })) },
            { kind: "date", name: "date", label: t("date") },
            { kind: "select", name: "datePrecision", label: t("precision"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: t(`precisionValue.${p}`) })) },
            { kind: "text", name: "language", label: t("language"), defaultValue: await getLocale() },
            { kind: "text", name: "publishers", label: t("publishers"), hint: t("publishersHint") },
            { kind: "select", name: "roundSlug", label: t("round"), options: [{ value: "", label: t("noRound") }, ...rounds.map((r) => ({ value: r.slug, label: optionName(locale, r.name, r.nameZh) }))] },
            { kind: "text", name: "sourceUrl", label: t("sourceUrl") },
            { kind: "textarea", name: "summary", label: t("summary") },
            { kind: "textarea", name: "fullText", label: t("fullText") },
          ]}
        />
      </div>
    </>
  );
}
