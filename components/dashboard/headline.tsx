import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/localized";
import { PreliminaryNotice } from "@/components/ui/preliminary-notice";
import type { RoundFigures } from "@/lib/dashboard";
import type { Status } from "@/lib/domain";
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
export function headlineChanges(latest: RoundFigures, previous: RoundFigures | null, points: (delta: string) => string = (delta) => `${delta} pts`): { index: string; counts: StatusTally; coverage: string | null } | null {
  if (!previous) return null;
  const change = compareRounds(previous, latest);
  const coverage = latest.coverage !== null && previous.coverage !== null ? points(formatSignedDelta((latest.coverage - previous.coverage) * 100).replace(".0", "")) : null;
  return { index: formatSignedDelta(change.index), counts: change.counts, coverage };
}

/** "a, b and c"; "a、b和c" */
function listOf(names: string[], locale: string, and: string): string {
  const comma = locale === "zh" ? "、" : ", ";
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(comma)}${and}${names.at(-1)}`;
}

export function PreliminaryBadge() {
  const t = useTranslations("common");
  return (
    <span className="ml-2 inline-block rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 align-middle text-xs font-semibold uppercase tracking-wide text-amber-900" data-testid="preliminary-badge">
      {t("preliminary")}
    </span>
  );
}

/**
 * The latest round in view and how it moved since the round it is compared with: the last earlier
 * round that is not preliminary. A preliminary latest round is shown, and said to be preliminary.
 */
export function Headline({ latest, previous, series, minCoverage }: { latest: RoundFigures; previous: RoundFigures | null; series: readonly RoundFigures[]; minCoverage: number }) {
  const t = useTranslations("headline");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const changes = headlineChanges(latest, previous, (delta) => t("points", { delta }));
  const since = latest.preliminary ? t("sincePreliminary") : t("since");
  const threshold = formatPercent(minCoverage);
  const skipped = series.filter((s) => s.preliminary && s.round.id !== latest.round.id && (!previous || s.round.startDate > previous.round.startDate)).map((s) => localized(locale, s.round.name, s.round.nameZh).text);
  return (
    <section aria-labelledby="headline-heading" className="mt-6">
      <h2 id="headline-heading" className="text-lg font-semibold">
        {t("heading", { round: localized(locale, latest.round.name, latest.round.nameZh).text })}
        {latest.preliminary && <PreliminaryBadge />}
      </h2>
      {latest.preliminary && <PreliminaryNotice figures={latest} minCoverage={minCoverage} testId="headline-preliminary" />}
      <p className="mt-1 text-sm text-stone-600">
        {previous ? t("compared", { round: localized(locale, previous.round.name, previous.round.nameZh).text }) : t("noEarlier")}
        {skipped.length > 0 && ` ${t("skipped", { names: listOf(skipped, locale, t("and")), count: skipped.length, threshold })}`} {t("over", { judged: latest.judged, applicable: latest.applicable })}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label={t("index")} value={formatIndex(latest.index)} change={changes ? `${changes.index} ${since}` : null} testId="headline-index" />
        {COUNTED.map((s) => (
          <Figure key={s} label={tStatus(s)} value={String(latest.tally[s])} change={changes ? `${signedCount(changes.counts[s])} ${since}` : null} testId={`headline-${s}`} />
        ))}
        <Figure label={t("coverage")} value={formatPercent(latest.coverage)} change={changes?.coverage ? `${changes.coverage} ${since}` : null} testId="headline-coverage" />
      </dl>
    </section>
  );
}
