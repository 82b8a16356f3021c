import "server-only";
import { listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { countViewBenchmarks, getDashboardSummary } from "@/db/queries/dashboard-summary";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import type { ScorecardPdfData } from "@/lib/export/pdf/scorecard-types";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import type { Executor } from "../transaction";

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

/**
 * The PDF's data, or how many benchmarks the view holds when that is more than a PDF lists. Its
 * figures and its table are the dashboard's (db/queries/dashboard-summary.ts), over the benchmarks
 * that apply at one of the rounds in view.
 */
export async function getScorecardPdfData(db: Executor, filters: DashboardFilters): Promise<ScorecardPdfData | { tooMany: number }> {
  const count = await countViewBenchmarks(db, filters, { applicableOnly: true });
  if (count > PDF_MAX_BENCHMARKS) return { tooMany: count };
  const dashboard = await getDashboardSummary(db, filters, { heatMapLimit: PDF_MAX_BENCHMARKS, changesLimit: 0, applicableOnly: true });
  const labels = markPreliminary(roundChartLabels(dashboard.rounds), dashboard.series);
  const series = dashboard.series.map((s, i) => ({ ...s, label: labels[i]! }));
  const previous = series.find((s) => s.round.id === dashboard.previous?.round.id) ?? null;
  const tableRounds = series.slice(-PDF_TABLE_ROUNDS).map((s) => ({ id: s.round.id, label: s.label }));
  const firstTableColumn = series.length - tableRounds.length;
  const groups = dashboard.heatMap
    .map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: r.cells.slice(firstTableColumn) })).filter((r) => r.cells.some((c) => c.status !== "n/a")) }))
    .filter((g) => g.rows.length > 0);
  const latest = dashboard.latest;
  const ids = dashboard.heatMap.flatMap((g) => g.rows.map((r) => r.benchmark.id));
  // Only where the benchmark applies at the latest round: a score left outside its scope is history, not its status.
  const applyAtLatest = new Set(dashboard.heatMap.flatMap((g) => g.rows.filter((r) => r.cells.at(-1)?.status !== "n/a").map((r) => r.benchmark.id)));
  const rationaleOf = new Map(
    latest
      ? (await listPublishedScoreDetails(db, { benchmarkIds: ids, roundIds: [latest.round.id] }))
          .filter((d) => applyAtLatest.has(d.benchmarkId))
          .map((d) => [d.benchmarkId, d.rationale] as const)
      : [],
  );
  const sourcesOf = new Map<number, string[]>();
  for (const s of await listBenchmarkSources(db, ids)) sourcesOf.set(s.benchmarkId, [...(sourcesOf.get(s.benchmarkId) ?? []), `${s.statementTitle} (${s.statementDate.slice(0, 4)})`]);
  const peopleOf = new Map<number, string[]>();
  for (const s of await listBenchmarkSubjects(db, ids)) peopleOf.set(s.benchmarkId, [...(peopleOf.get(s.benchmarkId) ?? []), s.nameZh ? `${s.name} ${s.nameZh}` : s.name]);
  return { filters, dataVersion: dashboard.dataVersion, hasDemo: dashboard.hasDemo, series, previous, minCoverage: dashboard.minCoverage, tableRounds, groups, rationaleOf, sourcesOf, peopleOf };
}
