import "server-only";
// The dashboard at any size: the same figures lib/dashboard.ts computes from a whole matrix, but
// summed from public_tallies (or counted in SQL for narrow views), with the heat map and the list
// of changes read a page at a time. db/queries/dashboard-summary.test.ts checks that both agree.
import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import { compareText, comparisonBase, statusDirection, type Dashboard, type GroupFigures, type HeatMapGroup, type MatrixBenchmark, type StatusChange } from "@/lib/dashboard";
import { ADDRESSEES, type Addressee, type Status } from "@/lib/domain";
import { emptyTally, isApplicable, previousApplicableRound, summariseTally, type StatusTally } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import { benchmarks, categories, publicBenchmarks, publicChanges, publicTallies, publishedScores } from "../schema";
import { listRoundsInView, type DashboardRound } from "./dashboard";
import { benchmarkConditions, resolveFiltersSync as resolveFilters, type ResolvedFilters } from "./filters";
import { countPublishedFigures, listPreliminaryRoundIds, readMinCoverage, type TallyRow } from "./published-aggregates";
import { listScopeTrackIds, withScopes } from "./benchmark-scope";
import { getPublicRedactorSync as getPublicRedactor, type PublicRedactor } from "./public-text";
import { appliesFromDate, inBatches } from "./shared";

export interface DashboardSummary extends Dashboard<DashboardRound> {
  unmatched: string[];
  /** The latest publication time among the rounds in view. */
  dataVersion: string | null;
  hasDemo: boolean;
  /** How many benchmarks moved up and down; `changes` lists at most `changesLimit` of them. */
  changeCounts: { up: number; down: number };
  /** The editors' coverage threshold (a fraction): below it a round's figures are preliminary. */
  minCoverage: number;
}

const matrixColumns = {
  id: benchmarks.id,
  slug: benchmarks.slug,
  title: benchmarks.title,
  categorySlug: categories.slug,
  categoryName: categories.name,
  categoryPosition: categories.position,
  addressee: benchmarks.addressee,
  appliesFromDate,
  retiredOn: benchmarks.retiredOn,
};

function tallyOf(rows: readonly TallyRow[]): { tally: StatusTally; applicable: number; demo: number } {
  const tally = emptyTally();
  let applicable = 0;
  let demo = 0;
  for (const r of rows) {
    applicable += r.applicable;
    demo += r.demo;
    tally.met += r.met;
    tally.partial += r.partial;
    tally.not_met += r.notMet;
    tally.regressed += r.regressed;
    tally.unknown += r.unknown;
  }
  return { tally, applicable, demo };
}

/**
 * Statement and subject filters pick a few benchmarks: those views are counted live. Every other view
 * (everything, a track, a range of rounds, a category, an addressee) reads the stored aggregates.
 */
function isNarrow(resolved: ResolvedFilters): boolean {
  return resolved.statementId !== undefined || resolved.subjectId !== undefined;
}

/** The category and addressee filters, on any aggregate table that has those columns. */
function wideConditions(resolved: ResolvedFilters, table: { categoryId: typeof publicTallies.categoryId | typeof publicBenchmarks.categoryId | typeof publicChanges.categoryId; addressee: typeof publicTallies.addressee | typeof publicBenchmarks.addressee | typeof publicChanges.addressee }) {
  const { addressee } = resolved.filters;
  return and(
    resolved.categoryId !== undefined ? eq(table.categoryId, resolved.categoryId) : undefined,
    addressee && ADDRESSEES.includes(addressee) ? eq(table.addressee, addressee) : undefined,
    resolved.matchesNothing ? sql`0` : undefined,
  );
}

function readTallies(db: Db, resolved: ResolvedFilters, roundsInView: readonly DashboardRound[]): TallyRow[] {
  if (roundsInView.length === 0) return [];
  if (isNarrow(resolved)) {
    const filter = benchmarkConditions(db, resolved);
    return roundsInView.flatMap((round) => countPublishedFigures(db, round, filter));
  }
  return db
    .select()
    .from(publicTallies)
    .where(
      and(
        inArray(
          publicTallies.roundId,
          roundsInView.map((r) => r.id),
        ),
        wideConditions(resolved, publicTallies),
      ),
    )
    .all();
}

export interface SummaryOptions {
  /** At most this many benchmark rows in the heat map (all by default). */
  heatMapLimit?: number;
  /** At most this many changes listed per direction (all by default); all are counted. */
  changesLimit?: number;
  /** Only the figures per round and group: no heat map, no changes (for charts and the API summary). */
  figuresOnly?: boolean;
}

export function getDashboardSummary(filters: DashboardFilters, options: SummaryOptions = {}, db: Db = getDb()): DashboardSummary {
  const resolved = resolveFilters(db, filters);
  // Narrow views count their figures live, but whether a round is preliminary comes from its stored tallies.
  const preliminary = listPreliminaryRoundIds(db);
  const roundsInView = listRoundsInView(db, resolved);
  const tallies = readTallies(db, resolved, roundsInView);
  const inView = benchmarkConditions(db, resolved);

  const series = roundsInView.map((round) => {
    const { tally, applicable } = tallyOf(tallies.filter((t) => t.roundId === round.id));
    return { round, ...summariseTally(tally, applicable), preliminary: preliminary.has(round.id) };
  });
  const latest = series.at(-1) ?? null;
  const previous = comparisonBase(series);

  const narrow = isNarrow(resolved);
  const categoriesInView = db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, position: categories.position })
    .from(categories)
    .where(
      narrow
        ? exists(db.select({ one: sql`1` }).from(benchmarks).where(and(eq(benchmarks.categoryId, categories.id), inView)))
        : exists(db.select({ one: sql`1` }).from(publicBenchmarks).where(and(eq(publicBenchmarks.categoryId, categories.id), wideConditions(resolved, publicBenchmarks)))),
    )
    .orderBy(asc(categories.position), asc(categories.name))
    .all();

  const groupsAtLatest = (keyOf: (t: TallyRow) => string | number, groups: Array<{ key: string; match: string | number; label: string }>): GroupFigures[] => {
    if (!latest) return [];
    const atLatest = tallies.filter((t) => t.roundId === latest.round.id);
    return groups
      .map((g) => ({ g, counted: tallyOf(atLatest.filter((t) => keyOf(t) === g.match)) }))
      .filter(({ counted }) => counted.applicable > 0)
      .map(({ g, counted }) => ({ key: g.key, label: g.label, ...summariseTally(counted.tally, counted.applicable) }));
  };
  const byCategory = groupsAtLatest(
    (t) => t.categoryId,
    categoriesInView.map((c) => ({ key: c.slug, match: c.id, label: c.name })),
  );
  const byAddressee = groupsAtLatest(
    (t) => t.addressee,
    ADDRESSEES.map((a) => ({ key: a, match: a, label: a })),
  );

  const heatMapTotal = options.figuresOnly
    ? 0
    : narrow
      ? (db.select({ n: sql<number>`count(*)` }).from(benchmarks).where(inView).get()?.n ?? 0)
      : (db.select({ n: sql<number>`count(*)` }).from(publicBenchmarks).where(wideConditions(resolved, publicBenchmarks)).get()?.n ?? 0);
  const redactor = getPublicRedactor(db);
  const heatMapRows = (categoryId: number, limit: number) =>
    withScopes(
      narrow
      ? db
          .select(matrixColumns)
          .from(benchmarks)
          .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
          .where(and(eq(benchmarks.categoryId, categoryId), inView))
          .orderBy(sql`applies_from_date`, asc(benchmarks.title), asc(benchmarks.id))
          .limit(limit)
          .all()
      : db
          .select(matrixColumns)
          .from(publicBenchmarks)
          .innerJoin(benchmarks, eq(benchmarks.id, publicBenchmarks.benchmarkId))
          .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
          .where(and(eq(publicBenchmarks.categoryId, categoryId), wideConditions(resolved, publicBenchmarks)))
          .orderBy(asc(publicBenchmarks.appliesFromDate), asc(publicBenchmarks.title), asc(publicBenchmarks.benchmarkId))
          .limit(limit)
          .all(),
      db,
    ).map((b) => redactor.fields(b, ["title"]));
  const { heatMap, heatMapShown } = readHeatMap(db, heatMapRows, categoriesInView, roundsInView, options.figuresOnly ? 0 : (options.heatMapLimit ?? Number.POSITIVE_INFINITY));
  const pair = latest && previous && !options.figuresOnly ? { previousRoundId: previous.round.id, latestRoundId: latest.round.id } : null;
  const { changes, changeCounts } = !pair
    ? { changes: [], changeCounts: { up: 0, down: 0 } }
    : narrow
      ? readChanges(db, redactor, inView, roundsInView.filter((r) => r.id === pair.latestRoundId || !preliminary.has(r.id)), options.changesLimit)
      : readStoredChanges(db, redactor, resolved, roundsInView, pair.previousRoundId, pair.latestRoundId, options.changesLimit);

  return {
    rounds: roundsInView,
    series,
    latest,
    previous,
    byCategory,
    byAddressee,
    heatMap,
    heatMapShown,
    heatMapTotal,
    changes,
    changeCounts,
    unmatched: resolved.unmatched,
    dataVersion: roundsInView.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: tallyOf(tallies).demo > 0,
    minCoverage: readMinCoverage(db),
  };
}

/** The first `limit` benchmarks in view, category by category, with their status at every round in view. */
function readHeatMap(
  db: Db,
  rowsOf: (categoryId: number, limit: number) => MatrixBenchmark[],
  categoriesInView: ReadonlyArray<{ id: number }>,
  roundsInView: readonly DashboardRound[],
  limit: number,
): { heatMap: HeatMapGroup[]; heatMapShown: number } {
  let room = limit;
  const chosen: MatrixBenchmark[][] = [];
  for (const category of categoriesInView) {
    if (room <= 0) break;
    const rows = rowsOf(category.id, Number.isFinite(room) ? room : -1);
    room -= rows.length;
    chosen.push(rows);
  }
  const ids = chosen.flat().map((b) => b.id);
  const statusOf = new Map<string, Status>();
  if (ids.length > 0 && roundsInView.length > 0) {
    const scores = db
      .select({ benchmarkId: publishedScores.benchmarkId, roundId: publishedScores.roundId, status: publishedScores.status })
      .from(publishedScores)
      .where(
        and(
          inArray(publishedScores.benchmarkId, ids),
          inArray(
            publishedScores.roundId,
            roundsInView.map((r) => r.id),
          ),
        ),
      )
      .all();
    for (const s of scores) statusOf.set(`${s.benchmarkId}:${s.roundId}`, s.status);
  }
  const heatMap = chosen
    .filter((rows) => rows.length > 0)
    .map((rows) => ({
      categorySlug: rows[0]!.categorySlug,
      categoryName: rows[0]!.categoryName,
      rows: rows.map((benchmark) => ({
        benchmark,
        cells: roundsInView.map((round) => ({
          roundId: round.id,
          status: isApplicable(benchmark, round) ? (statusOf.get(`${benchmark.id}:${round.id}`) ?? null) : ("n/a" as const),
        })),
      })),
    }));
  return { heatMap, heatMapShown: ids.length };
}

function sortChanges(all: StatusChange[], limit: number): StatusChange[] {
  all.sort((a, b) => (a.direction === b.direction ? compareText(a.benchmark.title, b.benchmark.title) : a.direction === "up" ? -1 : 1));
  return [...all.filter((c) => c.direction === "up").slice(0, limit), ...all.filter((c) => c.direction === "down").slice(0, limit)];
}

/**
 * Benchmarks in view whose status moved between their previous applicable round in view and the
 * latest round (lib/dashboard.ts): all counted, the first `limit` of each direction listed. For
 * narrow views, so the few benchmarks scored at the latest round are paired in JavaScript.
 */
function readChanges(
  db: Db,
  redactor: PublicRedactor,
  inView: ReturnType<typeof benchmarkConditions>,
  roundsInView: readonly DashboardRound[],
  limit = Number.POSITIVE_INFINITY,
): { changes: StatusChange[]; changeCounts: { up: number; down: number } } {
  const latest = roundsInView.at(-1)!;
  const scoredAtLatest = withScopes(
    db
      .select({ ...matrixColumns, to: publishedScores.status })
      .from(publishedScores)
      .innerJoin(benchmarks, eq(benchmarks.id, publishedScores.benchmarkId))
      .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
      .where(and(eq(publishedScores.roundId, latest.id), inView))
      .all(),
    db,
  );
  const compared = scoredAtLatest.flatMap(({ to, ...benchmark }) => {
    const fromRound = previousApplicableRound(benchmark, roundsInView, latest);
    return fromRound ? [{ benchmark: { ...benchmark, addressee: benchmark.addressee as Addressee }, to, fromRoundId: fromRound.id }] : [];
  });
  const earlier = new Map<string, Status>();
  for (const roundId of new Set(compared.map((c) => c.fromRoundId))) {
    const ids = compared.filter((c) => c.fromRoundId === roundId).map((c) => c.benchmark.id);
    for (const row of inBatches(ids, (batch) =>
      db
        .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status })
        .from(publishedScores)
        .where(and(eq(publishedScores.roundId, roundId), inArray(publishedScores.benchmarkId, batch)))
        .all(),
    )) {
      earlier.set(`${row.benchmarkId}:${roundId}`, row.status);
    }
  }
  const changeCounts = { up: 0, down: 0 };
  const all: StatusChange[] = [];
  for (const { benchmark, to, fromRoundId } of compared) {
    const from = earlier.get(`${benchmark.id}:${fromRoundId}`);
    const direction = from && statusDirection(from, to);
    if (!from || !direction) continue;
    changeCounts[direction] += 1;
    // Withheld before sorting: the order must not tell where a withheld name falls in the alphabet.
    all.push({ benchmark: redactor.fields(benchmark, ["title"]), fromRoundId, from, to, direction });
  }
  return { changes: sortChanges(all, limit), changeCounts };
}

/** The stored changes between two rounds, for wide views: counted per direction, the first `limit` of each listed. */
function readStoredChanges(
  db: Db,
  redactor: PublicRedactor,
  resolved: ResolvedFilters,
  roundsInView: readonly DashboardRound[],
  previousRoundId: number,
  latestRoundId: number,
  limit = Number.POSITIVE_INFINITY,
): { changes: StatusChange[]; changeCounts: { up: number; down: number } } {
  // A benchmark compared with a round before the view's first (its scope skipped the rounds between) is not a change in view.
  const where = (direction?: "up" | "down") =>
    and(
      eq(publicChanges.roundId, latestRoundId),
      eq(publicChanges.previousRoundId, previousRoundId),
      direction ? eq(publicChanges.direction, direction) : undefined,
      inArray(
        publicChanges.fromRoundId,
        roundsInView.map((r) => r.id),
      ),
      wideConditions(resolved, publicChanges),
    );
  const changeCounts = { up: 0, down: 0 };
  for (const row of db.select({ direction: publicChanges.direction, n: sql<number>`count(*)` }).from(publicChanges).where(where()).groupBy(publicChanges.direction).all()) {
    changeCounts[row.direction] = row.n;
  }
  const rows = (["up", "down"] as const).flatMap((direction) =>
    db
      .select({ ...matrixColumns, fromRoundId: publicChanges.fromRoundId, from: publicChanges.fromStatus, to: publicChanges.toStatus })
      .from(publicChanges)
      .innerJoin(benchmarks, eq(benchmarks.id, publicChanges.benchmarkId))
      .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
      .where(where(direction))
      .orderBy(asc(publicChanges.title), asc(publicChanges.benchmarkId))
      .limit(Number.isFinite(limit) ? limit : -1)
      .all()
      .map((row) => ({ ...redactor.fields(row, ["title"]), direction })),
  );
  const scopes = listScopeTrackIds(
    rows.map((r) => r.id),
    db,
  );
  const changes = rows.map(({ from, to, fromRoundId, direction, ...benchmark }) => ({
    benchmark: { ...benchmark, addressee: benchmark.addressee as Addressee, scopeTrackIds: scopes.get(benchmark.id) ?? [] },
    // Never null: every stored change names the round it is from (schema.ts publicChanges).
    fromRoundId: fromRoundId!,
    from,
    to,
    direction,
  }));
  return { changes, changeCounts };
}
