import "server-only";
// The benchmark × round matrix of a narrow view (one statement, one person or law, a PDF's
// filters): its rows read by id from the benchmarks the filters name, never from every score.
// A view can still be large (a statement may raise thousands of demands), so the rows are capped
// and the per-round figures are counted in SQL over all of them.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { MatrixBenchmark, MatrixScore } from "@/lib/dashboard";
import { STATUSES, type Status } from "@/lib/domain";
import { emptyTally, isApplicable, summariseTally, type RoundSummary } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import { benchmarks, benchmarkTracks, categories, publishedScores, rounds } from "../schema";
import { inScopeOf, withScopes } from "./benchmark-scope";
import { listRoundsInView, type DashboardRound } from "./dashboard";
import { benchmarkConditions, resolveFiltersSync as resolveFilters } from "./filters";
import { getPublicRedactorSync as getPublicRedactor } from "./public-text";
import { inBatches } from "./shared";

export interface SubsetMatrix {
  rounds: DashboardRound[];
  /** The first `limit` benchmarks in heat-map order (category, first round, title). */
  benchmarks: MatrixBenchmark[];
  scores: MatrixScore[];
  /** How many public benchmarks the view holds in all. */
  benchmarkCount: number;
  unmatched: string[];
  dataVersion: string | null;
  hasDemo: boolean;
}

/**
 * Benchmarks whose window overlaps the rounds in view (from their first round to their retirement)
 * and whose scope takes in the track of one round in view or more.
 */
function appliesWithin(roundsInView: DashboardRound[]) {
  if (roundsInView.length === 0) return sql`0`;
  const first = roundsInView[0]!.startDate;
  const last = roundsInView.at(-1)!.startDate;
  const trackIds = [...new Set(roundsInView.map((r) => r.trackId))];
  return sql`${benchmarks.appliesFromRoundId} in (select ${rounds.id} from ${rounds} where ${rounds.startDate} <= ${last}) and coalesce(${benchmarks.retiredOn} > ${first}, 1)
    and (not exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmarks.id})
         or exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmarks.id} and ${inArray(benchmarkTracks.trackId, trackIds)}))`;
}

/**
 * The view's matrix: rounds in view, at most `limit` benchmarks with their scores, and how many
 * benchmarks there are. With `applicableOnly`, only benchmarks that apply within the rounds in view
 * count (what a printed scorecard lists); otherwise every public benchmark the filters name.
 */
export function getSubsetMatrix(filters: DashboardFilters, options: { limit: number; applicableOnly?: boolean }, db: Db = getDb()): SubsetMatrix {
  const resolved = resolveFilters(db, filters);
  const roundsInView = listRoundsInView(db, resolved);
  const where = and(benchmarkConditions(db, resolved), options.applicableOnly ? appliesWithin(roundsInView) : undefined);
  const benchmarkCount = db.get<{ n: number }>(sql`select count(*) as n from ${benchmarks} where ${where ?? sql`1`}`)?.n ?? 0;
  const rows =
    options.limit > 0 && benchmarkCount > 0
      ? withScopes(
          db
          .select({
            id: benchmarks.id,
            slug: benchmarks.slug,
            title: benchmarks.title,
            categorySlug: categories.slug,
            categoryName: categories.name,
            categoryPosition: categories.position,
            addressee: benchmarks.addressee,
            appliesFromDate: rounds.startDate,
            retiredOn: benchmarks.retiredOn,
          })
          .from(benchmarks)
          .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
          .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
          .where(where)
          .orderBy(asc(categories.position), asc(categories.name), asc(rounds.startDate), asc(benchmarks.title), asc(benchmarks.id))
          .limit(options.limit)
          .all(),
          db,
        )
      : [];
  const roundIds = roundsInView.map((r) => r.id);
  const scoreRows =
    roundIds.length === 0
      ? []
      : inBatches(
          rows.map((b) => b.id),
          (batch) =>
            db
              .select({ benchmarkId: publishedScores.benchmarkId, roundId: publishedScores.roundId, status: publishedScores.status, isDemo: publishedScores.isDemo })
              .from(publishedScores)
              .where(and(inArray(publishedScores.benchmarkId, batch), inArray(publishedScores.roundId, roundIds)))
              .all(),
        );
  const hasDemo =
    scoreRows.some((s) => s.isDemo) ||
    (benchmarkCount > rows.length &&
      roundIds.length > 0 &&
      db.get<{ n: number }>(
        sql`select exists (select 1 from ${benchmarks} cross join ${publishedScores} on ${publishedScores.benchmarkId} = ${benchmarks.id}
            where ${where ?? sql`1`} and ${inArray(publishedScores.roundId, roundIds)} and ${publishedScores.isDemo} = 1) as n`,
      )?.n === 1);
  const redactor = getPublicRedactor(db);
  return {
    rounds: roundsInView,
    benchmarks: rows.map((b) => redactor.fields(b, ["title"])),
    scores: scoreRows.map(({ benchmarkId, roundId, status }) => ({ benchmarkId, roundId, status })),
    benchmarkCount,
    unmatched: resolved.unmatched,
    dataVersion: roundsInView.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo,
  };
}

/**
 * Figures per round in view over every benchmark of the view, however many: status counts from
 * the scores of those benchmarks (a score at or after a benchmark's retirement, or at a round whose
 * track its scope leaves out, does not count), applicable counts from their first round,
 * retirement and scope.
 */
export function getSubsetSeries(filters: DashboardFilters, db: Db = getDb()): Array<RoundSummary & { round: DashboardRound }> {
  const resolved = resolveFilters(db, filters);
  const roundsInView = listRoundsInView(db, resolved);
  if (roundsInView.length === 0) return [];
  const where = benchmarkConditions(db, resolved) ?? sql`1`;
  const counts = db.all<{ roundId: number; status: Status; n: number }>(
    sql`select ${publishedScores.roundId} as roundId, ${publishedScores.status} as status, count(*) as n
        from ${benchmarks} cross join ${publishedScores} on ${publishedScores.benchmarkId} = ${benchmarks.id}
        where ${where} and ${inArray(
          publishedScores.roundId,
          roundsInView.map((r) => r.id),
        )} and coalesce(${benchmarks.retiredOn} > (select r.start_date from ${rounds} r where r.id = ${publishedScores.roundId}), 1)
        and ${inScopeOf(sql`(select r.track_id from ${rounds} r where r.id = ${publishedScores.roundId})`)}
        group by 1, 2`,
  );
  const windows = db.all<{ id: number; appliesFromDate: string; retiredOn: string | null }>(
    sql`select ${benchmarks.id} as id, ${rounds.startDate} as appliesFromDate, ${benchmarks.retiredOn} as retiredOn
        from ${benchmarks} join ${rounds} on ${rounds.id} = ${benchmarks.appliesFromRoundId} where ${where}`,
  );
  const scoped = new Map<number, number[]>();
  for (const row of db.all<{ benchmarkId: number; trackId: number }>(
    // CROSS JOIN: from the view's benchmarks to their scopes, never the other way round through every scope.
    sql`select ${benchmarkTracks.benchmarkId} as benchmarkId, ${benchmarkTracks.trackId} as trackId
        from ${benchmarks} cross join ${benchmarkTracks} on ${benchmarkTracks.benchmarkId} = ${benchmarks.id} where ${where}`,
  )) {
    scoped.set(row.benchmarkId, [...(scoped.get(row.benchmarkId) ?? []), row.trackId]);
  }
  const scopedWindows = windows.map((w) => ({ ...w, scopeTrackIds: scoped.get(w.id) ?? [] }));
  return roundsInView.map((round) => {
    const tally = emptyTally();
    for (const c of counts) if (c.roundId === round.id && STATUSES.includes(c.status)) tally[c.status] += c.n;
    const applicable = scopedWindows.filter((w) => isApplicable(w, round)).length;
    return { round, ...summariseTally(tally, applicable) };
  });
}
