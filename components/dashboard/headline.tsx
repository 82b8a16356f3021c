import type { RoundFigures } from "@/lib/dashboard";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { compareRounds } from "@/lib/scoring";

function Figure({ label, value, change, testId }: { label: string; value: string; change: string | null; testId: string }) {
  return (
    <div className="rounded border border-stone-200 bg-white p-3" data-testid={testId}>
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-value>
        {value}
      </dd>
      {change !== null && <dd className="text-xs text-stone-600">{change} since previous</dd>}
    </div>
  );
}

const signedCount = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : "±0");
const COUNTED: Status[] = ["met", "partial", "not_met", "regressed"];

/** The latest round in view and how it moved since the one before. */
export function Headline({ latest, previous }: { latest: RoundFigures; previous: RoundFigures | null }) {
  const change = previous ? compareRounds(previous, latest) : null;
  const coverageChange =
    previous && latest.coverage !== null && previous.coverage !== null
      ? `${formatSignedDelta((latest.coverage - previous.coverage) * 100).replace(".0", "")} pts`
      : null;
  return (
    <section aria-labelledby="headline-heading" className="mt-6">
      <h2 id="headline-heading" className="text-lg font-semibold">
        Latest round in view: {latest.round.name}
      </h2>
      <p className="text-sm text-stone-600">
        {previous ? `Compared with ${previous.round.name}.` : "No earlier round in view to compare with."} Index over {latest.judged} judged of{" "}
        {latest.applicable} applicable benchmarks.
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Fulfilment index" value={formatIndex(latest.index)} change={change ? formatSignedDelta(change.index) : null} testId="headline-index" />
        {COUNTED.map((s) => (
          <Figure key={s} label={STATUS_LABELS[s]} value={String(latest.tally[s])} change={change ? signedCount(change.counts[s]) : null} testId={`headline-${s}`} />
        ))}
        <Figure label="Coverage" value={formatPercent(latest.coverage)} change={coverageChange} testId="headline-coverage" />
      </dl>
    </section>
  );
}
