import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/exports/export-links";
import { EvidenceList } from "@/components/scorecard/evidence-list";
import { DataVersion } from "@/components/ui/data-version";
import { DemoLabel } from "@/components/ui/demo-label";
import { DemoNotice } from "@/components/ui/demo-notice";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getNeighbourRounds, getPublishedRound } from "@/db/queries/rounds";
import {
  countScorecardScope,
  getCategoryId,
  getRoundTally,
  listScorecardBenchmarks,
  listScorecardCategories,
  listScorecardPageIds,
  viewTotal,
} from "@/db/queries/scorecard";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { ADDRESSEE_LABELS, STATUS_LABELS, STATUSES } from "@/lib/domain";
import { PDF_MAX_BENCHMARKS } from "@/db/queries/scorecard-pdf";
import { formatDate, formatIndex, formatPercent, formatRoundDate } from "@/lib/format";
import { describePage, formatCount, pageInfo } from "@/lib/pagination";
import { summariseTally } from "@/lib/scoring";
import { getDb } from "@/db/client";
import { listPreliminaryRoundIds, readMinCoverage } from "@/db/queries/published-aggregates";
import { PreliminaryNotice } from "@/components/ui/preliminary-notice";
import { PreliminaryBadge } from "@/components/dashboard/headline";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parseScorecardParams, SCORECARD_SORTS, scorecardQuery } from "@/lib/validation/scorecard-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const round = getPublishedRound((await params).id);
  return { title: round ? `Scorecard: ${round.name}` : "Round not found" };
}

export default async function RoundScorecardPage({ params, searchParams }: Props) {
  const round = getPublishedRound((await params).id);
  if (!round) notFound();
  const view = parseScorecardParams(await searchParams);

  // Figures for the whole round from counts; the list reads only the rows of this page.
  const db = getDb();
  const [roundTally, preliminaryRounds, minCoverage] = await Promise.all([getRoundTally(db, round), listPreliminaryRoundIds(db), readMinCoverage(db)]);
  const summary = summariseTally(roundTally.tally, roundTally.applicable);
  const preliminary = preliminaryRounds.has(round.id);
  const categories = await listScorecardCategories(db, round);
  const filter = { sort: view.sort, status: view.status, categoryId: view.category ? ((await getCategoryId(db, view.category)) ?? -1) : undefined };
  const scope = countScorecardScope(filter, roundTally);
  const info = pageInfo(view.page, view.pageSize, viewTotal(filter, scope));
  const ids = info.outOfRange ? [] : await listScorecardPageIds(db, round, filter, scope, { offset: info.offset, limit: info.pageSize });
  const [benchmarks, details, sources, neighbours] = [
    await listScorecardBenchmarks(db, ids),
    listPublishedScoreDetails({ benchmarkIds: ids, roundIds: [round.id] }),
    listBenchmarkSources(ids),
    getNeighbourRounds(round),
  ];
  const detailOf = new Map(details.map((d) => [d.benchmarkId, d]));
  const rows = benchmarks.map((b) => ({ benchmark: b, detail: detailOf.get(b.id), sources: sources.filter((s) => s.benchmarkId === b.id) }));
  const hrefFor = (page: number) => `/rounds/${round.slug}${scorecardQuery(view, page)}`;
  const filtered = view.status !== undefined || view.category !== undefined;
  // The PDF takes the round and its category, not the status filter.
  const pdfScope = view.category ? [...scope.values()].reduce((a, b) => a + b, 0) : roundTally.applicable;
  return (
    <>
      <p className="text-sm">
        <Link href="/">Dashboard</Link> / Round scorecard
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        {round.name}
        {preliminary && <PreliminaryBadge />}
      </h1>
      <p className="text-stone-700">
        {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision)}
        {round.location && ` · ${round.location}`}
      </p>
      {round.dateNote && <p className="mt-1 text-xs text-stone-600">About the date: {round.dateNote}</p>}
      <DataVersion publishedAt={round.publishedAt} />
      {roundTally.hasDemo && (
        <div className="mt-4">
          <DemoNotice />
        </div>
      )}

      <div className="mt-3">
        <ExportLinks
          filters={{ from: round.slug, to: round.slug, category: view.category }}
          round={round.slug}
          printHref={`/rounds/${round.slug}/print${scorecardQuery({ sort: view.sort, status: view.status, category: view.category })}`}
        />
        {pdfScope > PDF_MAX_BENCHMARKS && (
          <p className="mt-1 text-xs text-stone-600" data-testid="pdf-limit">
            A PDF lists at most {formatCount(PDF_MAX_BENCHMARKS)} benchmarks and this {view.category ? "category" : "round"} has {formatCount(pdfScope)}:
            {view.category ? " download the CSV or Excel file instead." : " choose a category first, or download the CSV or Excel file."}
          </p>
        )}
      </div>

      <section aria-labelledby="summary-heading" className="mt-4">
        <h2 id="summary-heading" className="sr-only">Summary</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8" data-testid="round-summary">
          <div className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">Fulfilment index</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="round-summary-index">{formatIndex(summary.index)}</dd>
          </div>
          {STATUSES.map((s) => (
            <div key={s} className="rounded border border-stone-200 bg-white p-3">
              <dt className="text-xs text-stone-600">{STATUS_LABELS[s]}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{summary.tally[s]}</dd>
            </div>
          ))}
          <div className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">Applicable</dt>
            <dd className="text-2xl font-semibold tabular-nums">{summary.applicable}</dd>
          </div>
          <div className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">Coverage</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatPercent(summary.coverage)}</dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-stone-600">
          Index over {summary.judged} judged of {summary.applicable} applicable benchmarks; unknown is left out.
        </p>
        {preliminary && <PreliminaryNotice figures={summary} minCoverage={minCoverage} />}
      </section>

      <form method="get" aria-label="Sort and filter" className="mt-6 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={view.sort} className="rounded border border-stone-400 px-2 py-1">
            {SCORECARD_SORTS.map((s) => (
              <option key={s} value={s}>{s === "category" ? "Category" : s === "status" ? "Status" : "Title"}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={view.status ?? ""} className="rounded border border-stone-400 px-2 py-1">
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={view.category ?? ""} className="rounded border border-stone-400 px-2 py-1">
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>{c.name}</option>
            ))}
          </select>
        </div>
        {view.pageSize !== 100 && <input type="hidden" name="pageSize" value={view.pageSize} />}
        <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900">Show</button>
      </form>

      {view.problems.length > 0 && (
        <p className="mt-3 text-sm" data-testid="page-problems">
          {view.problems.join(" ")}
        </p>
      )}
      <p className="mt-3 text-sm text-stone-700" role="status" data-testid="scorecard-count">
        {describePage(info, filtered ? `matching benchmarks (of ${formatCount(roundTally.applicable)} that apply)` : "benchmarks")}
      </p>
      {info.outOfRange ? (
        <p className="mt-2">
          <Link href={hrefFor(info.pageCount)}>Go to the last page</Link> or <Link href={hrefFor(1)}>the first</Link>.
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-2">No benchmark matches. <Link href={`/rounds/${round.slug}`}>Show all</Link>.</p>
      ) : (
        <ol className="mt-2 space-y-3" data-testid="scorecard">
          {rows.map(({ benchmark, detail, sources: raisedBy }) => (
            <li key={benchmark.id} className="rounded border border-stone-200 bg-white p-4" data-benchmark={benchmark.slug}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={`/benchmarks/${benchmark.slug}#round-${round.slug}`}>{benchmark.title}</Link>
                </h2>
                <span className="flex items-center gap-2">
                  {detail ? <StatusBadge status={detail.status} /> : <span className="text-xs">Not scored</span>}
                  {detail?.isDemo && <DemoLabel />}
                </span>
              </div>
              <p className="text-xs text-stone-600">
                {benchmark.categoryName} · addressed to {ADDRESSEE_LABELS[benchmark.addressee]}
              </p>
              {detail && <p className="mt-2 text-sm">{detail.rationale}</p>}
              {detail && <EvidenceList evidence={detail.evidence} />}
              <p className="mt-2 text-xs text-stone-600">
                Raised by:{" "}
                {raisedBy.map((s, i) => (
                  <span key={s.statementSlug}>
                    {i > 0 && "; "}
                    <Link href={`/statements/${s.statementSlug}`}>{s.statementTitle}</Link> ({formatDate(s.statementDate, s.statementDatePrecision)})
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination info={info} hrefFor={hrefFor} label="Pages of this scorecard" />

      <nav aria-label="Other rounds" className="mt-6 flex justify-between text-sm">
        {neighbours.previous ? <Link href={`/rounds/${neighbours.previous.slug}`}>← {neighbours.previous.name}</Link> : <span />}
        {neighbours.next ? <Link href={`/rounds/${neighbours.next.slug}`}>{neighbours.next.name} →</Link> : <span />}
      </nav>
    </>
  );
}
