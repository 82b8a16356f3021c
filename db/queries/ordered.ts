import "server-only";
// Benchmark ids in list order (category position, then title; or title), a page at a time, read the
// two ways SQLite can do it fast. Callers pick per page which is cheaper and fetch the rows' details
// by id afterwards, so a page never sorts or reads more than it needs.
import { sql, type SQL } from "drizzle-orm";
import type { Status } from "@/lib/domain";
import { ALWAYS, joinInOrder, allRows } from "../dialect";
import type { Executor } from "../transaction";
import { benchmarks, categories, publishedScores } from "../schema";
import { ANY_POSITION } from "./shared";

export type ListOrder = "category" | "title";

export interface IdPage {
  limit: number;
  offset: number;
}

/** `limit … offset …` for a page; no clause at all for every row. */
const pageClause = (page: IdPage | undefined): SQL => (page ? sql` limit ${page.limit} offset ${page.offset}` : sql``);

/**
 * Benchmark-driven: walk benchmarks in the order an index holds (categories by position, each one's
 * benchmarks by title; or all by title) and keep those `where` accepts. Nothing is sorted: the cost
 * is the rows walked, about offset + limit ÷ (share kept), which suits early pages and loose filters.
 * `where` may only name the benchmarks table (and subqueries).
 */
export async function idsInBenchmarkOrder(db: Executor, where: SQL, order: ListOrder, page?: IdPage): Promise<number[]> {
  return (await allRows<{ id: number }>(db, benchmarkOrderQuery(where, order, page))).map((r) => r.id);
}

function benchmarkOrderQuery(where: SQL, order: ListOrder, page: IdPage | undefined): SQL {
  return order === "category"
    ? sql`select ${benchmarks.id} as id from ${categories} ${joinInOrder(benchmarks, sql`${benchmarks.categoryId} = ${categories.id}`)}
            where ${categories.position} >= ${ANY_POSITION} and ${where}
            order by ${categories.position}, ${categories.id}, ${benchmarks.title}, ${benchmarks.id}${pageClause(page)}`
    : sql`select ${benchmarks.id} as id from ${benchmarks} where ${where} order by ${benchmarks.title}, ${benchmarks.id}${pageClause(page)}`;
}

/**
 * Score-driven: read one round's scores (of one status, or all) from the indexes on
 * published_scores, look up their benchmarks and sort those. The cost is the round's (or status's)
 * size whatever the page, which suits deep pages and narrow statuses.
 */
export async function idsOfRoundScores(db: Executor, roundId: number, status: Status | undefined, where: SQL, order: ListOrder, page: IdPage): Promise<number[]> {
  return (await allRows<{ id: number }>(db, roundScoresQuery(roundId, status, where, order, page))).map((r) => r.id);
}

function roundScoresQuery(roundId: number, status: Status | undefined, where: SQL, order: ListOrder, page: IdPage): SQL {
  const byCategory = order === "category";
  return sql`select ${benchmarks.id} as id from ${publishedScores} ${joinInOrder(benchmarks, sql`${benchmarks.id} = ${publishedScores.benchmarkId}`)}
          ${byCategory ? joinInOrder(categories, sql`${categories.id} = ${benchmarks.categoryId}`) : sql``}
          where ${publishedScores.roundId} = ${roundId} ${status ? sql`and ${publishedScores.status} = ${status}` : sql``} and ${where}
          order by ${byCategory ? sql`${categories.position}, ${categories.id}, ` : sql``}${benchmarks.title}, ${benchmarks.id}${pageClause(page)}`;
}

/**
 * Which way to read a page of `matching` rows out of `scope` candidates: walking benchmarks costs a
 * few µs per row walked (a score lookup each), reading scores about a fifth of that per score.
 */
export function walkBenchmarks(page: IdPage, matching: number, scope: number): boolean {
  if (matching <= 0) return true;
  const walked = ((page.offset + page.limit) * Math.max(scope, matching)) / matching;
  return walked * 5 <= matching;
}

/** `a and b and …`, leaving out the parts that are undefined. */
export function allOf(...parts: Array<SQL | undefined>): SQL {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql.join(present, sql` and `) : ALWAYS;
}

/** The benchmark has a published score at the round (of the status, if given). */
export function hasScore(roundId: number, status?: Status): SQL {
  return sql`exists (select 1 from ${publishedScores} where ${publishedScores.benchmarkId} = ${benchmarks.id} and ${publishedScores.roundId} = ${roundId}${status ? sql` and ${publishedScores.status} = ${status}` : sql``})`;
}
