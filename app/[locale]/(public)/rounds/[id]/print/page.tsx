import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import { Pagination } from "@/components/ui/pagination";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getPublishedRound } from "@/db/queries/rounds";
import { countScorecardScope, getCategoryId, getRoundTally, listScorecardBenchmarks, listScorecardPageIds, viewTotal } from "@/db/queries/scorecard";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { STATUS_LABELS, STATUSES } from "@/lib/domain";
import { DEMO_NOTE, DENOMINATOR_NOTE } from "@/lib/export/describe";
import { formatIndex, formatPercent, formatRoundDate } from "@/lib/format";
import { describePage, formatCount, pageInfo } from "@/lib/pagination";
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
  return { title: round ? `Print: ${round.name}` : "Round not found" };
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
        <PrintButton /> <Link href={`/rounds/${round.slug}`}>Back to the scorecard</Link>
      </p>
      <h1 className="text-xl font-semibold">
        Scorecard: {round.name}
        {preliminary && <PreliminaryBadge />}
      </h1>
      <p>
        {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision)} · data version {round.publishedAt.slice(0, 16).replace("T", " ")} UTC
      </p>
      {demo && <p className="mt-1 font-semibold">DEMO DATA — {DEMO_NOTE}</p>}
      <p className="mt-2">
        Fulfilment index <strong>{formatIndex(summary.index)}</strong> ·{" "}
        {STATUSES.map((s) => `${STATUS_LABELS[s]} ${summary.tally[s]}`).join(" · ")} · coverage {formatPercent(summary.coverage)} ({summary.judged} judged of {summary.applicable} applicable)
      </p>
      {preliminary && <PreliminaryNotice figures={summary} minCoverage={minCoverage} />}
      {(info.pageCount > 1 || info.outOfRange) && (
        <div className="mt-2 rounded border border-stone-400 p-2" data-testid="print-part">
          <p>
            {describePage(info, "benchmarks in this view")} A printout holds at most {formatCount(PRINT_PAGE_SIZE)}
            {info.pageCount > 1 && !info.outOfRange && `; this is part ${formatCount(info.page)} of ${formatCount(info.pageCount)}`}.
          </p>
          <p className="print:hidden">
            For all of them at once, download the{" "}
            <a href={`/exports/scores.csv?from=${round.slug}&to=${round.slug}${view.category ? `&category=${view.category}` : ""}`}>scores as CSV</a> or{" "}
            <a href={`/exports/scores.xlsx?from=${round.slug}&to=${round.slug}${view.category ? `&category=${view.category}` : ""}`}>Excel</a>; or narrow the view by
            category or status on <Link href={`/rounds/${round.slug}${viewQuery}`}>the scorecard</Link>.
          </p>
          <div className="print:hidden">
            <Pagination info={info} hrefFor={hrefFor} label="Parts of this printout" />
          </div>
        </div>
      )}
      <table className="mt-3 w-full border-collapse">
        <thead>
          <tr className="border-b-2 border-stone-800 text-left">
            <th scope="col" className="py-1 pr-2">Benchmark</th>
            <th scope="col" className="py-1 pr-2">Status</th>
            <th scope="col" className="py-1">Rationale and sources</th>
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
                  {detail ? `${STATUS_BADGE[detail.status].symbol} ${STATUS_LABELS[detail.status]}` : "Not scored"}
                </td>
                <td className="py-1">
                  {detail?.rationale}
                  {detail?.publicRecord && <span className="block text-xs text-stone-600">{detail.evidence.length > 0 ? "Rests on public record (evidence online)." : "Rests on public record; source to be verified before citing."}</span>}
                  <span className="block text-xs text-stone-600">
                    Raised by: {sources.filter((s) => s.benchmarkId === b.id).map((s) => s.statementTitle).join("; ")}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-3 text-xs">{DENOMINATOR_NOTE}</p>
    </article>
  );
}
