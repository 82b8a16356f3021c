import "server-only";
import { listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { countViewBenchmarks, getDashboardSummary, type DashboardSummary } from "@/db/queries/dashboard-summary";
import { getFilterNames } from "@/db/queries/filter-options";
import { latestRelease } from "@/db/queries/releases";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { firstSentence } from "@/lib/export/describe";
import type { PdfBenchmarkDetail, PdfChanges, PdfRoundFigures, ScorecardPdfData } from "@/lib/export/pdf/scorecard-types";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import type { ContentLang } from "@/lib/domain";
import { localized } from "@/lib/localized";
import { withheldMarkersIn } from "@/lib/redaction";
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
 * (Measured before evidence, sources and the changes were added: each benchmark's block is kept to a few short lines.)
 */
export const PDF_MAX_BENCHMARKS = 250;

/**
 * The PDF's data, or how many benchmarks the view holds when that is more than a PDF lists. Its
 * figures, its table and its changes are the dashboard's (db/queries/dashboard-summary.ts), over the
 * benchmarks that apply at one of the rounds in view; every text is the public's, names withheld.
 * Asked for in Chinese, every name and title is the Chinese one where an editor wrote it, the English
 * otherwise (rationales and evidence titles stay as they were written).
 */
export async function getScorecardPdfData(db: Executor, filters: DashboardFilters, siteUrl: string, lang: ContentLang = "en"): Promise<ScorecardPdfData | { tooMany: number }> {
  const count = await countViewBenchmarks(db, filters, { applicableOnly: true });
  if (count > PDF_MAX_BENCHMARKS) return { tooMany: count };
  const [dashboard, filterNames, release] = await Promise.all([
    getDashboardSummary(db, filters, { heatMapLimit: PDF_MAX_BENCHMARKS, changesLimit: PDF_MAX_BENCHMARKS, applicableOnly: true, lang }),
    getFilterNames(db, filters),
    latestRelease(db),
  ]);
  const text = inLang(lang);
  const series = labelled(dashboard, lang);
  const comparison = dashboard.previous ? dashboard : await comparisonBeforeView(db, filters, dashboard, lang);
  const previous = comparison?.previous ? (labelled(comparison, lang).find((s) => s.round.id === comparison.previous!.round.id) ?? null) : null;

  const tableRounds = series.slice(-PDF_TABLE_ROUNDS).map((s) => ({ id: s.round.id, label: s.label }));
  const firstTableColumn = series.length - tableRounds.length;
  const groups = dashboard.heatMap
    .map((g) => ({
      ...g,
      categoryName: text(g.categoryName, g.categoryNameZh),
      rows: g.rows
        .map((r) => ({ ...r, benchmark: { ...r.benchmark, title: text(r.benchmark.title, r.benchmark.titleZh) }, cells: r.cells.slice(firstTableColumn) }))
        .filter((r) => r.cells.some((c) => c.status !== "n/a")),
    }))
    .filter((g) => g.rows.length > 0);
  const details = await listDetails(db, dashboard, lang);
  return {
    filters,
    filterNames,
    dataVersion: dashboard.dataVersion,
    release: release ? { ...release, url: `${siteUrl}/releases/${release.number}` } : null,
    hasDemo: dashboard.hasDemo,
    series,
    previous,
    minCoverage: dashboard.minCoverage,
    tableRounds,
    groups,
    details,
    changes: comparison ? changesOf(comparison, details, lang) : null,
  };
}

/** A content field as a reader of `lang` reads it: the Chinese where written, withheld names marked in that language. */
function inLang(lang: ContentLang) {
  return (english: string, chinese: string | null | undefined) => withheldMarkersIn(lang, localized(lang, english, chinese).text);
}

/** Each round's figures with its chart label, its name and its track's name in the language asked for. */
function labelled(dashboard: Pick<DashboardSummary, "rounds" | "series">, lang: ContentLang): PdfRoundFigures[] {
  const labels = markPreliminary(roundChartLabels(dashboard.rounds, lang), dashboard.series, lang);
  const text = inLang(lang);
  return dashboard.series.map((s, i) => ({ ...s, round: { ...s.round, name: text(s.round.name, s.round.nameZh), trackName: text(s.round.trackName, s.round.trackNameZh) }, label: labels[i]! }));
}

/**
 * A view of one round has nothing in it to compare with: a briefing still wants what changed since
 * the round before. That is the last published round before it that is not preliminary (of the
 * view's track, if it names one), the same pair the stored changes hold; its figures and changes
 * come from the same view widened back to that round.
 */
async function comparisonBeforeView(db: Executor, filters: DashboardFilters, dashboard: DashboardSummary, lang: ContentLang): Promise<DashboardSummary | null> {
  const latest = dashboard.latest;
  if (!latest) return null;
  const earlier = await getDashboardSummary(db, { track: filters.track, to: latest.round.slug }, { figuresOnly: true });
  if (!earlier.previous) return null;
  const widened = await getDashboardSummary(db, { ...filters, from: earlier.previous.round.slug, to: latest.round.slug }, { heatMapLimit: 0, changesLimit: PDF_MAX_BENCHMARKS, applicableOnly: true, lang });
  return widened.previous?.round.id === earlier.previous.round.id && widened.latest?.round.id === latest.round.id ? widened : null;
}

/** Each benchmark's rationale, evidence and public-record note at the latest round, its sources and its people. */
async function listDetails(db: Executor, dashboard: DashboardSummary, lang: ContentLang): Promise<Map<number, PdfBenchmarkDetail>> {
  const ids = dashboard.heatMap.flatMap((g) => g.rows.map((r) => r.benchmark.id));
  // Only where the benchmark applies at the latest round: a score left outside its scope is history, not its status.
  const applyAtLatest = new Set(dashboard.heatMap.flatMap((g) => g.rows.filter((r) => r.cells.at(-1)?.status !== "n/a").map((r) => r.benchmark.id)));
  const latest = dashboard.latest;
  const [scores, sources, subjects] = await Promise.all([
    latest ? listPublishedScoreDetails(db, { benchmarkIds: ids, roundIds: [latest.round.id] }) : [],
    listBenchmarkSources(db, ids),
    listBenchmarkSubjects(db, ids),
  ]);
  const details = new Map<number, PdfBenchmarkDetail>(ids.map((id) => [id, { rationale: null, publicRecord: null, evidence: [], sources: [], people: [] }]));
  for (const s of scores) {
    const detail = details.get(s.benchmarkId);
    if (!detail || !applyAtLatest.has(s.benchmarkId)) continue;
    Object.assign(detail, {
      rationale: s.rationale ? withheldMarkersIn(lang, s.rationale) : null,
      publicRecord: s.publicRecord,
      evidence: s.evidence.map((e) => ({ ...e, title: withheldMarkersIn(lang, e.title) })),
    });
  }
  const text = inLang(lang);
  for (const s of sources) details.get(s.benchmarkId)?.sources.push({ title: text(s.statementTitle, s.statementTitleZh), date: s.statementDate, datePrecision: s.statementDatePrecision });
  for (const s of subjects) details.get(s.benchmarkId)?.people.push({ name: s.name, nameZh: s.nameZh, kind: s.kind });
  return details;
}

function changesOf(comparison: DashboardSummary, details: ReadonlyMap<number, PdfBenchmarkDetail>, lang: ContentLang): PdfChanges | null {
  const { previous, latest } = comparison;
  if (!previous || !latest) return null;
  const text = inLang(lang);
  const nameOf = new Map(comparison.rounds.map((r) => [r.id, text(r.name, r.nameZh)]));
  const order = { up: 0, down: 1 };
  return {
    fromRound: { id: previous.round.id, name: text(previous.round.name, previous.round.nameZh) },
    toRound: { id: latest.round.id, name: text(latest.round.name, latest.round.nameZh) },
    counts: comparison.changeCounts,
    items: [...comparison.changes]
      .sort((a, b) => order[a.direction] - order[b.direction])
      .map((c) => ({
        benchmarkId: c.benchmark.id,
        title: text(c.benchmark.title, c.benchmark.titleZh),
        direction: c.direction,
        from: c.from,
        to: c.to,
        sinceRoundName: c.fromRoundId === previous.round.id ? null : (nameOf.get(c.fromRoundId) ?? null),
        rationale: firstSentence(details.get(c.benchmark.id)?.rationale ?? null),
      })),
  };
}
