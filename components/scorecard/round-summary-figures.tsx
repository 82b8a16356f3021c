import { useTranslations } from "next-intl";
import { PreliminaryNotice } from "@/components/ui/preliminary-notice";
import { STATUSES } from "@/lib/domain";
import { formatIndex, formatPercent } from "@/lib/format";
import type { RoundSummary } from "@/lib/scoring";

/** A round's headline figures: the index, the count at each status, how many apply and the coverage. */
export function RoundSummaryFigures({ summary, preliminary, minCoverage }: { summary: RoundSummary; preliminary: boolean; minCoverage: number }) {
  const t = useTranslations("scorecard");
  const tHeadline = useTranslations("headline");
  const tStatus = useTranslations("status");
  const tRound = useTranslations("roundTable");
  return (
    <section aria-labelledby="summary-heading" className="mt-4">
      <h2 id="summary-heading" className="sr-only">{t("summary")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8" data-testid="round-summary">
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{tHeadline("index")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="round-summary-index">{formatIndex(summary.index)}</dd>
        </div>
        {STATUSES.map((s) => (
          <div key={s} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{tStatus(s)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{summary.tally[s]}</dd>
          </div>
        ))}
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{tRound("applicable")}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.applicable}</dd>
        </div>
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{tRound("coverage")}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatPercent(summary.coverage)}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-stone-600">
        {t("indexOver", { judged: summary.judged, applicable: summary.applicable })}
      </p>
      {preliminary && <PreliminaryNotice figures={summary} minCoverage={minCoverage} />}
    </section>
  );
}
