// The published data, aggregated once per data version instead of once per request:
//   public_benchmarks  the benchmarks the public may see, with what views sort and filter them by;
//   public_tallies     per round × category × addressee, how many apply and carry each status;
//   public_changes     which benchmarks moved up or down since the previous published round.
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
import { isPublicBenchmark } from "./shared";

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
export function countPublishedFigures(db: Db, round: { id: number; startDate: string }, benchmarkFilter?: SQL): TallyRow[] {
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
    .where(and(isPublicBenchmark, lte(appliesFrom.startDate, round.startDate), or(isNull(benchmarks.retiredOn), gt(benchmarks.retiredOn, round.startDate)), benchmarkFilter))
    .groupBy(benchmarks.categoryId, benchmarks.addressee)
    .all()
    .map((row) => ({ roundId: round.id, ...row }));
}

export function readDataVersion(db: Db): { version: number; talliesVersion: number } {
  return db.select({ version: dataVersion.version, talliesVersion: dataVersion.talliesVersion }).from(dataVersion).where(eq(dataVersion.id, 1)).get() ?? { version: 0, talliesVersion: -1 };
}

const REBUILD_PUBLIC_BENCHMARKS = `
  INSERT INTO public_benchmarks (benchmark_id, category_id, addressee, applies_from_date, retired_on, title)
  SELECT b.id, b.category_id, b.addressee, af.start_date, b.retired_on, b.title
    FROM benchmarks b JOIN rounds af ON af.id = b.applies_from_round_id
   WHERE b.confidential = 0
     AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`;

// The same figures as countPublishedFigures, from public_benchmarks (the test compares both with lib/dashboard.ts).
const TALLY_ROUND = `
  INSERT INTO public_tallies (round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo)
  SELECT :round, pb.category_id, pb.addressee, count(*),
         coalesce(sum(ps.status = 'met'), 0), coalesce(sum(ps.status = 'partial'), 0), coalesce(sum(ps.status = 'not_met'), 0),
         coalesce(sum(ps.status = 'regressed'), 0), coalesce(sum(ps.status = 'unknown'), 0), coalesce(sum(ps.is_demo), 0)
    FROM public_benchmarks pb
    LEFT JOIN published_scores ps ON ps.benchmark_id = pb.benchmark_id AND ps.round_id = :round
   WHERE pb.applies_from_date <= :start AND (pb.retired_on IS NULL OR pb.retired_on > :start)
   GROUP BY pb.category_id, pb.addressee`;

// Direction as lib/dashboard.ts statusDirection: a move to regressed is down; otherwise compare
// ranks (regressed = not met < partial < met); unknown has no rank, so no direction.
const RANK = (column: string) => `CASE ${column} WHEN 'met' THEN 2 WHEN 'partial' THEN 1 WHEN 'not_met' THEN 0 WHEN 'regressed' THEN 0 END`;
const CHANGES_BETWEEN = `
  INSERT INTO public_changes (round_id, previous_round_id, benchmark_id, direction, from_status, to_status, category_id, addressee, title)
  SELECT * FROM (
    SELECT :round, :previous, pb.benchmark_id,
           CASE WHEN now.status = 'regressed' THEN 'down'
                WHEN ${RANK("now.status")} > ${RANK("before.status")} THEN 'up'
                WHEN ${RANK("now.status")} < ${RANK("before.status")} THEN 'down' END AS direction,
           before.status, now.status, pb.category_id, pb.addressee, pb.title
      FROM published_scores now
      JOIN published_scores before ON before.benchmark_id = now.benchmark_id AND before.round_id = :previous
      JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
     WHERE now.round_id = :round AND now.status <> before.status
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

/** Rebuilds every aggregate from scratch. Call inside a write transaction (on this same connection). */
export function rebuildPublishedAggregates(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec("DELETE FROM public_changes; DELETE FROM public_tallies; DELETE FROM public_benchmarks;");
  sqlite.exec(REBUILD_PUBLIC_BENCHMARKS);
  const tally = sqlite.prepare(TALLY_ROUND);
  for (const round of sqlite.prepare("SELECT id, start_date AS startDate FROM rounds WHERE published_at IS NOT NULL").all() as PublishedRound[]) {
    tally.run({ round: round.id, start: round.startDate });
  }
  const changes = sqlite.prepare(CHANGES_BETWEEN);
  for (const { round, previous } of roundPairs(db)) changes.run({ round: round.id, previous: previous.id });
  markAggregatesCurrent(db);
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
 * only that round's tallies and the changes it takes part in are counted again (publishing touches
 * no benchmark, so public_benchmarks stand); otherwise the next reader rebuilds everything.
 */
export function refreshAggregatesAfterPublishing(tx: Db, roundId: number, versionBefore: { version: number; talliesVersion: number }): void {
  if (versionBefore.version !== versionBefore.talliesVersion) return;
  const sqlite = tx.$client;
  const round = sqlite.prepare("SELECT id, start_date AS startDate FROM rounds WHERE id = ?").get(roundId) as PublishedRound;
  sqlite.prepare("DELETE FROM public_tallies WHERE round_id = ?").run(roundId);
  sqlite.prepare(TALLY_ROUND).run({ round: roundId, start: round.startDate });
  // A newly published round also becomes the "previous round" of the next one: redo every pair it is in, and drop pairs it now separates.
  const pairs = roundPairs(tx);
  const wanted = new Set(pairs.map((p) => `${p.round.id}:${p.previous.id}`));
  const stored = sqlite.prepare("SELECT DISTINCT round_id AS r, previous_round_id AS p FROM public_changes").all() as Array<{ r: number; p: number }>;
  const remove = sqlite.prepare("DELETE FROM public_changes WHERE round_id = ? AND previous_round_id = ?");
  for (const { r, p } of stored) if (!wanted.has(`${r}:${p}`) || r === roundId || p === roundId) remove.run(r, p);
  const storedAfter = new Set((sqlite.prepare("SELECT DISTINCT round_id AS r, previous_round_id AS p FROM public_changes").all() as Array<{ r: number; p: number }>).map((x) => `${x.r}:${x.p}`));
  const changes = sqlite.prepare(CHANGES_BETWEEN);
  for (const { round: r, previous } of pairs) if (!storedAfter.has(`${r.id}:${previous.id}`)) changes.run({ round: r.id, previous: previous.id });
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
