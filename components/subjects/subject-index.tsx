import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubjectIndexPage, SubjectPage } from "@/db/queries/subjects";
import { STATUSES } from "@/lib/domain";
import { contentLang, localized } from "@/lib/localized";
import { PageDescription } from "@/components/ui/page-description";
import { pageInfo, pageQuery } from "@/lib/pagination";
import type { PageParams } from "@/lib/validation/paging";

export const SUBJECT_PAGE_SIZE = 100;
/** Up to this many demands, each gets its badge; beyond, the statuses are counted. */
const BADGES_PER_SUBJECT = 12;

/** A page of people (or laws), searchable, each with the current status of every demand about them. */
export function SubjectIndex({ page, search, paging, data }: { page: SubjectPage; search: string; paging: PageParams; data: SubjectIndexPage }) {
  const t = useTranslations("subjects");
  const tPages = useTranslations("pagination");
  const locale = useLocale();
  const { rows: subjects, total, benchmarksOf: linksOf, current } = data;
  const info = pageInfo(paging.page, paging.pageSize, total);
  const hrefFor = (p: number) => `/${page}${pageQuery(p, paging.pageSize, SUBJECT_PAGE_SIZE, { q: search })}`;

  return (
    <>
      <h1 className="text-2xl font-semibold">{t(`${page}.title`)}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t(`${page}.intro`)}</p>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm">{t(`${page}.searchLabel`)}</label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={100} className="w-80 max-w-full rounded border border-stone-400 px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-900">{t("search")}</button>
        {search && <Link href={`/${page}`}>{t("clear")}</Link>}
      </form>
      {paging.problems.length > 0 && <p className="mt-3 text-sm">{paging.problems.join(" ")}</p>}
      <p className="mt-3 text-sm" role="status">
        {total === 0
          ? search
            ? t("noMatch", { search })
            : t("empty")
          : total <= info.pageSize && !info.outOfRange
            ? search
              ? t("countMatching", { count: total, search })
              : t("count", { count: total })
            : <PageDescription info={info} noun={search ? t("nounMatching", { search }) : t("noun")} />}
      </p>
      {info.outOfRange && (
        <p className="mt-2">
          <Link href={hrefFor(info.pageCount)}>{tPages("lastPage")}</Link>.
        </p>
      )}
      <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="subject-list">
        {subjects.map((s) => {
          const benchmarkIds = linksOf.get(s.id) ?? [];
          return (
            <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <div>
                <Link href={`/${page}/${s.slug}`} className="font-medium">
                  {s.name}
                </Link>
                {s.nameZh && <span lang="zh-Hans" className="ml-2">{s.nameZh}</span>}
                {s.role ? (
                  <LocalizedText as="p" locale={locale} en={s.role} zh={s.roleZh} className="text-xs text-stone-600" />
                ) : s.article ? (
                  <p className="text-xs text-stone-600">{s.article}</p>
                ) : (
                  <LocalizedText as="p" locale={locale} en={s.description} zh={s.descriptionZh} className="text-xs text-stone-600" />
                )}
              </div>
              <ul className="flex flex-wrap gap-1" aria-label={t("currentStatus", { count: benchmarkIds.length, name: s.name })}>
                {benchmarkIds.length > BADGES_PER_SUBJECT
                  ? // A law named by dozens of demands: how many stand at each status, not a badge each.
                    STATUSES.map((status) => {
                      const n = benchmarkIds.filter((id) => current.get(id)?.status === status).length;
                      return n > 0 ? (
                        <li key={status} className="flex items-center gap-1 text-xs">
                          <StatusBadge status={status} /> {n}
                        </li>
                      ) : null;
                    })
                  : benchmarkIds.map((id) => {
                      const now = current.get(id);
                      if (!now) return null;
                      const title = localized(locale, now.title, now.titleZh);
                      return (
                        <li key={id} title={title.text}>
                          <StatusBadge status={now.status} />
                          <span className="sr-only" lang={title.lang === contentLang(locale) ? undefined : title.lang}> {title.text}</span>
                        </li>
                      );
                    })}
              </ul>
            </li>
          );
        })}
      </ul>
      <Pagination info={info} hrefFor={hrefFor} label={t(`${page}.pages`)} />
    </>
  );
}
