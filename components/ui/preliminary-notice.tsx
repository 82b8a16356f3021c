import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/format";
import type { RoundSummary } from "@/lib/scoring";

/** Says that a round's figures are preliminary, and why: too few of its benchmarks judged so far. */
export function PreliminaryNotice({ figures, minCoverage, testId = "preliminary-notice" }: { figures: Pick<RoundSummary, "judged" | "applicable" | "coverage">; minCoverage: number; testId?: string }) {
  const t = useTranslations("common");
  return (
    <p className="mt-1 max-w-3xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid={testId}>
      {t.rich("preliminaryNotice", {
        strong: (chunks) => <strong>{chunks}</strong>,
        judged: figures.judged,
        applicable: figures.applicable,
        coverage: formatPercent(figures.coverage),
        threshold: formatPercent(minCoverage),
      })}
    </p>
  );
}
