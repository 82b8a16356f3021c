import "server-only";
import { listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { getSubsetMatrix } from "@/db/queries/matrix";
import { getDb } from "@/db/client";
import { getPublicationSettings } from "@/db/queries/publication-settings";
import { listPreliminaryRoundIds } from "@/db/queries/published-aggregates";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { buildDashboard } from "@/lib/dashboard";
import type { ScorecardPdfData } from "@/lib/export/pdf/scorecard-types";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";

export type { ScorecardPdfData } from "@/lib/export/pdf/scorecard-types";

/** At most this many rounds fit as columns on a portrait page; the series chart still shows every round. */
export const PDF_TABLE_ROUNDS = 6;

/**
 * A PDF lists at most this many benchmarks. Rendering grows faster than the list (measured on this
 * 2-core machine under load: ~200 benchmarks 1.3-1.6 s, ~250 2.5-2.8 s, ~500 6-13 s), so 250 keeps
 * every PDF within a few seconds. A round at scale lists ~100,000, which would take minutes and
 * thousands of pages: for more than 250 the route refuses at once and points to the filters and the CSV.
 */
export const PDF_MAX_BENCHMARKS = 250;


/** The PDF's data, or how many benchmarks the view holds when that is more than a PDF lists. */
export async function getScorecardPdfData(filters: DashboardFilters): Promise<ScorecardPdfData | { tooMany: number }> {
  const data = getSubsetMatrix(filters, { limit: PDF_MAX_BENCHMARKS, applicableOnly: true });
  if (data.benchmarkCount > PDF_MAX_BENCHMARKS) return { tooMany: data.benchmarkCount };
  // After the size check, so that a refusal never waits for the aggregates to be rebuilt.
  const dashboard = buildDashboard({ ...data, preliminaryRoundIds: listPreliminaryRoundIds(getDb()) });
  const labels = markPreliminary(roundChartLabels(dashboard.rounds), dashboard.series);
  const series = dashboard.series.map((s, i) => ({ ...s, label: labels[i]! }));
  const previous = series.find((s) => s.round.id === dashboard.previous?.round.id) ?? null;
  const tableRounds = series.slice(-PDF_TABLE_ROUNDS).map((s) => ({ id: s.round.id, label: s.label }));
  const firstTableColumn = series.length - tableRounds.length;
  const groups = dashboard.heatMap
    .map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: r.cells.slice(firstTableColumn) })).filter((r) => r.cells.some((c) => c.status !== "n/a")) }))
    .filter((g) => g.rows.length > 0);
  const latest = dashboard.latest;
  const ids = data.benchmarks.map((b) => b.id);
  // Only where the benchmark applies at the latest round: a score left outside its scope is history, not its status.
  const applyAtLatest = new Set(dashboard.heatMap.flatMap((g) => g.rows.filter((r) => r.cells.at(-1)?.status !== "n/a").map((r) => r.benchmark.id)));
  const rationaleOf = new Map(
    latest
      ? (await listPublishedScoreDetails(getDb(), { benchmarkIds: ids, roundIds: [latest.round.id] }))
          .filter((d) => applyAtLatest.has(d.benchmarkId))
          .map((d) => [d.benchmarkId, d.rationale] as const)
      : [],
  );
  const sourcesOf = new Map<number, string[]>();
  for (const s of await listBenchmarkSources(getDb(), ids)) sourcesOf.set(s.benchmarkId, [...(sourcesOf.get(s.benchmarkId) ?? []), `${s.statementTitle} (${s.statementDate.slice(0, 4)})`]);
  const peopleOf = new Map<number, string[]>();
  for (const s of await listBenchmarkSubjects(getDb(), ids)) peopleOf.set(s.benchmarkId, [...(peopleOf.get(s.benchmarkId) ?? []), s.nameZh ? `${s.name} ${s.nameZh}` : s.name]);
  const minCoverage = getPublicationSettings().minCoveragePercent / 100;
  return { filters, dataVersion: data.dataVersion, hasDemo: data.hasDemo, series, previous, minCoverage, tableRounds, groups, rationaleOf, sourcesOf, peopleOf };
}
