import "server-only";
import { and, asc, count, eq, gt, isNotNull, isNull, lte, max, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DatePrecision } from "@/lib/domain";
import { coverage, emptyTally, fulfilmentIndex, judgedCount, regressionRate, type StatusTally } from "@/lib/scoring";
import { getDb, type Db } from "../client";
import { benchmarks, publishedScores, rounds, tracks } from "../schema";

export interface RoundSummaryRow {
  id: number;
  slug: string;
  name: string;
  location: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  publishedAt: string | null;
  trackName: string;
  trackShortName: string;
  /** Benchmarks that apply at this round (not confidential, not yet retired): the coverage denominator. */
  applicable: number;
  tally: StatusTally;
  /** met + partial + not met + regressed: the index denominator. */
  judged: number;
  index: number | null;
  coverage: number | null;
  regressionRate: number | null;
  /** True when any published score counted here is demo data. */
  hasDemo: boolean;
}

const appliesFrom = alias(rounds, "applies_from");

/** The join condition "benchmark b applies at round r", shared by both aggregates so they cannot drift apart. */
const appliesAtRound = and(
  eq(benchmarks.confidential, false),
  or(isNull(benchmarks.retiredOn), gt(benchmarks.retiredOn, rounds.startDate)),
);

/** One row per round in date order, ready to plot: counts of published statuses and the figures built on them. */
export function listRoundSummaries(db: Db = getDb()): RoundSummaryRow[] {
  const roundRows = db
    .select({
      id: rounds.id,
      slug: rounds.slug,
      name: rounds.name,
      location: rounds.location,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      datePrecision: rounds.datePrecision,
      publishedAt: rounds.publishedAt,
      trackName: tracks.name,
      trackShortName: tracks.shortName,
    })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all();

  const applicableRows = db
    .select({ roundId: rounds.id, applicable: count() })
    .from(rounds)
    .innerJoin(benchmarks, appliesAtRound)
    .innerJoin(appliesFrom, and(eq(appliesFrom.id, benchmarks.appliesFromRoundId), lte(appliesFrom.startDate, rounds.startDate)))
    .groupBy(rounds.id)
    .all();

  const statusRows = db
    .select({
      roundId: rounds.id,
      status: publishedScores.status,
      n: count(),
      anyDemo: max(publishedScores.isDemo),
    })
    .from(publishedScores)
    .innerJoin(rounds, and(eq(rounds.id, publishedScores.roundId), isNotNull(rounds.publishedAt)))
    .innerJoin(benchmarks, and(eq(benchmarks.id, publishedScores.benchmarkId), appliesAtRound))
    .innerJoin(appliesFrom, and(eq(appliesFrom.id, benchmarks.appliesFromRoundId), lte(appliesFrom.startDate, rounds.startDate)))
    .groupBy(rounds.id, publishedScores.status)
    .all();

  const applicableByRound = new Map(applicableRows.map((r) => [r.roundId, r.applicable]));
  const tallies = new Map<number, { tally: StatusTally; hasDemo: boolean }>();
  for (const row of statusRows) {
    const entry = tallies.get(row.roundId) ?? { tally: emptyTally(), hasDemo: false };
    entry.tally[row.status] += row.n;
    entry.hasDemo ||= Boolean(row.anyDemo);
    tallies.set(row.roundId, entry);
  }

  return roundRows.map((round) => {
    const applicable = applicableByRound.get(round.id) ?? 0;
    const { tally, hasDemo } = tallies.get(round.id) ?? { tally: emptyTally(), hasDemo: false };
    return {
      ...round,
      applicable,
      tally,
      judged: judgedCount(tally),
      index: fulfilmentIndex(tally),
      coverage: coverage(tally, applicable),
      regressionRate: regressionRate(tally),
      hasDemo,
    };
  });
}
