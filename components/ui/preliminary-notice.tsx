import { formatPercent } from "@/lib/format";
import type { RoundSummary } from "@/lib/scoring";

/** Says that a round's figures are preliminary, and why: too few of its benchmarks judged so far. */
export function PreliminaryNotice({ figures, minCoverage, testId = "preliminary-notice" }: { figures: Pick<RoundSummary, "judged" | "applicable" | "coverage">; minCoverage: number; testId?: string }) {
  return (
    <p className="mt-1 max-w-3xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid={testId}>
      <strong>Preliminary figures.</strong> Only {figures.judged} of {figures.applicable} applicable benchmarks ({formatPercent(figures.coverage)}) are judged for this round
      so far, fewer than the {formatPercent(minCoverage)} the editors require before its figures stand for the round. They will change as scoring continues, and
      later rounds are not compared with it.
    </p>
  );
}
