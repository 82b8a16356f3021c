import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DashboardRound, MatrixBenchmark, MatrixScore } from "@/lib/dashboard";

export type { DashboardRound } from "@/lib/dashboard";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import { benchmarks, categories, publishedScores, rounds, tracks } from "../schema";
import { benchmarkConditions, resolveFiltersSync as resolveFilters, roundConditions, type ResolvedFilters } from "./filters";
import { withScopes } from "./benchmark-scope";
import { getPublicRedactorSync as getPublicRedactor } from "./public-text";
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
export function getDashboardData(filters: DashboardFilters, db: Db = getDb()): DashboardData {
  const resolved = resolveFilters(db, filters);
  const roundRows = listRoundsInView(db, resolved);

  const benchmarkRows = withScopes(
    db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      categorySlug: categories.slug,
      categoryName: categories.name,
      categoryPosition: categories.position,
      addressee: benchmarks.addressee,
      appliesFromDate,
      retiredOn: benchmarks.retiredOn,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(benchmarkConditions(db, resolved))
    .all(),
    db,
  );

  const roundIds = roundRows.map((r) => r.id);
  const benchmarkIds = new Set(benchmarkRows.map((b) => b.id));
  const scoreRows =
    roundIds.length === 0
      ? []
      : db
          .select({
            benchmarkId: publishedScores.benchmarkId,
            roundId: publishedScores.roundId,
            status: publishedScores.status,
            isDemo: publishedScores.isDemo,
          })
          .from(publishedScores)
          .where(inArray(publishedScores.roundId, roundIds))
          .all()
          .filter((s) => benchmarkIds.has(s.benchmarkId));

  const redactor = getPublicRedactor(db);
  return {
    rounds: roundRows,
    benchmarks: benchmarkRows.map((b) => redactor.fields(b, ["title"])),
    scores: scoreRows.map(({ benchmarkId, roundId, status }) => ({ benchmarkId, roundId, status })),
    unmatched: resolved.unmatched,
    dataVersion: roundRows.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: scoreRows.some((s) => s.isDemo),
    preliminaryRoundIds: listPreliminaryRoundIds(db),
  };
}

/** The published rounds the filters keep, oldest first. */
export function listRoundsInView(db: Db, resolved: ResolvedFilters): DashboardRound[] {
  return db
    .select({
      id: rounds.id,
      slug: rounds.slug,
      name: rounds.name,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      datePrecision: rounds.datePrecision,
      publishedAt: rounds.publishedAt,
      trackId: rounds.trackId,
      trackSlug: tracks.slug,
      trackName: tracks.name,
      trackShortName: tracks.shortName,
    })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(roundConditions(resolved))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}
