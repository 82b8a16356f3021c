import { and, eq, sql, type SQL } from "drizzle-orm";
import { ALWAYS, LOWEST_INTEGER, differsFromLiteral, isFalse, isTrue, unindexed } from "../dialect";
import { benchmarks, benchmarkSources, benchmarkSubjects, rounds, statements, subjectEvents, subjects } from "../schema";
import { inScopeOf } from "./benchmark-scope";

/**
 * The start date of the round a benchmark applies from, as a column expression. Queries that select
 * it must join `rounds` on `benchmarks.applies_from_round_id`, or use this subquery form.
 */
export const appliesFromDate = sql<string>`(select ${rounds.startDate} from ${rounds} where ${rounds.id} = ${benchmarks.appliesFromRoundId})`.as(
  "applies_from_date",
);

// A literal, not a bound value, so that SQLite can answer it from the partial index benchmarks_unapproved_idx.
const unapproved = (column: typeof benchmarks.reviewState): SQL => differsFromLiteral(column, "approved");

/**
 * Benchmarks the public may not see: confidential ones, those about a confidential person or law,
 * whose name their title would otherwise give away; those that apply from a round not yet
 * published, whose first round would name it (they have no public score before it is published);
 * and drafts an editor has not approved (rejected and merged ones included). A small set, read
 * once per statement: testing each benchmark against it costs far less than a lookup in
 * benchmark_subjects per row.
 */
export const hiddenBenchmarkSelect = sql`select ${benchmarks.id} from ${benchmarks} where ${isTrue(benchmarks.confidential)}
  union select ${benchmarkSubjects.benchmarkId} from ${benchmarkSubjects} join ${subjects} on ${subjects.id} = ${benchmarkSubjects.subjectId} where ${isTrue(subjects.confidential)}
  union select ${benchmarks.id} from ${benchmarks} where ${benchmarks.appliesFromRoundId} in (select ${rounds.id} from ${rounds} where ${rounds.publishedAt} is null)
  union select ${benchmarks.id} from ${benchmarks} where ${unapproved(benchmarks.reviewState)}`;
export const hiddenBenchmarkIds = sql`(${hiddenBenchmarkSelect})`;

/**
 * A statement the public may see: approved by an editor and not hidden because it names a
 * confidential item. Public statement queries select with it (statements_public_date_idx).
 */
export const isPublicStatement = sql`${statements.reviewState} = 'approved' and ${isFalse(statements.withheld)}`;

/**
 * A statement's restated demand the public may see: the link approved and not hidden, and its
 * statement public (the benchmark itself is checked with isPublicBenchmark). The statement is looked
 * up by its key, so it needs no join and no query scans the statements for hidden ones.
 */
export const isPublicSource = sql`${benchmarkSources.reviewState} = 'approved' and ${isFalse(benchmarkSources.withheld)}
  and not exists (select 1 from ${statements} as "hidden_statement" where "hidden_statement"."id" = ${benchmarkSources.statementId}
    and (${isTrue(sql`"hidden_statement"."withheld"`)} or "hidden_statement"."review_state" <> 'approved'))`;

/** A benchmark the public may see. Every public query selects benchmarks with it. */
export const isPublicBenchmark = and(eq(benchmarks.confidential, false), sql`${benchmarks.id} not in ${hiddenBenchmarkIds}`)!;

/** A dated event of a public subject the public may see. */
export const isPublicEvent = eq(subjectEvents.withheld, false);

/**
 * A benchmark applies at a round from its first round until it is retired, at the rounds of the
 * tracks in its scope (lib/scoring isApplicable). For lists that walk benchmarks in an order index:
 * the unary + keeps SQLite from answering it with the index on applies_from_round_id instead, which
 * would read every applicable benchmark and sort them all before the first row of a page.
 */
export function appliesAt(round: { startDate: string; trackId: number }): SQL {
  return sql`${unindexed(benchmarks.appliesFromRoundId)} in (select ${rounds.id} from ${rounds} where ${rounds.startDate} <= ${round.startDate}) and coalesce(${benchmarks.retiredOn} > ${round.startDate}, ${ALWAYS}) and ${inScopeOf(round.trackId)}`;
}

/**
 * Always true for an integer position. A `categories.position >= ANY_POSITION` range makes SQLite walk
 * categories through categories_position_idx, in position order, and each category's benchmarks
 * through benchmarks_category_title_idx: a list in category/title order then needs no sort of every
 * benchmark (without it the planner scans categories in slug order and sorts everything).
 */
export const ANY_POSITION = LOWEST_INTEGER;

/**
 * Runs a query once per batch of ids and concatenates the rows: SQLite allows at most 32,766
 * bound parameters, and a round at scale has far more benchmarks than that.
 */
export async function inBatches<T>(ids: readonly number[], query: (batch: number[]) => PromiseLike<T[]>, size = 10_000): Promise<T[]> {
  const results: Array<PromiseLike<T[]>> = [];
  for (let i = 0; i < ids.length; i += size) results.push(query(ids.slice(i, i + size)));
  return (await Promise.all(results)).flat();
}
