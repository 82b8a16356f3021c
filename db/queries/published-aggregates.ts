// The one engine for published figures. Its SQL is written here once:
//   public_benchmarks  the benchmarks the public may see, with what views sort and filter them by;
//   public_tallies     per round × category × addressee, how many apply and carry each status;
//   public_changes     which benchmarks moved up or down since the previous published round (each
//                      against its own previous applicable round: scope can skip rounds).
// Wide views read the stored tables; a view narrowed to a statement or a person runs the same tally
// SQL over its few public benchmarks (countPublishedFigures) and filters the stored changes. The
// writers keep the tables current (db/commands/published-aggregates.ts): readers never write.
// db/queries/dashboard-summary.test.ts checks every figure against lib/dashboard.ts, which
// computes them from the whole matrix.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Addressee } from "@/lib/domain";
import { DEFAULT_MIN_COVERAGE_PERCENT, isPreliminary, summariseTally } from "@/lib/scoring";
import { countWhere, joinInThisOrder, allRows, firstRow, integerValue } from "../dialect";
import { dataVersion, publicationSettings } from "../schema";
import type { Executor } from "../transaction";

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

export interface PublishedRound {
  id: number;
  trackId: number;
  startDate: string;
}

// The same benchmarks as isPublicBenchmark (db/queries/shared.ts): a benchmark that applies from an unpublished round is not yet public.
export const PUBLIC_BENCHMARK_ROWS = sql`
  SELECT b.id, b.category_id, b.addressee, af.start_date, b.retired_on, b.title, b.title_zh
    FROM benchmarks b JOIN rounds af ON af.id = b.applies_from_round_id
   WHERE b.confidential = 0 AND af.published_at IS NOT NULL AND b.review_state = 'approved'
     AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`;

/** The benchmark (pb) is assessed at the rounds of `track`: its scope lists no track, or that one (benchmark-scope.ts inScopeOf). */
export const inScopeOfTrack = (track: SQL | number) =>
  sql`(NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = pb.benchmark_id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = pb.benchmark_id AND bt.track_id = ${track}))`;

/** The scores the figures are counted from: the published ones, or a release's (db/queries/releases.ts scoresAsOf). */
const PUBLISHED_SCORES = sql`published_scores`;
/** The rounds a benchmark's previous score may come from: the published ones, or those public at a release. */
const PUBLISHED_ROUNDS = sql`r.published_at IS NOT NULL`;

/**
 * The tallies: for each round of `rounds` (a condition on `r`), category and addressee, how many
 * public benchmarks (pb, narrowed by `benchmarks`) apply there, and how many of those carry each
 * published status. Stored for every benchmark by the writers; counted live for a narrow view.
 */
export function tallySelect(rounds: SQL, benchmarks?: SQL, scores: SQL = PUBLISHED_SCORES): SQL {
  const status = (s: string) => countWhere(sql`ps.status = ${sql.raw(`'${s}'`)}`);
  return sql`
    SELECT r.id AS round_id, pb.category_id AS category_id, pb.addressee AS addressee, count(*) AS applicable,
           ${status("met")} AS met, ${status("partial")} AS partial, ${status("not_met")} AS not_met,
           ${status("regressed")} AS regressed, ${status("unknown")} AS unknown, coalesce(sum(ps.is_demo), 0) AS demo
      FROM rounds r ${joinInThisOrder(
        sql`public_benchmarks pb`,
        sql`pb.applies_from_date <= r.start_date AND (pb.retired_on IS NULL OR pb.retired_on > r.start_date) AND ${inScopeOfTrack(sql`r.track_id`)}`,
      )}
      LEFT JOIN ${scores} ps ON ps.benchmark_id = pb.benchmark_id AND ps.round_id = r.id
     WHERE ${rounds} ${benchmarks ? sql`AND ${benchmarks}` : sql``}
     GROUP BY r.id, pb.category_id, pb.addressee`;
}

/**
 * For the given rounds, counted live by the stored tallies' SQL: how many public benchmarks of the
 * view (`benchmarks`, a condition on pb.benchmark_id) apply at each, and how many carry each status.
 * For narrow views (a statement, a person), where counting a few benchmarks beats reading stored tallies.
 */
export async function countPublishedFigures(db: Executor, roundIds: readonly number[], benchmarks?: SQL, scores?: SQL): Promise<TallyRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await allRows<{
    round_id: number;
    category_id: number;
    addressee: Addressee;
    applicable: number;
    met: number;
    partial: number;
    not_met: number;
    regressed: number;
    unknown: number;
    demo: number;
  }>(db, tallySelect(sql`r.id IN (${sql.join(roundIds.map((id) => sql`${id}`), sql`, `)})`, benchmarks, scores));
  return rows.map((r) => ({
    roundId: r.round_id,
    categoryId: r.category_id,
    addressee: r.addressee,
    applicable: r.applicable,
    met: r.met,
    partial: r.partial,
    notMet: r.not_met,
    regressed: r.regressed,
    unknown: r.unknown,
    demo: r.demo,
  }));
}

export async function readDataVersion(db: Executor): Promise<{ version: number; talliesVersion: number }> {
  return readDataVersionNow(db);
}

/** readDataVersion for the synchronous start-up and publishing paths. */
export async function readDataVersionNow(db: Executor): Promise<{ version: number; talliesVersion: number }> {
  return (await firstRow(db.select({ version: dataVersion.version, talliesVersion: dataVersion.talliesVersion }).from(dataVersion).where(eq(dataVersion.id, 1)).limit(1))) ?? { version: 0, talliesVersion: -1 };
}

/** The editors' coverage threshold as a fraction (see publication_settings). */
export async function readMinCoverage(db: Executor): Promise<number> {
  return readMinCoverageNow(db);
}

/** readMinCoverage for the synchronous paths (a publication's transaction and its rehearsal). */
export async function readMinCoverageNow(db: Executor): Promise<number> {
  const row = await firstRow(db.select({ percent: publicationSettings.minCoveragePercent }).from(publicationSettings).where(eq(publicationSettings.id, 1)).limit(1));
  return (row?.percent ?? DEFAULT_MIN_COVERAGE_PERCENT) / 100;
}

/**
 * Published rounds whose figures are preliminary: over every public benchmark that applies there,
 * judged below the threshold, by lib/scoring from the stored tallies, as the last refresh left them.
 */
export async function listPreliminaryRoundIds(db: Executor): Promise<Set<number>> {
  return listPreliminaryRoundIdsNow(db);
}

/** listPreliminaryRoundIds for the writers' refresh, which runs synchronously inside its transaction. */
export async function listPreliminaryRoundIdsNow(db: Executor): Promise<Set<number>> {
  const minCoverage = await readMinCoverageNow(db);
  const rows = await allRows<{ roundId: number; applicable: number; met: number; partial: number; notMet: number; regressed: number; unknown: number }>(db, sql`SELECT round_id AS roundId, sum(applicable) AS applicable, sum(met) AS met, sum(partial) AS partial, sum(not_met) AS notMet,
              sum(regressed) AS regressed, sum(unknown) AS unknown
         FROM public_tallies GROUP BY round_id`);
  return new Set(
    rows
      .filter((r) => isPreliminary(summariseTally({ met: r.met, partial: r.partial, not_met: r.notMet, regressed: r.regressed, unknown: r.unknown }, r.applicable), minCoverage))
      .map((r) => r.roundId),
  );
}

/**
 * "<database id>.<data version>": names the published data exactly, so a cached public answer filed
 * under it can never be served for other data, whichever process changed the database. While a
 * write's refresh is still to run, the version the aggregates were built from is added: an answer
 * computed then is filed apart, and the refresh moves the key on to the answers it makes right.
 * Synchronous: the proxy sets it as a header and the redactor keys its cache by it.
 */
export async function readPublishedDataKey(db: Executor): Promise<string> {
  const row = await firstRow(db
    .select({ id: dataVersion.databaseId, version: dataVersion.version, talliesVersion: dataVersion.talliesVersion })
    .from(dataVersion)
    .where(eq(dataVersion.id, 1))
    .limit(1));
  if (!row) return "none.0";
  return row.version === row.talliesVersion ? `${row.id}.${row.version}` : `${row.id}.${row.version}.${row.talliesVersion}`;
}

// Direction as lib/dashboard.ts statusDirection: a move to regressed is down; otherwise compare
// ranks (regressed = not met < partial < met); unknown has no rank, so no direction.
const RANK = (column: string) => `CASE ${column} WHEN 'met' THEN 2 WHEN 'partial' THEN 1 WHEN 'not_met' THEN 0 WHEN 'regressed' THEN 0 END`;
export const DIRECTION = sql.raw(`CASE WHEN now.status = 'regressed' THEN 'down'
                WHEN ${RANK("now.status")} > ${RANK("before.status")} THEN 'up'
                WHEN ${RANK("now.status")} < ${RANK("before.status")} THEN 'down' END`);

/**
 * Each benchmark's status at `round` against its status at its previous applicable round up to
 * `previous` (lib/scoring previousApplicableRound), as lib/dashboard.ts pairs them, for the
 * benchmarks `only` names (all by default). In two parts: benchmarks that apply at `previous`
 * itself (nearly all) are compared with it; a benchmark whose scope leaves `previous`'s track out
 * looks further back, through the published rounds of the tracks in its scope (only between
 * tracks, since within one every round is in scope). Both count only benchmarks that apply at
 * `round`, so a score left outside a scope never shows.
 */
export function changesBetween(round: PublishedRound, previous: PublishedRound, only?: SQL, asOf: { scores: SQL; rounds: SQL } = { scores: PUBLISHED_SCORES, rounds: PUBLISHED_ROUNDS }): SQL[] {
  const restrict = only ? sql`AND ${only}` : sql``;
  const direct = sql`
    SELECT * FROM (
      SELECT ${integerValue(round.id)}, ${integerValue(previous.id)}, pb.benchmark_id, ${integerValue(previous.id)}, ${DIRECTION} AS direction, before.status, now.status, pb.category_id, pb.addressee, pb.title, pb.title_zh
        FROM ${asOf.scores} now
        JOIN ${asOf.scores} before ON before.benchmark_id = now.benchmark_id AND before.round_id = ${previous.id}
        JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
       WHERE now.round_id = ${round.id} AND now.status <> before.status ${restrict}
         AND pb.applies_from_date <= ${previous.startDate} AND (pb.retired_on IS NULL OR pb.retired_on > ${round.startDate})
         AND ${inScopeOfTrack(round.trackId)} AND ${inScopeOfTrack(previous.trackId)}
    ) AS changed WHERE direction IS NOT NULL`;
  if (previous.trackId === round.trackId) return [direct];
  const scoped = sql`
    SELECT * FROM (
      SELECT ${integerValue(round.id)}, ${integerValue(previous.id)}, pb.benchmark_id, before.round_id, ${DIRECTION} AS direction, before.status, now.status, pb.category_id, pb.addressee, pb.title, pb.title_zh
        FROM ${asOf.scores} now
        JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
        JOIN benchmark_tracks own ON own.benchmark_id = now.benchmark_id AND own.track_id = ${round.trackId}
        JOIN ${asOf.scores} before ON before.benchmark_id = now.benchmark_id AND before.round_id = (
               SELECT r.id FROM rounds r JOIN benchmark_tracks bt ON bt.benchmark_id = now.benchmark_id AND bt.track_id = r.track_id
                WHERE ${asOf.rounds} AND r.start_date >= pb.applies_from_date
                  AND (r.start_date < ${previous.startDate} OR (r.start_date = ${previous.startDate} AND r.id < ${previous.id}))
                ORDER BY r.start_date DESC, r.id DESC LIMIT 1)
       WHERE now.round_id = ${round.id} ${restrict} AND pb.applies_from_date <= ${round.startDate} AND (pb.retired_on IS NULL OR pb.retired_on > ${round.startDate})
         AND NOT EXISTS (SELECT 1 FROM benchmark_tracks other WHERE other.benchmark_id = now.benchmark_id AND other.track_id = ${previous.trackId})
         AND now.status <> before.status
    ) AS changed WHERE direction IS NOT NULL`;
  return [direct, scoped];
}
