import Link from "next/link";
import type { DashboardRound } from "@/db/queries/dashboard";
import type { RoundFigures } from "@/lib/dashboard";
import { STATUS_LABELS, STATUSES } from "@/lib/domain";
import { formatIndex, formatPercent, formatRoundDate } from "@/lib/format";
import { PreliminaryBadge } from "./headline";

/** Every round in view with its counts and figures: the list of rounds and the table alternative to the charts. */
export function RoundTable({ rows }: { rows: RoundFigures<DashboardRound>[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[48rem] border-collapse text-sm" data-testid="round-table">
        <caption className="mb-2 text-left text-stone-600">
          Published scores per round. <em>Applicable</em> counts the benchmarks in force at the round (the coverage
          denominator); <em>judged</em> counts met, partial, not met and regressed (the index denominator); unknown
          is left out of both the index and coverage. A <em>preliminary</em> round has too few benchmarks judged for its figures to stand.
        </caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">Round</th>
            <th scope="col" className="py-2 pr-3">Dates</th>
            <th scope="col" className="py-2 pr-3 text-right">Applicable</th>
            {STATUSES.map((s) => (
              <th key={s} scope="col" className="py-2 pr-3 text-right">{STATUS_LABELS[s]}</th>
            ))}
            <th scope="col" className="py-2 pr-3 text-right">Judged</th>
            <th scope="col" className="py-2 pr-3 text-right">Index</th>
            <th scope="col" className="py-2 text-right">Coverage</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ round, ...row }) => (
            <tr key={round.id} className="border-b border-stone-200 align-top" data-round={round.slug}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link href={`/rounds/${round.slug}`}>{round.name}</Link>
                {row.preliminary && <PreliminaryBadge />}
                <span className="block text-xs font-normal text-stone-600">{round.trackName}</span>
              </th>
              <td className="py-2 pr-3 whitespace-nowrap">{formatRoundDate(round.startDate, round.endDate, round.datePrecision)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.applicable}</td>
              {STATUSES.map((s) => (
                <td key={s} className="py-2 pr-3 text-right tabular-nums">{row.tally[s]}</td>
              ))}
              <td className="py-2 pr-3 text-right tabular-nums">{row.judged}</td>
              <td className="py-2 pr-3 text-right font-semibold tabular-nums" data-testid="round-index">{formatIndex(row.index)}</td>
              <td className="py-2 text-right tabular-nums">{formatPercent(row.coverage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
