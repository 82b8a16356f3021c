import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { localized } from "@/lib/localized";
import { PageDescription } from "@/components/ui/page-description";
import { Link } from "@/components/ui/navigation";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { countPublicDemands, listPublishers, listStatementsPage } from "@/db/queries/statements";
import { formatDate, type FormatLocale } from "@/lib/format";
import { pageInfo, pageQuery } from "@/lib/pagination";
import { localeAlternates } from "@/server/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { localizeValidationMessage } from "@/server/i18n/validation";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("title"), alternates: localeAlternates("/statements") };
}
export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { page, pageSize, problems } = parsePageParams(await searchParams, { default: PAGE_SIZE, max: PAGE_SIZE });
  const [t, tKind, tPages, locale] = await Promise.all([getTranslations("statements"), getTranslations("kind"), getTranslations("pagination"), getLocale()]);
  const db = getDb();
  const { rows: statements, total } = await listStatementsPage(db, { limit: pageSize, offset: (page - 1) * pageSize });
  const info = pageInfo(page, pageSize, total);
  const ids = statements.map((s) => s.id);
  const [publishers, demandsPerStatement] = await Promise.all([listPublishers(db, ids), countPublicDemands(db, ids)]);
  const hrefFor = (p: number) => `/statements${pageQuery(p, pageSize, PAGE_SIZE)}`;

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("intro")}</p>
      {problems.length > 0 && <p className="mt-3 text-sm">{problems.map((m) => localizeValidationMessage(m, locale as Locale)).join(" ")}</p>}
      <p className="mt-3 text-sm" role="status">
        {total === 0 ? t("none") : <PageDescription info={info} noun={t("noun")} />}
      </p>
      {info.outOfRange && (
        <p className="mt-2">
          <Link href={hrefFor(info.pageCount)}>{tPages("lastPage")}</Link>.
        </p>
      )}
      {statements.length > 0 && (
        <ol className="mt-4 space-y-3" data-testid="statement-list">
          {statements.map((s) => (
            <li key={s.id} className="rounded border border-stone-200 bg-white p-4">
              <h2 className="font-semibold">
                <Link href={`/statements/${s.slug}`}>
                  <LocalizedText locale={locale} en={s.title} zh={s.titleZh} />
                </Link>
              </h2>
              <p className="text-sm text-stone-600">
                {tKind(s.kind)} · {formatDate(s.date, s.datePrecision, locale as FormatLocale)}
                {publishers.get(s.id) && ` · ${publishers.get(s.id)!.length > 3 ? t("organisations", { count: publishers.get(s.id)!.length }) : publishers.get(s.id)!.join(", ")}`}
                {s.roundName && ` · ${t("addresses", { round: localized(locale, s.roundName, s.roundNameZh).text })}`}
              </p>
              <p className="mt-1 text-sm">{t("drawn", { count: demandsPerStatement.get(s.id) ?? 0 })}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination info={info} hrefFor={hrefFor} label={t("pages")} />
    </>
  );
}
