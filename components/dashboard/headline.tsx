import { PreliminaryNotice } from "@/components/ui/preliminary-notice";
import type { RoundFigures } from "@/lib/dashboard";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { compareRounds, type StatusTally } from "@/lib/scoring";

function Figure({ label, value, change, testId }: { label: string; value: string; change: string | null; testId: string }) {
  return (
    <div className="rounded border border-stone-200 bg-white p-3" data-testid={testId}>
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-value>
        {value}
      </dd>
      {change !== null && <dd className="text-xs text-stone-600">{change}</dd>}
    </div>
  );
}

const signedCount = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : "±0");
const COUNTED: Status[] = ["met", "partial", "not_met", "regressed"];

/** How the latest round moved since the round it is compared with: index points, status counts, coverage points. */
export function headlineChanges(latest: RoundFigures, previous: RoundFigures | null): { index: string; counts: StatusTally; coverage: string | null } | null {
  if (!previous) return null;
  const change = compareRounds(previous, latest);
  const coverage = latest.coverage !== null && previous.coverage !== null ? `${formatSignedDelta((latest.coverage - previous.coverage) * 100).replace(".0", "")} pts` : null;
  return { index: formatSignedDelta(change.index), counts: change.counts, coverage };
}

/** "a, b and c" */
function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function PreliminaryBadge() {
  return (
    <span className="ml-2 inline-block rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 align-middle text-xs font-semibold uppercase tracking-wide text-amber-900" data-testid="preliminary-badge">
      Preliminary
    </span>
  );
}

/**
 * The latest round in view and how it moved since the round it is compared with: the last earlier
 * round that is not preliminary. A preliminary latest round is shown, and said to be preliminary.
 */
export function Headline({ latest, previous, series, minCoverage }: { latest: RoundFigures; previous: RoundFigures | null; series: readonly RoundFigures[]; minCoverage: number }) {
  const changes = headlineChanges(latest, previous);
  const since = latest.preliminary ? "since previous (preliminary)" : "since previous";
  const threshold = formatPercent(minCoverage);
  const skipped = series.filter((s) => s.preliminary && s.round.id !== latest.round.id && (!previous || s.round.startDate > previous.round.startDate)).map((s) => s.round.name);
  return (
    <section aria-labelledby="headline-heading" className="mt-6">
      <h2 id="headline-heading" className="text-lg font-semibold">
        Latest round in view: {latest.round.name}
        {latest.preliminary && <PreliminaryBadge />}
      </h2>
      {latest.preliminary && <PreliminaryNotice figures={latest} minCoverage={minCoverage} testId="headline-preliminary" />}
      <p className="mt-1 text-sm text-stone-600">
        {previous ? `Compared with ${previous.round.name}.` : "No earlier round in view to compare with."}
        {skipped.length > 0 && ` ${listOf(skipped)} ${skipped.length === 1 ? "is" : "are"} preliminary (under ${threshold} judged), so not compared with.`} Index over{" "}
        {latest.judged} judged of {latest.applicable} applicable benchmarks.
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Fulfilment index" value={formatIndex(latest.index)} change={changes ? `${changes.index} ${since}` : null} testId="headline-index" />
        {COUNTED.map((s) => (
          <Figure key={s} label={STATUS_LABELS[s]} value={String(latest.tally[s])} change={changes ? `${signedCount(changes.counts[s])} ${since}` : null} testId={`headline-${s}`} />
        ))}
        <Figure label="Coverage" value={formatPercent(latest.coverage)} change={changes?.coverage ? `${changes.coverage} ${since}` : null} testId="headline-coverage" />
      </dl>
    </section>
  );
}
