import { and, eq, notExists, sql } from "drizzle-orm";
import { benchmarks, benchmarkSubjects, rounds, subjects } from "../schema";

/**
 * The start date of the round a benchmark applies from, as a column expression. Queries that select
 * it must join `rounds` on `benchmarks.applies_from_round_id`, or use this subquery form.
 */
export const appliesFromDate = sql<string>`(select ${rounds.startDate} from ${rounds} where ${rounds.id} = ${benchmarks.appliesFromRoundId})`.as(
  "applies_from_date",
);

/**
 * A benchmark the public may see: not confidential itself, and not about a confidential person or
 * law, whose name its title would otherwise give away. Every public query selects benchmarks with it.
 */
export const isPublicBenchmark = and(
  eq(benchmarks.confidential, false),
  notExists(
    sql`(select 1 from ${benchmarkSubjects} join ${subjects} on ${subjects.id} = ${benchmarkSubjects.subjectId} where ${benchmarkSubjects.benchmarkId} = ${benchmarks.id} and ${subjects.confidential} = 1)`,
  ),
)!;

/**
 * Runs a query once per batch of ids and concatenates the rows: SQLite allows at most 32,766
 * bound parameters, and a round at scale has far more benchmarks than that.
 */
export function inBatches<T>(ids: readonly number[], query: (batch: number[]) => T[], size = 10_000): T[] {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += size) rows.push(...query(ids.slice(i, i + size)));
  return rows;
}
