// Everything the dashboard shows, computed from one matrix: the benchmarks in view, the rounds in
// view and the published scores between them. Pure, so each figure is tested by hand. The app reads
// its figures from the SQL engine (db/queries/published-aggregates.ts, dashboard-summary.ts);
// buildDashboard is the reference that db/queries/dashboard-summary.test.ts checks it against.
// The types, the limits and comparisonBase are shared by both.
import { ADDRESSEES, type Addressee, type DatePrecision, type Status } from "./domain";
import { isApplicable, previousApplicableRound, summariseTally, emptyTally, type RoundSummary } from "./scoring";

/**
 * How much of a long list one page shows. A heat map of thousands of rows helps nobody and makes the
 * page slow to send: the dashboard pages its heat map and its named changes (`heatMapPage`,
 * `changesPage` rows a page, further pages by link), the pages of a statement, person or law show
 * their first `heatMapRows`; readers narrow the view with the filters or use the round scorecards and
 * exports, which list everything. Every change is counted. The dashboard's page sizes keep it within
 * its weight budget at any data size (app/dashboard-weight.test.ts).
 */
export const DASHBOARD_LIMITS = { heatMapRows: 100, changesPerDirection: 100, heatMapPage: 20, changesPage: 20 } as const;

export interface MatrixRound {
  id: number;
  slug: string;
  name: string;
  nameZh?: string | null;
  startDate: string;
  trackId: number;
}

/** A published round as the dashboard and its exports show it. */
export interface DashboardRound {
  id: number;
  slug: string;
  name: string;
  /** The Chinese names where an editor wrote them (lib/localized.ts falls back to the English). */
  nameZh?: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  publishedAt: string;
  trackId: number;
  trackSlug: string;
  trackName: string;
  trackNameZh?: string | null;
  trackShortName: string;
  trackShortNameZh?: string | null;
}

export interface MatrixBenchmark {
  id: number;
  slug: string;
  title: string;
  /** The Chinese title and category name where an editor wrote them, with the same names withheld. */
  titleZh?: string | null;
  categorySlug: string;
  categoryName: string;
  categoryNameZh?: string | null;
  categoryPosition: number;
  addressee: Addressee;
  appliesFromDate: string;
  retiredOn: string | null;
  /** The tracks at whose rounds it is assessed; none: every track. */
  scopeTrackIds: readonly number[];
}

export interface MatrixScore {
  benchmarkId: number;
  roundId: number;
  status: Status;
}

export interface RoundFigures<R extends MatrixRound = MatrixRound> extends RoundSummary {
  round: R;
  /** The round as a whole is judged below the editors' coverage threshold (lib/scoring isPreliminary). */
  preliminary: boolean;
}

export interface GroupFigures extends RoundSummary {
  key: string;
  label: string;
  /** A category's Chinese name (null: none written); addressee groups have none, their labels are translated. */
  labelZh?: string | null;
}

export interface HeatMapCell {
  roundId: number;
  /** null: published but no score yet; "n/a": the benchmark does not apply at this round (before it, after retirement, or outside its scope). */
  status: Status | null | "n/a";
}

export interface HeatMapGroup {
  categorySlug: string;
  categoryName: string;
  categoryNameZh: string | null;
  rows: Array<{ benchmark: MatrixBenchmark; cells: HeatMapCell[] }>;
}

export interface StatusChange {
  benchmark: MatrixBenchmark;
  /** The round `from` was published at: the benchmark's previous applicable round in view. */
  fromRoundId: number;
  from: Status;
  to: Status;
  direction: "up" | "down";
}

// Order of the scale for "did it move up or down". Regressed weighs what not met weighs, but a move
// to regressed is by definition a move down; from regressed to not met nothing improved. Unknown has
// no place on the scale.
const RANK: Record<Status, number | null> = { regressed: 0, not_met: 0, partial: 1, met: 2, unknown: null };

/**
 * Text order by code point, the order SQLite's ORDER BY gives: lists computed in JavaScript and
 * read from the database must come out the same.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function statusDirection(from: Status, to: Status): "up" | "down" | null {
  if (to === "regressed" && from !== "regressed") return "down";
  const a = RANK[from];
  const b = RANK[to];
  if (a === null || b === null || a === b) return null;
  return b > a ? "up" : "down";
}

function scoreLookup(scores: readonly MatrixScore[]): (benchmarkId: number, roundId: number) => Status | undefined {
  const map = new Map<string, Status>();
  for (const s of scores) map.set(`${s.benchmarkId}:${s.roundId}`, s.status);
  return (b, r) => map.get(`${b}:${r}`);
}

function figuresFor(benchmarks: readonly MatrixBenchmark[], round: MatrixRound, statusOf: ReturnType<typeof scoreLookup>): RoundSummary {
  const tally = emptyTally();
  let applicable = 0;
  for (const b of benchmarks) {
    if (!isApplicable(b, round)) continue;
    applicable += 1;
    const status = statusOf(b.id, round.id);
    if (status) tally[status] += 1;
  }
  return summariseTally(tally, applicable);
}

/**
 * The round a round's change is measured against: the last one before it (in the order given) that
 * is not preliminary. A preliminary round is shown, marked, but a change measured from its few
 * scores would mislead, so later rounds skip it. Null when there is none.
 */
export function comparisonBase<T extends { preliminary: boolean }>(series: readonly T[], at = series.length - 1): T | null {
  for (let i = at - 1; i >= 0; i--) if (!series[i]!.preliminary) return series[i]!;
  return null;
}

export function buildDashboard<R extends MatrixRound>(input: {
  rounds: readonly R[];
  benchmarks: readonly MatrixBenchmark[];
  scores: readonly MatrixScore[];
  /** Rounds whose figures are preliminary (db/queries/published-aggregates listPreliminaryRoundIds). */
  preliminaryRoundIds?: ReadonlySet<number>;
  /** At most this many benchmark rows in the heat map; the figures still count every benchmark. */
  heatMapLimit?: number;
}) {
  const rounds = [...input.rounds].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  const statusOf = scoreLookup(input.scores);
  const series: RoundFigures<R>[] = rounds.map((round) => ({
    round,
    ...figuresFor(input.benchmarks, round, statusOf),
    preliminary: input.preliminaryRoundIds?.has(round.id) ?? false,
  }));
  const latest = series.at(-1) ?? null;
  const previous = comparisonBase(series);

  const groupFigures = (keyOf: (b: MatrixBenchmark) => string, labelOf: (key: string) => string, order: string[], labelZhOf?: (key: string) => string | null): GroupFigures[] => {
    if (!latest) return [];
    return order
      .map((key) => ({ key, members: input.benchmarks.filter((b) => keyOf(b) === key) }))
      .filter((g) => g.members.some((b) => isApplicable(b, latest.round)))
      .map((g) => ({ key: g.key, label: labelOf(g.key), ...(labelZhOf && { labelZh: labelZhOf(g.key) }), ...figuresFor(g.members, latest.round, statusOf) }));
  };

  const categories = [...new Map(input.benchmarks.map((b) => [b.categorySlug, b])).values()].sort(
    (a, b) => a.categoryPosition - b.categoryPosition || a.categoryName.localeCompare(b.categoryName),
  );
  const categoryName = new Map(categories.map((b) => [b.categorySlug, b.categoryName]));
  const categoryNameZh = new Map(categories.map((b) => [b.categorySlug, b.categoryNameZh ?? null]));
  const byCategory = groupFigures((b) => b.categorySlug, (k) => categoryName.get(k) ?? k, categories.map((b) => b.categorySlug), (k) => categoryNameZh.get(k) ?? null);
  const byAddressee = groupFigures((b) => b.addressee, (k) => k, [...ADDRESSEES]);

  let heatMapRoom = input.heatMapLimit ?? Number.POSITIVE_INFINITY;
  const heatMap: HeatMapGroup[] = categories.map((c) => ({
    categorySlug: c.categorySlug,
    categoryName: c.categoryName,
    categoryNameZh: c.categoryNameZh ?? null,
    rows: input.benchmarks
      .filter((b) => b.categorySlug === c.categorySlug)
      .sort((a, b) => compareText(a.appliesFromDate, b.appliesFromDate) || compareText(a.title, b.title) || a.id - b.id)
      .filter(() => heatMapRoom-- > 0)
      .map((benchmark) => ({
        benchmark,
        cells: rounds.map((round) => ({
          roundId: round.id,
          status: isApplicable(benchmark, round) ? (statusOf(benchmark.id, round.id) ?? null) : ("n/a" as const),
        })),
      })),
  })).filter((group) => group.rows.length > 0);
  const heatMapShown = heatMap.reduce((n, g) => n + g.rows.length, 0);

  // Each benchmark against its own previous applicable round in view: a dialogue-only demand at a
  // dialogue round is compared with the dialogue round before, not with a Council session between.
  // A preliminary round is never the one compared with (comparisonBase).
  const changes: StatusChange[] = [];
  if (latest && previous) {
    const comparable = rounds.filter((r) => r.id === latest.round.id || !input.preliminaryRoundIds?.has(r.id));
    for (const benchmark of input.benchmarks) {
      const fromRound = previousApplicableRound(benchmark, comparable, latest.round);
      const from = fromRound && statusOf(benchmark.id, fromRound.id);
      const to = statusOf(benchmark.id, latest.round.id);
      if (!fromRound || !from || !to) continue;
      const direction = statusDirection(from, to);
      if (direction) changes.push({ benchmark, fromRoundId: fromRound.id, from, to, direction });
    }
    changes.sort((a, b) => (a.direction === b.direction ? compareText(a.benchmark.title, b.benchmark.title) : a.direction === "up" ? -1 : 1));
  }

  return { rounds, series, latest, previous, byCategory, byAddressee, heatMap, heatMapShown, heatMapTotal: input.benchmarks.length, changes };
}

export type Dashboard<R extends MatrixRound = MatrixRound> = ReturnType<typeof buildDashboard<R>>;

/** The status of each benchmark at the latest round where it applies and was scored: its current status. */
export function latestStatuses(input: {
  rounds: readonly MatrixRound[];
  benchmarks: readonly MatrixBenchmark[];
  scores: readonly MatrixScore[];
}): Map<number, { status: Status; round: MatrixRound }> {
  const rounds = [...input.rounds].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  const statusOf = scoreLookup(input.scores);
  const result = new Map<number, { status: Status; round: MatrixRound }>();
  for (const b of input.benchmarks) {
    for (const round of rounds) {
      const status = isApplicable(b, round) ? statusOf(b.id, round.id) : undefined;
      if (status) result.set(b.id, { status, round });
    }
  }
  return result;
}
