import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getPublishedRound, listApplicableBenchmarks } from "@/db/queries/rounds";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { STATUS_LABELS, STATUSES } from "@/lib/domain";
import { DEMO_NOTE, DENOMINATOR_NOTE } from "@/lib/export/describe";
import { formatIndex, formatPercent, formatRoundDate } from "@/lib/format";
import { STATUS_BADGE } from "@/lib/status-style";
import { emptyTally, summariseTally } from "@/lib/scoring";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const round = getPublishedRound((await params).id);
  return { title: round ? `Print: ${round.name}` : "Round not found" };
}

/** A round's scorecard laid out for paper: one table, no navigation, statuses in words. */
export default async function PrintScorecardPage({ params }: Props) {
  const round = getPublishedRound((await params).id);
  if (!round) notFound();
  const benchmarks = listApplicableBenchmarks(round).sort((a, b) => a.categoryPosition - b.categoryPosition || a.title.localeCompare(b.title));
  const ids = benchmarks.map((b) => b.id);
  const details = new Map(listPublishedScoreDetails({ benchmarkIds: ids, roundIds: [round.id] }).map((d) => [d.benchmarkId, d]));
  const sources = listBenchmarkSources(ids);
  const tally = emptyTally();
  for (const d of details.values()) tally[d.status] += 1;
  const summary = summariseTally(tally, benchmarks.length);
  const demo = [...details.values()].some((d) => d.isDemo);

  return (
    <article className="print-scorecard text-sm" data-testid="print-view">
      <p className="mb-3 flex items-center gap-4 print:hidden">
        <PrintButton /> <Link href={`/rounds/${round.slug}`}>Back to the scorecard</Link>
      </p>
      <h1 className="text-xl font-semibold">Scorecard: {round.name}</h1>
      <p>
        {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision)} · data version {round.publishedAt.slice(0, 16).replace("T", " ")} UTC
      </p>
      {demo && <p className="mt-1 font-semibold">DEMO DATA — {DEMO_NOTE}</p>}
      <p className="mt-2">
        Fulfilment index <strong>{formatIndex(summary.index)}</strong> ·{" "}
        {STATUSES.map((s) => `${STATUS_LABELS[s]} ${summary.tally[s]}`).join(" · ")} · coverage {formatPercent(summary.coverage)} ({summary.judged} judged of {summary.applicable} applicable)
      </p>
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
