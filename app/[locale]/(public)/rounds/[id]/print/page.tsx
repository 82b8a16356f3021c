import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageDescription } from "@/components/ui/page-description";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import { Pagination } from "@/components/ui/pagination";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getPublishedRound } from "@/db/queries/rounds";
import { countScorecardScope, getCategoryId, getRoundTally, listScorecardBenchmarks, listScorecardPageIds, viewTotal } from "@/db/queries/scorecard";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { STATUSES } from "@/lib/domain";
import { formatIndex, formatPercent, formatRoundDate, type FormatLocale } from "@/lib/format";
import { formatCount, pageInfo } from "@/lib/pagination";
import { localeAlternates } from "@/server/i18n/alternates";
import { STATUS_BADGE } from "@/lib/status-style";
import { summariseTally } from "@/lib/scoring";
import { getDb } from "@/db/client";
import { listPreliminaryRoundIds, readMinCoverage } from "@/db/queries/published-aggregates";
import { PreliminaryNotice } from "@/components/ui/preliminary-notice";
import { PreliminaryBadge } from "@/components/dashboard/headline";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parseScorecardParams, scorecardQuery } from "@/lib/validation/scorecard-params";

export const dynamic = "force-dynamic";

/** A printout holds at most this many benchmarks; a bigger round is printed a part at a time. */
const PRINT_PAGE_SIZE = 500;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const round = await getPublishedRound(getDb(), (await params).id);
  const t = await getTranslations("print");
  if (!round) return { title: (await getTranslations("round"))("notFound") };
  return { title: t("title", { round: round.name }), alternates: localeAlternates(`/rounds/${encodeURIComponent(round.slug)}/print`) };
}

/**
 * A round's scorecard laid out for paper: one table, no navigation, statuses in words. It prints
 * the scorecard's view (sort, status, category); a view of more than 500 benchmarks is printed 500
 * at a time, and the page says how many there are and where to get all of them at once.
 */
export default async function PrintScorecardPage({ params, searchParams }: Props) {
  const db = getDb();
  const round = await getPublishedRound(db, (await params).id);
  if (!round) notFound();
  const view = parseScorecardParams(await searchParams);
  const [t, tStatus, tScorecard, locale] = await Promise.all([getTranslations("print"), getTranslations("status"), getTranslations("scorecard"), getLocale()]);
  const [roundTally, preliminaryRounds, minCoverage] = await Promise.all([getRoundTally(db, round), listPreliminaryRoundIds(db), readMinCoverage(db)]);
  const summary = summariseTally(roundTally.tally, roundTally.applicable);
  const preliminary = preliminaryRounds.has(round.id);
  const filter = { sort: view.sort, status: view.status, categoryId: view.category ? ((await getCategoryId(db, view.category)) ?? -1) : undefined };
  const scope = countScorecardScope(filter, roundTally);
  const info = pageInfo(view.page, PRINT_PAGE_SIZE, viewTotal(filter, scope));
  const ids = info.outOfRange ? [] : await listScorecardPageIds(db, round, filter, scope, { offset: info.offset, limit: PRINT_PAGE_SIZE });
  const benchmarks = await listScorecardBenchmarks(db, ids);
  const [scoreDetails, sources] = await Promise.all([listPublishedScoreDetails(db, { benchmarkIds: ids, roundIds: [round.id] }), listBenchmarkSources(db, ids)]);
  const details = new Map(scoreDetails.map((d) => [d.benchmarkId, d]));
  const demo = roundTally.hasDemo;
  const viewQuery = scorecardQuery({ sort: view.sort, status: view.status, category: view.category });
  const hrefFor = (page: number) => `/rounds/${round.slug}/print${scorecardQuery({ sort: view.sort, status: view.status, category: view.category }, page)}`;

  return (
    <article className="print-scorecard text-sm" data-testid="print-view">
      <p className="mb-3 flex items-center gap-4 print:hidden">
        <PrintButton /> <Link href={`/rounds/${round.slug}`}>{t("back")}</Link>
      </p>
      <h1 className="text-xl font-semibold">
        {t("heading", { round: round.name })}
        {preliminary && <PreliminaryBadge />}
      </h1>
      <p>
        {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision, locale as FormatLocale)} · {t("dataVersion", { version: round.publishedAt.slice(0, 16).replace("T", " ") })}
      </p>
      {demo && <p className="mt-1 font-semibold">{t("demo")}</p>}
      <p className="mt-2">
        {t.rich("index", { index: formatIndex(summary.index), strong: (chunks) => <strong>{chunks}</strong> })} ·{" "}
        {STATUSES.map((s) => `${tStatus(s)} ${summary.tally[s]}`).join(" · ")} · {t("coverage", { coverage: formatPercent(summary.coverage), judged: summary.judged, applicable: summary.applicable })}
      </p>
      {preliminary && <PreliminaryNotice figures={summary} minCoverage={minCoverage} />}
      {(info.pageCount > 1 || info.outOfRange) && (
        <div className="mt-2 rounded border border-stone-400 p-2" data-testid="print-part">
          <p>
            <PageDescription info={info} noun={t("noun")} />{" "}
            {info.pageCount > 1 && !info.outOfRange
              ? t("partOf", { max: formatCount(PRINT_PAGE_SIZE), part: formatCount(info.page), parts: formatCount(info.pageCount) })
              : t("atMost", { max: formatCount(PRINT_PAGE_SIZE) })}
          </p>
          <p className="print:hidden">
            {t.rich("allAtOnce", {
              csv: (chunks) => <a href={`/exports/scores.csv?from=${round.slug}&to=${round.slug}${view.category ? `&category=${view.category}` : ""}`}>{chunks}</a>,
              xlsx: (chunks) => <a href={`/exports/scores.xlsx?from=${round.slug}&to=${round.slug}${view.category ? `&category=${view.category}` : ""}`}>{chunks}</a>,
              scorecard: (chunks) => <Link href={`/rounds/${round.slug}${viewQuery}`}>{chunks}</Link>,
            })}
          </p>
          <div className="print:hidden">
            <Pagination info={info} hrefFor={hrefFor} label={t("parts")} />
          </div>
        </div>
      )}
      <table className="mt-3 w-full border-collapse">
        <thead>
          <tr className="border-b-2 border-stone-800 text-left">
            <th scope="col" className="py-1 pr-2">{t("benchmark")}</th>
            <th scope="col" className="py-1 pr-2">{t("status")}</th>
            <th scope="col" className="py-1">{t("rationale")}</th>
          </tr>
        </thead>
        <tbody>
          {benchmarks.map((b) => {
            const detail = details.get(b.id);
            return (
              <tr key={b.id} className="break-inside-avoid border-b border-stone-300 align-top">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {b.title}
                  <span className="block text-xs text-stone-600">{b.categoryName}</span>
                </th>
                <td className="py-1 pr-2 whitespace-nowrap font-semibold" style={detail ? { color: STATUS_BADGE[detail.status].text } : undefined}>
                  {detail ? `${STATUS_BADGE[detail.status].symbol} ${tStatus(detail.status)}` : tScorecard("notScoredShort")}
                </td>
                <td className="py-1">
                  {detail?.rationale}
                  {detail?.publicRecord && <span className="block text-xs text-stone-600">{detail.evidence.length > 0 ? t("publicRecordOnline") : tScorecard("publicRecordUnverified")}</span>}
                  <span className="block text-xs text-stone-600">
                    {tScorecard("raisedBy")} {sources.filter((s) => s.benchmarkId === b.id).map((s) => s.statementTitle).join("; ")}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-3 text-xs">{t("denominator")}</p>
    </article>
  );
}
