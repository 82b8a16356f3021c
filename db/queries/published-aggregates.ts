// The published data, aggregated once per data version instead of once per request:
//   public_benchmarks  the benchmarks the public may see, with what views sort and filter them by;
//   public_tallies     per round × category × addressee, how many apply and carry each status;
//   public_changes     which benchmarks moved up or down since the previous published round (each
//                      against its own previous applicable round: scope can skip rounds).
// Triggers raise data_version.version on every public write (migration 0001); the aggregates record
// the version they were built from, and the first reader after a change rebuilds them, once.
// Publishing a round refreshes only what that round touches. db/queries/dashboard-summary.test.ts
// checks every figure against lib/dashboard.ts, which computes them from the whole matrix.
import { and, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { comparisonBase } from "@/lib/dashboard";
import type { Addressee } from "@/lib/domain";
import { DEFAULT_MIN_COVERAGE_PERCENT, isPreliminary, summariseTally } from "@/lib/scoring";
import type { Db } from "../client";
import { benchmarks, dataVersion, publicationSettings, publishedScores, rounds } from "../schema";
import { inScopeOf } from "./benchmark-scope";
import { isPublicBenchmark } from "./shared";
import { compileWithheldNames, listWithheldItems } from "./withheld-names";

export interface TallyRow {
  roundId: number;
  categoryId: number;
  addressee: Addressee;
  applicable: number;
  met: number;
  partial: number;
  notMet: number;
  regressed: number;
  unknown: number;
  demo: number;
}

const appliesFrom = alias(rounds, "applies_from");
const countOf = (status: string) => sql<number>`coalesce(sum(${publishedScores.status} = ${status}), 0)`.mapWith(Number);

/**
 * For one round, counted live: how many public benchmarks (narrowed by `benchmarkFilter`) apply at
 * it, and how many of those carry each published status, per category and addressee. For narrow
 * views (a statement, a person), where counting a few benchmarks beats reading stored tallies.
 */
export function countPublishedFigures(db: Db, round: { id: number; startDate: string; trackId: number }, benchmarkFilter?: SQL): TallyRow[] {
  return db
    .select({
      categoryId: benchmarks.categoryId,
      addressee: benchmarks.addressee,
      applicable: sql<number>`count(*)`.mapWith(Number),
      met: countOf("met"),
      partial: countOf("partial"),
      notMet: countOf("not_met"),
      regressed: countOf("regressed"),
      unknown: countOf("unknown"),
      demo: sql<number>`coalesce(sum(${publishedScores.isDemo}), 0)`.mapWith(Number),
    })
    .from(benchmarks)
    .innerJoin(appliesFrom, eq(appliesFrom.id, benchmarks.appliesFromRoundId))
    .leftJoin(publishedScores, and(eq(publishedScores.benchmarkId, benchmarks.id), eq(publishedScores.roundId, round.id)))
    .where(
      and(
        isPublicBenchmark,
        lte(appliesFrom.startDate, round.startDate),
        or(isNull(benchmarks.retiredOn), gt(benchmarks.retiredOn, round.startDate)),
        inScopeOf(round.trackId),
        benchmarkFilter,
      ),
    )
    .groupBy(benchmarks.categoryId, benchmarks.addressee)
    .all()
    .map((row) => ({ roundId: round.id, ...row }));
}

export function readDataVersion(db: Db): { version: number; talliesVersion: number } {
  return db.select({ version: dataVersion.version, talliesVersion: dataVersion.talliesVersion }).from(dataVersion).where(eq(dataVersion.id, 1)).get() ?? { version: 0, talliesVersion: -1 };
}

// The same benchmarks as isPublicBenchmark (db/queries/shared.ts): a benchmark that applies from an unpublished round is not yet public.
const PUBLIC_BENCHMARK_ROWS = `
  SELECT b.id, b.category_id, b.addressee, af.start_date, b.retired_on, b.title
    FROM benchmarks b JOIN rounds af ON af.id = b.applies_from_round_id
   WHERE b.confidential = 0 AND af.published_at IS NOT NULL AND b.review_state = 'approved'
     AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`;
const REBUILD_PUBLIC_BENCHMARKS = `INSERT INTO public_benchmarks (benchmark_id, category_id, addressee, applies_from_date, retired_on, title) ${PUBLIC_BENCHMARK_ROWS}`;
const ADD_BENCHMARKS_OF_ROUND = `INSERT OR IGNORE INTO public_benchmarks (benchmark_id, category_id, addressee, applies_from_date, retired_on, title) ${PUBLIC_BENCHMARK_ROWS} AND af.id = :round`;

// The benchmark (pb) is assessed at the rounds of the track `track` names: its scope lists no track, or that one (benchmark-scope.ts inScopeOf).
const IN_SCOPE = (track: string) =>
  `(NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = pb.benchmark_id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = pb.benchmark_id AND bt.track_id = ${track}))`;

// The same figures as countPublishedFigures, from public_benchmarks (the test compares both with lib/dashboard.ts).
const TALLY_ROUND = `
  INSERT INTO public_tallies (round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo)
  SELECT :round, pb.category_id, pb.addressee, count(*),
         coalesce(sum(ps.status = 'met'), 0), coalesce(sum(ps.status = 'partial'), 0), coalesce(sum(ps.status = 'not_met'), 0),
         coalesce(sum(ps.status = 'regressed'), 0), coalesce(sum(ps.status = 'unknown'), 0), coalesce(sum(ps.is_demo), 0)
    FROM public_benchmarks pb
    LEFT JOIN published_scores ps ON ps.benchmark_id = pb.benchmark_id AND ps.round_id = :round
   WHERE pb.applies_from_date <= :start AND (pb.retired_on IS NULL OR pb.retired_on > :start) AND ${IN_SCOPE(":track")}
   GROUP BY pb.category_id, pb.addressee`;

// Direction as lib/dashboard.ts statusDirection: a move to regressed is down; otherwise compare
// ranks (regressed = not met < partial < met); unknown has no rank, so no direction.
const RANK = (column: string) => `CASE ${column} WHEN 'met' THEN 2 WHEN 'partial' THEN 1 WHEN 'not_met' THEN 0 WHEN 'regressed' THEN 0 END`;
const DIRECTION = `CASE WHEN now.status = 'regressed' THEN 'down'
                WHEN ${RANK("now.status")} > ${RANK("before.status")} THEN 'up'
                WHEN ${RANK("now.status")} < ${RANK("before.status")} THEN 'down' END`;
/**
 * Each benchmark's status at :round against its status at its previous applicable round up to
 * :previous (lib/scoring previousApplicableRound), as lib/dashboard.ts pairs them. In two parts:
 * benchmarks that apply at :previous itself (nearly all) are compared with it; a benchmark whose
 * scope leaves :previous's track out looks further back, through the published rounds of the tracks
 * in its scope (SCOPED_CHANGES_BETWEEN; only between tracks, since within one every round is in scope).
 * Both count only benchmarks that apply at :round, so a score left outside a scope never shows.
 */
const CHANGES_BETWEEN = `
  INSERT INTO public_changes (round_id, previous_round_id, benchmark_id, from_round_id, direction, from_status, to_status, category_id, addressee, title)
  SELECT * FROM (
    SELECT :round, :previous, pb.benchmark_id, :previous, ${DIRECTION} AS direction, before.status, now.status, pb.category_id, pb.addressee, pb.title
      FROM published_scores now
      JOIN published_scores before ON before.benchmark_id = now.benchmark_id AND before.round_id = :previous
      JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
     WHERE now.round_id = :round AND now.status <> before.status
       AND pb.applies_from_date <= :previousStart AND (pb.retired_on IS NULL OR pb.retired_on > :start)
       AND ${IN_SCOPE(":track")} AND ${IN_SCOPE(":previousTrack")}
  ) WHERE direction IS NOT NULL`;
const SCOPED_CHANGES_BETWEEN = `
  INSERT INTO public_changes (round_id, previous_round_id, benchmark_id, from_round_id, direction, from_status, to_status, category_id, addressee, title)
  SELECT * FROM (
    SELECT :round, :previous, pb.benchmark_id, before.round_id, ${DIRECTION} AS direction, before.status, now.status, pb.category_id, pb.addressee, pb.title
      FROM published_scores now
      JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
      JOIN benchmark_tracks own ON own.benchmark_id = now.benchmark_id AND own.track_id = :track
      JOIN published_scores before ON before.benchmark_id = now.benchmark_id AND before.round_id = (
             SELECT r.id FROM rounds r JOIN benchmark_tracks bt ON bt.benchmark_id = now.benchmark_id AND bt.track_id = r.track_id
              WHERE r.published_at IS NOT NULL AND r.start_date >= pb.applies_from_date
                AND (r.start_date < :previousStart OR (r.start_date = :previousStart AND r.id < :previous))
              ORDER BY r.start_date DESC, r.id DESC LIMIT 1)
     WHERE now.round_id = :round AND pb.applies_from_date <= :start AND (pb.retired_on IS NULL OR pb.retired_on > :start)
       AND NOT EXISTS (SELECT 1 FROM benchmark_tracks other WHERE other.benchmark_id = now.benchmark_id AND other.track_id = :previousTrack)
       AND now.status <> before.status
  ) WHERE direction IS NOT NULL`;

/** The editors' coverage threshold as a fraction (see publication_settings). */
export function readMinCoverage(db: Db): number {
  const row = db.select({ percent: publicationSettings.minCoveragePercent }).from(publicationSettings).where(eq(publicationSettings.id, 1)).get();
  return (row?.percent ?? DEFAULT_MIN_COVERAGE_PERCENT) / 100;
}

/**
 * Published rounds whose figures are preliminary: over every public benchmark that applies there,
 * judged below the threshold, by lib/scoring from the stored tallies. Reads the tallies as they
 * are; readers call listPreliminaryRoundIds, which brings them up to date first.
 */
function readPreliminaryRoundIds(db: Db): Set<number> {
  const minCoverage = readMinCoverage(db);
  const rows = db.$client
    .prepare(
      `SELECT round_id AS roundId, sum(applicable) AS applicable, sum(met) AS met, sum(partial) AS partial, sum(not_met) AS notMet,
              sum(regressed) AS regressed, sum(unknown) AS unknown
         FROM public_tallies GROUP BY round_id`,
    )
    .all() as Array<{ roundId: number; applicable: number; met: number; partial: number; notMet: number; regressed: number; unknown: number }>;
  return new Set(
    rows
      .filter((r) => isPreliminary(summariseTally({ met: r.met, partial: r.partial, not_met: r.notMet, regressed: r.regressed, unknown: r.unknown }, r.applicable), minCoverage))
      .map((r) => r.roundId),
  );
}

/** Published rounds whose figures are preliminary (coverage below the editors' threshold). */
export function listPreliminaryRoundIds(db: Db): Set<number> {
  ensurePublishedAggregates(db);
  return readPreliminaryRoundIds(db);
}

interface PublishedRound {
  id: number;
  trackId: number;
  startDate: string;
}

/**
 * Each published round with the round its change is measured against (lib/dashboard
 * comparisonBase: the last earlier one that is not preliminary), in the whole timeline and in its
 * track. Needs the tallies of every published round counted first.
 */
function roundPairs(db: Db): Array<{ round: PublishedRound; previous: PublishedRound }> {
  const preliminary = readPreliminaryRoundIds(db);
  const published = (
    db.$client.prepare("SELECT id, track_id AS trackId, start_date AS startDate FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date, id").all() as PublishedRound[]
  ).map((round) => ({ round, preliminary: preliminary.has(round.id) }));
  const pairs: Array<{ round: PublishedRound; previous: PublishedRound }> = [];
  published.forEach(({ round }, i) => {
    const previousOverall = comparisonBase(published, i)?.round;
    const inTrack = published.slice(0, i + 1).filter((r) => r.round.trackId === round.trackId);
    const previousInTrack = comparisonBase(inTrack)?.round;
    if (previousOverall) pairs.push({ round, previous: previousOverall });
    if (previousInTrack && previousInTrack !== previousOverall) pairs.push({ round, previous: previousInTrack });
  });
  return pairs;
}

/** Stores the changes of one pair of rounds (see CHANGES_BETWEEN). */
function storeChanges(sqlite: Db["$client"], round: PublishedRound, previous: PublishedRound): void {
  const params = { round: round.id, start: round.startDate, track: round.trackId, previous: previous.id, previousStart: previous.startDate, previousTrack: previous.trackId };
  sqlite.prepare(CHANGES_BETWEEN).run(params);
  // Within one track every round is in the scope of a benchmark that applies at :round: nothing further back.
  if (previous.trackId !== round.trackId) sqlite.prepare(SCOPED_CHANGES_BETWEEN).run(params);
}

/** Rebuilds every aggregate from scratch. Call inside a write transaction (on this same connection). */
export function rebuildPublishedAggregates(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec("DELETE FROM public_changes; DELETE FROM public_tallies; DELETE FROM public_benchmarks;");
  sqlite.exec(REBUILD_PUBLIC_BENCHMARKS);
  withholdNamesInStoredTitles(db);
  const tally = sqlite.prepare(TALLY_ROUND);
  for (const round of sqlite.prepare("SELECT id, track_id AS trackId, start_date AS startDate FROM rounds WHERE published_at IS NOT NULL").all() as PublishedRound[]) {
    tally.run({ round: round.id, start: round.startDate, track: round.trackId });
  }
  for (const { round, previous } of roundPairs(db)) storeChanges(sqlite, round, previous);
  markAggregatesCurrent(db);
}

/**
 * Stored titles are what wide views sort by: with a confidential name in them they would give away
 * where the name falls in the alphabet. They are stored as the public reads them (public_changes
 * copies them from here).
 */
function withholdNamesInStoredTitles(db: Db): void {
  const matcher = compileWithheldNames(listWithheldItems(db));
  if (matcher.isEmpty) return;
  const sqlite = db.$client;
  const update = sqlite.prepare("UPDATE public_benchmarks SET title = ? WHERE benchmark_id = ?");
  const rows = sqlite.prepare("SELECT benchmark_id AS id, title FROM public_benchmarks").all() as Array<{ id: number; title: string }>;
  for (const row of rows) {
    const title = matcher.redact(row.title);
    if (title !== row.title) update.run(title, row.id);
  }
}

function markAggregatesCurrent(db: Db): void {
  db.update(dataVersion).set({ talliesVersion: sql`${dataVersion.version}` }).where(eq(dataVersion.id, 1)).run();
}

/**
 * Makes sure the aggregates match the current data version, rebuilding them if anything public has
 * changed since, from any process. The first reader after a change pays for the rebuild, once.
 */
export function ensurePublishedAggregates(db: Db): void {
  const { version, talliesVersion } = readDataVersion(db);
  if (version === talliesVersion) return;
  // Immediate: take the write lock before re-reading, so two readers never rebuild at once.
  db.transaction(
    () => {
      const now = readDataVersion(db);
      if (now.version !== now.talliesVersion) rebuildPublishedAggregates(db);
    },
    { behavior: "immediate" },
  );
}

/**
 * After a round is published, inside the publishing transaction (pass the connection it runs on). If the aggregates were current before the publication,
 * only that round's tallies and the changes it takes part in are counted again — and, when benchmarks
 * that apply from it have just become public, those of the published rounds from it on, where they
 * apply too; otherwise the next reader rebuilds everything.
 */
export function refreshAggregatesAfterPublishing(tx: Db, roundId: number, versionBefore: { version: number; talliesVersion: number }): void {
  if (versionBefore.version !== versionBefore.talliesVersion) return;
  const sqlite = tx.$client;
  const round = sqlite.prepare("SELECT id, track_id AS trackId, start_date AS startDate FROM rounds WHERE id = ?").get(roundId) as PublishedRound;
  const added = sqlite.prepare(ADD_BENCHMARKS_OF_ROUND).run({ round: roundId }).changes;
  const recounted = new Set(
    added > 0
      ? (sqlite.prepare("SELECT id FROM rounds WHERE published_at IS NOT NULL AND start_date >= ?").all(round.startDate) as Array<{ id: number }>).map((r) => r.id)
      : [roundId],
  );
  const tally = sqlite.prepare(TALLY_ROUND);
  for (const r of sqlite.prepare("SELECT id, track_id AS trackId, start_date AS startDate FROM rounds WHERE published_at IS NOT NULL").all() as PublishedRound[]) {
    if (!recounted.has(r.id)) continue;
    sqlite.prepare("DELETE FROM public_tallies WHERE round_id = ?").run(r.id);
    tally.run({ round: r.id, start: r.startDate, track: r.trackId });
  }
  // A newly published round also becomes the "previous round" of the next one: redo every pair it is in, and drop pairs it now separates.
  const pairs = roundPairs(tx);
  const wanted = new Set(pairs.map((p) => `${p.round.id}:${p.previous.id}`));
  const stored = sqlite.prepare("SELECT DISTINCT round_id AS r, previous_round_id AS p FROM public_changes").all() as Array<{ r: number; p: number }>;
  const remove = sqlite.prepare("DELETE FROM public_changes WHERE round_id = ? AND previous_round_id = ?");
  for (const { r, p } of stored) if (!wanted.has(`${r}:${p}`) || recounted.has(r) || p === roundId) remove.run(r, p);
  const storedAfter = new Set((sqlite.prepare("SELECT DISTINCT round_id AS r, previous_round_id AS p FROM public_changes").all() as Array<{ r: number; p: number }>).map((x) => `${x.r}:${x.p}`));
  for (const { round: r, previous } of pairs) if (!storedAfter.has(`${r.id}:${previous.id}`)) storeChanges(sqlite, r, previous);
  markAggregatesCurrent(tx);
}

/**
 * "<database id>.<data version>": names the published data exactly, so a cached public answer filed
 * under it can never be served for other data, whichever process changed the database.
 */
export function readPublishedDataKey(db: Db): string {
  const row = db.select({ id: dataVersion.databaseId, version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1)).get();
  return row ? `${row.id}.${row.version}` : "none.0";
}
