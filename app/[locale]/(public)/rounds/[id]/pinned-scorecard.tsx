import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { PinnedReleaseNotice } from "@/components/releases/pinned-release-notice";
import { RoundSummaryFigures } from "@/components/scorecard/round-summary-figures";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getRelease, listScoresAsOf } from "@/db/queries/releases";
import type { PublishedRound } from "@/db/queries/rounds";
import { formatRoundDate } from "@/lib/format";
import { describePage, pageInfo, pageQuery } from "@/lib/pagination";
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
  const [summary, { rows, total }] = await Promise.all([
    getDashboardSummary(db, { from: round.slug, to: round.slug }, { figuresOnly: true, release: number }),
    listScoresAsOf(db, number, { roundIds: [round.id] }, { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const figures = summary.series.find((s) => s.round.id === round.id);
  const info = pageInfo(page, pageSize, total);
  const hrefFor = (p: number) => `/rounds/${round.slug}${pageQuery(p, pageSize, PAGE_SIZE, { release: String(number) })}`;
  return (
    <>
      <PinnedReleaseNotice release={release} currentHref={`/rounds/${round.slug}`} />
      <p className="text-sm">
        <Link href={`/?release=${number}`}>Dashboard in release {number}</Link> / Round scorecard
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{round.name}</h1>
      <p className="text-stone-700">
        {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision)}
      </p>
      {figures && <RoundSummaryFigures summary={figures} preliminary={figures.preliminary} minCoverage={summary.minCoverage} />}
      <p className="mt-4 text-sm" role="status">
        {describePage(info, "published scores")}
      </p>
      <table className="mt-2 w-full border-collapse text-sm" data-testid="pinned-scores">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-1 pr-2">Benchmark</th>
            <th scope="col" className="py-1 pr-2">Status</th>
            <th scope="col" className="py-1">Rationale and evidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.benchmarkId} className="border-b border-stone-200 align-top">
              <td className="py-1 pr-2">
                <Link href={`/benchmarks/${s.benchmarkSlug}?release=${number}`}>{s.benchmarkTitle}</Link>
              </td>
              <td className="py-1 pr-2">
                <StatusBadge status={s.status} />
              </td>
              <td className="py-1">
                {s.rationale}
                {s.evidence.length > 0 && (
                  <ul className="mt-1 text-xs">
                    {s.evidence.map((e) => (
                      <li key={e.url}>
                        <a href={e.url} rel="noopener noreferrer">
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
      <Pagination info={info} hrefFor={hrefFor} label="Pages of scores" />
    </>
  );
}
