import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { PageDescription } from "@/components/ui/page-description";
import { PinnedReleaseNotice } from "@/components/releases/pinned-release-notice";
import { RoundSummaryFigures } from "@/components/scorecard/round-summary-figures";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getRelease, listScoresAsOf } from "@/db/queries/releases";
import type { PublishedRound } from "@/db/queries/rounds";
import { formatRoundDate } from "@/lib/format";
import { contentLang, detectTextLang } from "@/lib/localized";
import { pageInfo, pageQuery } from "@/lib/pagination";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";

const PAGE_SIZE = 100;

/** A round's scorecard as published in a release (?release=N): its figures then and its scores then, a page at a time. */
export async function PinnedScorecard({ round, number, searchParams }: { round: PublishedRound; number: number; searchParams: SearchParams }) {
  const db = getDb();
  const release = await getRelease(db, number);
  // proxy.ts answered 404 already for a release that does not exist or did not hold this round.
  if (!release) notFound();
  const { page, pageSize } = parsePageParams(searchParams, { default: PAGE_SIZE, max: 500 });
  const [summary, { rows, total }, t, tHeat, locale] = await Promise.all([
    getDashboardSummary(db, { from: round.slug, to: round.slug }, { figuresOnly: true, release: number }),
    listScoresAsOf(db, number, { roundIds: [round.id] }, { limit: pageSize, offset: (page - 1) * pageSize }),
    getTranslations("releases"),
    getTranslations("heatMap"),
    getLocale(),
  ]);
  const lang = contentLang(locale);
  const figures = summary.series.find((s) => s.round.id === round.id);
  const info = pageInfo(page, pageSize, total);
  const hrefFor = (p: number) => `/rounds/${round.slug}${pageQuery(p, pageSize, PAGE_SIZE, { release: String(number) })}`;
  return (
    <>
      <PinnedReleaseNotice release={release} currentHref={`/rounds/${round.slug}`} />
      <p className="text-sm">
        <Link href={`/?release=${number}`}>{t("pinnedDashboard", { number })}</Link> / {t("pinnedCrumb")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
      </h1>
      <p className="text-stone-700">
        <LocalizedText locale={locale} en={round.trackName} zh={round.trackNameZh} /> · {formatRoundDate(round.startDate, round.endDate, round.datePrecision, lang)}
      </p>
      {figures && <RoundSummaryFigures summary={figures} preliminary={figures.preliminary} minCoverage={summary.minCoverage} />}
      <p className="mt-4 text-sm" role="status">
        <PageDescription info={info} noun={t("pinnedNoun")} />
      </p>
      <table className="mt-2 w-full border-collapse text-sm" data-testid="pinned-scores">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-1 pr-2">{tHeat("benchmark")}</th>
            <th scope="col" className="py-1 pr-2">{t("pinnedStatus")}</th>
            <th scope="col" className="py-1">{t("pinnedRationale")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.benchmarkId} className="border-b border-stone-200 align-top">
              <td className="py-1 pr-2">
                <Link href={`/benchmarks/${s.benchmarkSlug}?release=${number}`}>
                  <LocalizedText locale={locale} en={s.benchmarkTitle} zh={s.benchmarkTitleZh} />
                </Link>
              </td>
              <td className="py-1 pr-2">
                <StatusBadge status={s.status} />
              </td>
              <td className="py-1">
                <span lang={s.rationaleLang === lang ? undefined : s.rationaleLang}>{s.rationale}</span>
                {s.evidence.length > 0 && (
                  <ul className="mt-1 text-xs">
                    {s.evidence.map((e) => (
                      <li key={e.url}>
                        <a href={e.url} rel="noopener noreferrer" lang={detectTextLang(e.title) === lang ? undefined : detectTextLang(e.title)}>
                          {e.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination info={info} hrefFor={hrefFor} label={t("pinnedPages")} />
    </>
  );
}
