import "server-only";
// The published matrix of a view, whole: rounds × public benchmarks × scores. The tests' reference
// (lib/dashboard.ts buildDashboard computes every figure from it); pages read
// db/queries/dashboard-summary.ts, which stays fast at any size.
import { asc, eq, inArray } from "drizzle-orm";
import type { DashboardRound, MatrixBenchmark, MatrixScore } from "@/lib/dashboard";

export type { DashboardRound } from "@/lib/dashboard";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import type { Executor } from "../transaction";
import { benchmarks, categories, publishedScores, rounds, tracks } from "../schema";
import { benchmarkConditions, resolveFilters, roundConditions, type ResolvedFilters } from "./filters";
import { withScopes } from "./benchmark-scope";
import { getPublicRedactor } from "./public-text";
import { listPreliminaryRoundIds } from "./published-aggregates";
import { appliesFromDate } from "./shared";

export interface DashboardData {
  rounds: DashboardRound[];
  benchmarks: MatrixBenchmark[];
  scores: MatrixScore[];
  /** Filter values that name nothing in the database, for a message to the reader. */
  unmatched: string[];
  /** The latest publication time among the rounds in view: the data version. */
  dataVersion: string | null;
  hasDemo: boolean;
  preliminaryRoundIds: Set<number>;
}

/** The published matrix behind the dashboard: rounds × public benchmarks, narrowed by the filters. */
export async function getDashboardData(db: Executor, filters: DashboardFilters): Promise<DashboardData> {
  const resolved = await resolveFilters(db, filters);
  const roundRows = await listRoundsInView(db, resolved);

  const benchmarkRows = await withScopes(
    db,
    await db
    .select({
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
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(benchmarkConditions(db, resolved)),
  );

  const roundIds = roundRows.map((r) => r.id);
  const benchmarkIds = new Set(benchmarkRows.map((b) => b.id));
  const scoreRows =
    roundIds.length === 0
      ? []
      : (await db
          .select({
            benchmarkId: publishedScores.benchmarkId,
            roundId: publishedScores.roundId,
            status: publishedScores.status,
            isDemo: publishedScores.isDemo,
          })
          .from(publishedScores)
          .where(inArray(publishedScores.roundId, roundIds)))
          .filter((s) => benchmarkIds.has(s.benchmarkId));

  const redactor = await getPublicRedactor(db);
  return {
    rounds: roundRows,
    benchmarks: benchmarkRows.map((b) => redactor.fields(b, ["title", "titleZh"])),
    scores: scoreRows.map(({ benchmarkId, roundId, status }) => ({ benchmarkId, roundId, status })),
    unmatched: resolved.unmatched,
    dataVersion: roundRows.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: scoreRows.some((s) => s.isDemo),
    preliminaryRoundIds: await listPreliminaryRoundIds(db),
  };
}

/** The published rounds the filters keep, oldest first. */
export async function listRoundsInView(db: Executor, resolved: ResolvedFilters): Promise<DashboardRound[]> {
  return asPublished(await roundsInViewQuery(db, resolved));
}

const asPublished = <R extends { publishedAt: string | null }>(rows: R[]) => rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));

function roundsInViewQuery(db: Executor, resolved: ResolvedFilters) {
  return db
    .select({
      id: rounds.id,
      slug: rounds.slug,
      name: rounds.name,
      nameZh: rounds.nameZh,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      datePrecision: rounds.datePrecision,
      publishedAt: rounds.publishedAt,
      trackId: rounds.trackId,
      trackSlug: tracks.slug,
      trackName: tracks.name,
      trackNameZh: tracks.nameZh,
      trackShortName: tracks.shortName,
      trackShortNameZh: tracks.shortNameZh,
    })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(roundConditions(resolved))
    .orderBy(asc(rounds.startDate), asc(rounds.id));
}
