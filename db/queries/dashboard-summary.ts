import "server-only";
// The dashboard at any size, and every view narrowed from it (a statement, a person or law, a PDF's
// filters): the same figures lib/dashboard.ts computes from a whole matrix, summed from public_tallies
// (counted by the same SQL for narrow views), with the heat map and the list of changes read a page
// at a time from the aggregates. db/queries/dashboard-summary.test.ts checks that both agree.
import { and, asc, eq, exists, getTableColumns, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { comparisonBase, type Dashboard, type GroupFigures, type HeatMapGroup, type MatrixBenchmark, type StatusChange } from "@/lib/dashboard";
import { ADDRESSEES, type Addressee, type ContentLang, type Status } from "@/lib/domain";
import { emptyTally, isApplicable, isPreliminary, summariseTally, type StatusTally } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { NEVER, NO_LIMIT, allRows, allValueRows, firstRow } from "../dialect";
import { benchmarks, benchmarkSubjects, benchmarkTracks, categories, publicBenchmarks, publicChanges, publicTallies, publishedScores, releaseTallies } from "../schema";
import type { Executor } from "../transaction";
import { listRoundsInView, type DashboardRound } from "./dashboard";
import { resolveFilters, statementCondition, type ResolvedFilters } from "./filters";
import { changesBetween, countPublishedFigures, listPreliminaryRoundIds, readMinCoverage, type TallyRow } from "./published-aggregates";
import { roundsAsOf, scoresAsOf, talliesValidAt } from "./as-of-release";
import { listScopeTrackIds, withScopes } from "./benchmark-scope";
import { getPublicRedactor, type PublicRedactor } from "./public-text";
import { appliesFromDate } from "./shared";

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
  titleZh: benchmarks.titleZh,
  categorySlug: categories.slug,
  categoryName: categories.name,
  categoryNameZh: categories.nameZh,
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
 * Statement and subject filters pick a few benchmarks: those views count their tallies live, with
 * the stored tallies' SQL over their benchmarks. Every other view (everything, a track, a range of
 * rounds, a category, an addressee) reads the stored tallies. Everything else reads the same tables.
 */
function isNarrow(resolved: ResolvedFilters): boolean {
  return resolved.statementId !== undefined || resolved.subjectId !== undefined;
}

/** The columns of an aggregate table (or of the tally SQL's `pb`) that the filters narrow. */
interface ViewColumns {
  /** public_tallies has none: it is read for wide views only. */
  benchmarkId?: SQLWrapper;
  categoryId: SQLWrapper;
  addressee: SQLWrapper;
}

const TALLY_SQL_COLUMNS: ViewColumns = { benchmarkId: sql`pb.benchmark_id`, categoryId: sql`pb.category_id`, addressee: sql`pb.addressee` };

/**
 * The filters as one condition on any aggregate table: category, addressee, and for narrow views the
 * benchmarks of the statement (statementCondition) or person (IN: read by id, not tested benchmark by benchmark).
 */
function viewConditions(db: Executor, resolved: ResolvedFilters, table: ViewColumns): SQL | undefined {
  const { addressee } = resolved.filters;
  if (!table.benchmarkId && isNarrow(resolved)) throw new Error("A narrow view reads tables with a benchmark id.");
  return and(
    resolved.categoryId !== undefined ? sql`${table.categoryId} = ${resolved.categoryId}` : undefined,
    addressee && ADDRESSEES.includes(addressee) ? sql`${table.addressee} = ${addressee}` : undefined,
    resolved.statementId !== undefined ? statementCondition(db, { ...resolved, statementId: resolved.statementId }, table.benchmarkId!) : undefined,
    resolved.subjectId !== undefined
      ? sql`${table.benchmarkId} in ${db.select({ id: benchmarkSubjects.benchmarkId }).from(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, resolved.subjectId))}`
      : undefined,
    resolved.matchesNothing ? NEVER : undefined,
  );
}

/** Public benchmarks that apply at one round in view or more (from their first round to their retirement, in their scope). */
function appliesWithin(roundsInView: readonly DashboardRound[]): SQL {
  if (roundsInView.length === 0) return NEVER;
  const first = roundsInView[0]!.startDate;
  const last = roundsInView.at(-1)!.startDate;
  const trackIds = [...new Set(roundsInView.map((r) => r.trackId))];
  return sql`${publicBenchmarks.appliesFromDate} <= ${last} and (${publicBenchmarks.retiredOn} is null or ${publicBenchmarks.retiredOn} > ${first})
    and (not exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${publicBenchmarks.benchmarkId})
         or exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${publicBenchmarks.benchmarkId} and ${inArray(benchmarkTracks.trackId, trackIds)}))`;
}

async function readTallies(db: Executor, resolved: ResolvedFilters, roundsInView: readonly DashboardRound[]): Promise<TallyRow[]> {
  if (roundsInView.length === 0) return [];
  if (isNarrow(resolved)) return countPublishedFigures(db, roundsInView.map((r) => r.id), viewConditions(db, resolved, TALLY_SQL_COLUMNS));
  return storedTalliesQuery(db, resolved, roundsInView);
}

function storedTalliesQuery(db: Executor, resolved: ResolvedFilters, roundsInView: readonly DashboardRound[]) {
  const roundIds = roundsInView.map((r) => r.id);
  return db
    .select()
    .from(publicTallies)
    .where(and(inArray(publicTallies.roundId, roundIds), viewConditions(db, resolved, publicTallies)));
}

export interface SummaryOptions {
  /** At most this many benchmark rows in the heat map (all by default). */
  heatMapLimit?: number;
  /** The heat map's rows start after this many (its page: 0 by default), in the heat map's order. */
  heatMapOffset?: number;
  /** At most this many changes listed per direction (all by default); all are counted. */
  changesLimit?: number;
  /** The changes listed start after this many of each direction (0 by default). */
  changesOffset?: number;
  /** Only the figures per round and group: no heat map, no changes (for charts and the API summary). */
  figuresOnly?: boolean;
  /** The heat map holds only benchmarks that apply at one round in view or more (what a printed scorecard lists). */
  applicableOnly?: boolean;
  /**
   * The figures as they stood at this release (a release that exists: the caller checks): the
   * figures it published, with the heat map and changes read from the release's score rows.
   */
  release?: number;
  /** The language the titles are sorted in: "zh" sorts by the stored Chinese title where there is one. */
  lang?: ContentLang;
}

/** A stored title column pair in the reader's language: the Chinese where there is one (stored with the same names withheld). */
const titleIn = (lang: ContentLang | undefined, table: { title: SQLWrapper; titleZh: SQLWrapper }) =>
  lang === "zh" ? sql`coalesce(${table.titleZh}, ${table.title})` : table.title;

type GroupSpec = { key: string; match: string | number; label: string; labelZh?: string | null };

function figuresAtLatest(tallies: readonly TallyRow[], latestRoundId: number | undefined, keyOf: (t: TallyRow) => string | number, groups: GroupSpec[]): GroupFigures[] {
  if (latestRoundId === undefined) return [];
  const atLatest = tallies.filter((t) => t.roundId === latestRoundId);
  return groups
    .map((g) => ({ g, counted: tallyOf(atLatest.filter((t) => keyOf(t) === g.match)) }))
    .filter(({ counted }) => counted.applicable > 0)
    .map(({ g, counted }) => ({ key: g.key, label: g.label, ...(g.labelZh !== undefined && { labelZh: g.labelZh }), ...summariseTally(counted.tally, counted.applicable) }));
}

function categoriesInViewQuery(db: Executor, inView: SQL | undefined) {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, nameZh: categories.nameZh, position: categories.position })
    .from(categories)
    .where(exists(db.select({ one: sql`1` }).from(publicBenchmarks).where(and(eq(publicBenchmarks.categoryId, categories.id), inView))))
    .orderBy(asc(categories.position), asc(categories.name));
}

export async function getDashboardSummary(db: Executor, filters: DashboardFilters, options: SummaryOptions = {}): Promise<DashboardSummary> {
  const resolved = await resolveFilters(db, filters);
  if (options.release !== undefined) return getSummaryAsOf(db, resolved, options.release, options);
  // Narrow views count their figures live, but whether a round is preliminary comes from its stored tallies.
  const preliminary = await listPreliminaryRoundIds(db);
  const roundsInView = await listRoundsInView(db, resolved);
  const tallies = await readTallies(db, resolved, roundsInView);
  const inView = viewConditions(db, resolved, publicBenchmarks);
  const categoriesInView = await categoriesInViewQuery(db, inView);
  const { series, latest, previous, byCategory, byAddressee } = assembleFigures(roundsInView, tallies, preliminary, categoriesInView);

  const redactor = await getPublicRedactor(db);
  const heatMap = await readHeatMapOfView(db, redactor, inView, categoriesInView, roundsInView, options, publishedScoresOf);
  const pair = latest && previous && !options.figuresOnly ? { previousRoundId: previous.round.id, latestRoundId: latest.round.id } : null;
  const { changes, changeCounts } = !pair
    ? { changes: [], changeCounts: { up: 0, down: 0 } }
    : await readStoredChanges(db, redactor, viewConditions(db, resolved, publicChanges), roundsInView, pair.previousRoundId, pair.latestRoundId, { limit: options.changesLimit, offset: options.changesOffset }, options.lang);

  return {
    rounds: roundsInView,
    series,
    latest,
    previous,
    byCategory,
    byAddressee,
    ...heatMap,
    changes,
    changeCounts,
    unmatched: resolved.unmatched,
    dataVersion: roundsInView.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: tallyOf(tallies).demo > 0,
    minCoverage: await readMinCoverage(db),
  };
}

type StatusesOf = (db: Executor, benchmarkIds: number[], roundIds: number[]) => Promise<Array<{ benchmarkId: number; roundId: number; status: Status }>>;

const publishedScoresOf: StatusesOf = async (db, ids, roundIds) =>
  db
    .select({ benchmarkId: publishedScores.benchmarkId, roundId: publishedScores.roundId, status: publishedScores.status })
    .from(publishedScores)
    .where(and(inArray(publishedScores.benchmarkId, ids), inArray(publishedScores.roundId, roundIds)));

const releaseScoresOf =
  (release: number): StatusesOf =>
  async (db, ids, roundIds) =>
    allRows<{ benchmarkId: number; roundId: number; status: Status }>(
      db,
      sql`SELECT s.benchmark_id AS benchmarkId, s.round_id AS roundId, s.status AS status FROM ${scoresAsOf(release)} s
           WHERE s.benchmark_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND s.round_id IN (${sql.join(roundIds.map((id) => sql`${id}`), sql`, `)})`,
    );

async function readHeatMapOfView(
  db: Executor,
  redactor: PublicRedactor,
  inView: SQL | undefined,
  categoriesInView: ReadonlyArray<{ id: number }>,
  roundsInView: readonly DashboardRound[],
  options: SummaryOptions,
  statusesOf: StatusesOf,
): Promise<{ heatMap: HeatMapGroup[]; heatMapShown: number; heatMapTotal: number }> {
  const heatMapWhere = and(inView, options.applicableOnly ? appliesWithin(roundsInView) : undefined);
  // Counted per category, so that a page further on starts in the right category at the right row.
  const perCategory = options.figuresOnly
    ? new Map<number, number>()
    : new Map(
        (await db.select({ categoryId: publicBenchmarks.categoryId, n: sql<number>`count(*)` }).from(publicBenchmarks).where(heatMapWhere).groupBy(publicBenchmarks.categoryId)).map((r) => [
          r.categoryId,
          r.n,
        ]),
      );
  const heatMapTotal = [...perCategory.values()].reduce((a, b) => a + b, 0);
  const heatMapRows = async (categoryId: number, limit: number, offset: number) =>
    (
      await withScopes(
        db,
        await db
          .select(matrixColumns)
          .from(publicBenchmarks)
          .innerJoin(benchmarks, eq(benchmarks.id, publicBenchmarks.benchmarkId))
          .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
          .where(and(eq(publicBenchmarks.categoryId, categoryId), heatMapWhere))
          .orderBy(asc(publicBenchmarks.appliesFromDate), asc(titleIn(options.lang, publicBenchmarks)), asc(publicBenchmarks.benchmarkId))
          .limit(limit)
          .offset(offset),
      )
    ).map((b) => redactor.fields(b, ["title", "titleZh"]));
  const { heatMap, heatMapShown } = await readHeatMap(
    db,
    heatMapRows,
    categoriesInView.map((c) => ({ id: c.id, rows: perCategory.get(c.id) ?? 0 })),
    roundsInView,
    { limit: options.figuresOnly ? 0 : (options.heatMapLimit ?? Number.POSITIVE_INFINITY), offset: options.heatMapOffset ?? 0 },
    statusesOf,
  );
  return { heatMap, heatMapShown, heatMapTotal };
}

/**
 * The summary as of a release: the rounds public then (and public now), the figures the release
 * published (its stored tallies; whether each round was preliminary judged from them at today's
 * threshold), the heat map's statuses and the changes from the release's score rows, over the
 * benchmarks public now: a benchmark withheld since is counted in the figures it was published in,
 * never named.
 */
async function getSummaryAsOf(db: Executor, resolved: ResolvedFilters, release: number, options: SummaryOptions): Promise<DashboardSummary> {
  const scores = scoresAsOf(release);
  const publishedThen = new Map(
    (
      await allRows<{ roundId: number; at: string }>(
        db,
        sql`SELECT rr.round_id AS roundId, max(rel.published_at) AS at FROM release_rounds rr JOIN releases rel ON rel.number = rr.release_number WHERE rr.release_number <= ${release} GROUP BY rr.round_id`,
      )
    ).map((r) => [r.roundId, r.at]),
  );
  const roundsInView = (await listRoundsInView(db, resolved)).filter((r) => publishedThen.has(r.id)).map((r) => ({ ...r, publishedAt: publishedThen.get(r.id)! }));
  const roundIds = roundsInView.map((r) => r.id);
  const tallies = await readTalliesAsOf(db, resolved, roundIds, release);
  const whole = viewConditions(db, resolved, TALLY_SQL_COLUMNS) === undefined ? tallies : await readTalliesAsOf(db, undefined, roundIds, release);
  const minCoverage = await readMinCoverage(db);
  const preliminary = new Set(
    roundIds.filter((id) => {
      const { tally, applicable } = tallyOf(whole.filter((t) => t.roundId === id));
      return isPreliminary(summariseTally(tally, applicable), minCoverage);
    }),
  );
  const inView = viewConditions(db, resolved, publicBenchmarks);
  const categoriesInView = await categoriesInViewQuery(db, inView);
  const { series, latest, previous, byCategory, byAddressee } = assembleFigures(roundsInView, tallies, preliminary, categoriesInView);
  const redactor = await getPublicRedactor(db);
  const heatMap = await readHeatMapOfView(db, redactor, inView, categoriesInView, roundsInView, options, releaseScoresOf(release));
  const { changes, changeCounts } =
    latest && previous && !options.figuresOnly
      ? await readLiveChanges(db, redactor, viewConditions(db, resolved, TALLY_SQL_COLUMNS), roundsInView, previous.round, latest.round, { scores, rounds: sql`r.id IN ${roundsAsOf(release)}` }, { limit: options.changesLimit, offset: options.changesOffset })
      : { changes: [], changeCounts: { up: 0, down: 0 } };
  return {
    rounds: roundsInView,
    series,
    latest,
    previous,
    byCategory,
    byAddressee,
    ...heatMap,
    changes,
    changeCounts,
    unmatched: resolved.unmatched,
    dataVersion: roundsInView.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: tallyOf(tallies).demo > 0,
    minCoverage,
  };
}

/**
 * The figures of the rounds `roundIds` as release `release` published them: its stored tallies
 * (db/commands/releases.ts storeReleaseTallies), narrowed by the view (all groups without one);
 * a statement's or person's view counts its few benchmarks live from the release's score rows.
 */
async function readTalliesAsOf(db: Executor, resolved: ResolvedFilters | undefined, roundIds: readonly number[], release: number): Promise<TallyRow[]> {
  if (roundIds.length === 0) return [];
  if (resolved && isNarrow(resolved)) return countPublishedFigures(db, roundIds, viewConditions(db, resolved, TALLY_SQL_COLUMNS), scoresAsOf(release));
  const { id: _id, validFromRelease: _from, validToRelease: _to, ...figures } = getTableColumns(releaseTallies);
  return db
    .select(figures)
    .from(releaseTallies)
    .where(and(talliesValidAt(release), inArray(releaseTallies.roundId, [...roundIds]), resolved ? viewConditions(db, resolved, releaseTallies) : undefined));
}

/** The changes between two rounds counted live by the stored changes' SQL, over a release's scores: as readStoredChanges answers them. */
async function readLiveChanges(
  db: Executor,
  redactor: PublicRedactor,
  inView: SQL | undefined,
  roundsInView: readonly DashboardRound[],
  previous: DashboardRound,
  latest: DashboardRound,
  asOf: { scores: SQL; rounds: SQL },
  { limit = Number.POSITIVE_INFINITY, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<{ changes: StatusChange[]; changeCounts: { up: number; down: number } }> {
  const inViewIds = new Set(roundsInView.map((r) => r.id));
  const found = (await Promise.all(changesBetween(latest, previous, inView, asOf).map((select) => allValueRows<[number, number, number, number, "up" | "down", Status, Status, number, string, string]>(db, select))))
    .flat()
    .filter((row) => inViewIds.has(row[3]))
    .map(([, , benchmarkId, fromRoundId, direction, from, to, , , title]) => ({ benchmarkId, fromRoundId, direction, from, to, title }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.benchmarkId - b.benchmarkId));
  const changeCounts = { up: found.filter((c) => c.direction === "up").length, down: found.filter((c) => c.direction === "down").length };
  const listed = (["up", "down"] as const).flatMap((direction) => found.filter((c) => c.direction === direction).slice(offset, Number.isFinite(limit) ? offset + limit : undefined));
  const ids = listed.map((c) => c.benchmarkId);
  const rows =
    ids.length === 0
      ? []
      : await withScopes(
          db,
          await db
            .select(matrixColumns)
            .from(benchmarks)
            .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
            .where(inArray(benchmarks.id, ids)),
        );
  const byId = new Map(rows.map((b) => [b.id, redactor.fields(b, ["title", "titleZh"])]));
  const changes = listed.flatMap(({ benchmarkId, fromRoundId, direction, from, to }) => {
    const benchmark = byId.get(benchmarkId);
    return benchmark ? [{ benchmark, fromRoundId, from, to, direction }] : [];
  });
  return { changes, changeCounts };
}

/** The figures per round and per group at the latest round, from the tallies of the rounds in view. */
function assembleFigures(roundsInView: DashboardRound[], tallies: readonly TallyRow[], preliminary: ReadonlySet<number>, categoriesInView: ReadonlyArray<{ id: number; slug: string; name: string; nameZh: string | null }>) {
  const series = roundsInView.map((round) => {
    const { tally, applicable } = tallyOf(tallies.filter((t) => t.roundId === round.id));
    return { round, ...summariseTally(tally, applicable), preliminary: preliminary.has(round.id) };
  });
  const latest = series.at(-1) ?? null;
  const previous = comparisonBase(series);
  const byCategory = figuresAtLatest(
    tallies,
    latest?.round.id,
    (t) => t.categoryId,
    categoriesInView.map((c) => ({ key: c.slug, match: c.id, label: c.name, labelZh: c.nameZh })),
  );
  const byAddressee = figuresAtLatest(
    tallies,
    latest?.round.id,
    (t) => t.addressee,
    ADDRESSEES.map((a) => ({ key: a, match: a, label: a })),
  );
  return { series, latest, previous, byCategory, byAddressee };
}

/** The first `limit` benchmarks in view, category by category, with their status at every round in view. */
async function readHeatMap(
  db: Executor,
  rowsOf: (categoryId: number, limit: number, offset: number) => Promise<MatrixBenchmark[]>,
  categoriesInView: ReadonlyArray<{ id: number; rows: number }>,
  roundsInView: readonly DashboardRound[],
  page: { limit: number; offset: number },
  statusesOf: StatusesOf,
): Promise<{ heatMap: HeatMapGroup[]; heatMapShown: number }> {
  let room = page.limit;
  let skip = page.offset;
  const chosen: MatrixBenchmark[][] = [];
  for (const category of categoriesInView) {
    if (room <= 0) break;
    // Whole categories before the page are skipped without reading them.
    if (skip >= category.rows) {
      skip -= category.rows;
      continue;
    }
    const rows = await rowsOf(category.id, Number.isFinite(room) ? room : NO_LIMIT, skip);
    skip = 0;
    room -= rows.length;
    chosen.push(rows);
  }
  const ids = chosen.flat().map((b) => b.id);
  const statusOf = new Map<string, Status>();
  if (ids.length > 0 && roundsInView.length > 0) {
    const scores = await statusesOf(
      db,
      ids,
      roundsInView.map((r) => r.id),
    );
    for (const s of scores) statusOf.set(`${s.benchmarkId}:${s.roundId}`, s.status);
  }
  const heatMap = chosen
    .filter((rows) => rows.length > 0)
    .map((rows) => ({
      categorySlug: rows[0]!.categorySlug,
      categoryName: rows[0]!.categoryName,
      categoryNameZh: rows[0]!.categoryNameZh ?? null,
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

/**
 * The stored changes between two rounds, narrowed by the view's filters: counted per direction, the
 * first `limit` of each listed. Stored titles are the public's, so the order gives no withheld name away.
 */
async function readStoredChanges(
  db: Executor,
  redactor: PublicRedactor,
  inView: SQL | undefined,
  roundsInView: readonly DashboardRound[],
  previousRoundId: number,
  latestRoundId: number,
  { limit = Number.POSITIVE_INFINITY, offset = 0 }: { limit?: number; offset?: number },
  lang?: ContentLang,
): Promise<{ changes: StatusChange[]; changeCounts: { up: number; down: number } }> {
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
      inView,
    );
  const changeCounts = { up: 0, down: 0 };
  for (const row of await db.select({ direction: publicChanges.direction, n: sql<number>`count(*)` }).from(publicChanges).where(where()).groupBy(publicChanges.direction)) {
    changeCounts[row.direction] = row.n;
  }
  const rows = (
    await Promise.all(
      (["up", "down"] as const).map(async (direction) =>
        (
          await db
            .select({ ...matrixColumns, fromRoundId: publicChanges.fromRoundId, from: publicChanges.fromStatus, to: publicChanges.toStatus })
            .from(publicChanges)
            .innerJoin(benchmarks, eq(benchmarks.id, publicChanges.benchmarkId))
            .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
            .where(where(direction))
            .orderBy(asc(titleIn(lang, publicChanges)), asc(publicChanges.benchmarkId))
            .limit(Number.isFinite(limit) ? limit : NO_LIMIT)
            .offset(offset)
        ).map((row) => ({ ...redactor.fields(row, ["title", "titleZh"]), direction })),
      ),
    )
  ).flat();
  const scopes = await listScopeTrackIds(
    db,
    rows.map((r) => r.id),
  );
  const changes = rows.map(({ from, to, fromRoundId, direction, ...benchmark }) => ({
    benchmark: { ...benchmark, addressee: benchmark.addressee as Addressee, scopeTrackIds: scopes.get(benchmark.id) ?? [] },
    // Never null: every stored change names the round it is from (db/schema/publishing.ts publicChanges).
    fromRoundId: fromRoundId!,
    from,
    to,
    direction,
  }));
  return { changes, changeCounts };
}

/**
 * How many public benchmarks a view holds (with `applicableOnly`, only those that apply at one of its
 * rounds): what the heat map would list in all, without reading it. For refusing a PDF at once.
 */
export async function countViewBenchmarks(db: Executor, filters: DashboardFilters, options: { applicableOnly?: boolean } = {}): Promise<number> {
  const resolved = await resolveFilters(db, filters);
  const roundsInView = options.applicableOnly ? await listRoundsInView(db, resolved) : [];
  const where = and(viewConditions(db, resolved, publicBenchmarks), options.applicableOnly ? appliesWithin(roundsInView) : undefined);
  return (await firstRow(db.select({ n: sql<number>`count(*)` }).from(publicBenchmarks).where(where).limit(1)))?.n ?? 0;
}

/**
 * The rounds a view's filters keep and its condition on public benchmarks (`pb`), for lists of
 * scores read outside the aggregates (a release's scores, db/queries/releases.ts listScoresAsOf).
 */
export async function resolveView(db: Executor, filters: DashboardFilters): Promise<{ roundIds: number[]; benchmarks: SQL | undefined }> {
  const resolved = await resolveFilters(db, filters);
  return { roundIds: (await listRoundsInView(db, resolved)).map((r) => r.id), benchmarks: viewConditions(db, resolved, TALLY_SQL_COLUMNS) };
}
