import "server-only";
// A round's scorecard one page at a time. At scale a round has ~100,000 applicable benchmarks: the
// figures come from the published tallies, and a page reads only its own rows, in an order an index
// already holds wherever it can (see db/queries/query-plans.test.ts for the plans).
import { asc, eq, inArray, sql, sum, type SQL } from "drizzle-orm";
import { STATUSES, type Addressee, type Status } from "@/lib/domain";
import { emptyTally, type StatusTally } from "@/lib/scoring";
import { benchmarks, categories, publicTallies } from "../schema";
import { allOf, hasScore, idsInBenchmarkOrder, idsOfRoundScores, walkBenchmarks, type IdPage, type ListOrder } from "./ordered";
import { getPublicRedactor } from "./public-text";
import { appliesAt, isPublicBenchmark } from "./shared";
import type { Executor } from "../transaction";
import { firstRow } from "../dialect";

export type ScorecardSort = "category" | "status" | "title";

export interface ScorecardRound {
  id: number;
  startDate: string;
  trackId: number;
}

export interface ScorecardFilter {
  sort: ScorecardSort;
  status?: Status;
  /** A category id; -1 for a category that does not exist, which matches nothing. */
  categoryId?: number;
}

interface Figures {
  /** Published statuses of the public benchmarks that apply at the round. */
  tally: StatusTally;
  /** Public benchmarks that apply at the round, scored or not. */
  applicable: number;
}

export interface RoundTally extends Figures {
  hasDemo: boolean;
  /** The same figures for each category of the round. */
  byCategory: Map<number, Figures>;
}

/** The order in which a scorecard sorted by status lists them; benchmarks not yet scored come last. */
export const SCORECARD_STATUS_ORDER: readonly Status[] = ["met", "partial", "not_met", "regressed", "unknown"];

/**
 * The round's figures, whole and per category, from the published tallies (per round × category ×
 * addressee, kept current by the writers: db/commands/published-aggregates.ts) — a few dozen rows
 * instead of ~100,000 scores.
 */
export async function getRoundTally(db: Executor, round: ScorecardRound): Promise<RoundTally> {
  const rows = await db
    .select({
      categoryId: publicTallies.categoryId,
      applicable: sum(publicTallies.applicable),
      met: sum(publicTallies.met),
      partial: sum(publicTallies.partial),
      notMet: sum(publicTallies.notMet),
      regressed: sum(publicTallies.regressed),
      unknown: sum(publicTallies.unknown),
      demo: sum(publicTallies.demo),
    })
    .from(publicTallies)
    .where(eq(publicTallies.roundId, round.id))
    .groupBy(publicTallies.categoryId);
  const total: RoundTally = { tally: emptyTally(), applicable: 0, hasDemo: false, byCategory: new Map() };
  for (const row of rows) {
    const figures = { applicable: Number(row.applicable), tally: { met: Number(row.met), partial: Number(row.partial), not_met: Number(row.notMet), regressed: Number(row.regressed), unknown: Number(row.unknown) } };
    total.byCategory.set(row.categoryId, figures);
    total.applicable += figures.applicable;
    for (const s of STATUSES) total.tally[s] += figures.tally[s];
    if (Number(row.demo) > 0) total.hasDemo = true;
  }
  return total;
}

/** How many rows of each status a view holds; `null` counts the applicable benchmarks not yet scored. */
export type ScopeCounts = Map<Status | null, number>;

/** Status counts within the view's scope: the whole round, or one category of it. */
export function countScorecardScope(filter: ScorecardFilter, roundTally: RoundTally): ScopeCounts {
  const figures = filter.categoryId === undefined ? roundTally : (roundTally.byCategory.get(filter.categoryId) ?? { tally: emptyTally(), applicable: 0 });
  const scored = STATUSES.reduce((n, s) => n + figures.tally[s], 0);
  return new Map<Status | null, number>([...STATUSES.map((s) => [s, figures.tally[s]] as const), [null, figures.applicable - scored]]);
}

/** Rows in the view: the whole scope, or the rows of one status. */
export function viewTotal(filter: ScorecardFilter, scope: ScopeCounts): number {
  if (filter.status) return scope.get(filter.status) ?? 0;
  return [...scope.values()].reduce((a, b) => a + b, 0);
}

type Segment = { status?: Status | null; order: ListOrder };

/** The view's benchmarks at the round (and of the segment's status): what both ways of reading filter on. */
function segmentConditions(round: ScorecardRound, filter: ScorecardFilter): SQL {
  return allOf(appliesAt(round), isPublicBenchmark, filter.categoryId !== undefined ? sql`${benchmarks.categoryId} = ${filter.categoryId}` : undefined);
}

async function idsOfSegment(db: Executor, round: ScorecardRound, filter: ScorecardFilter, scope: ScopeCounts, segment: Segment, page: IdPage): Promise<number[]> {
  const where = segmentConditions(round, filter);
  const status = segment.status;
  if (status === undefined) return idsInBenchmarkOrder(db, where, segment.order, page);
  if (status === null) return idsInBenchmarkOrder(db, allOf(where, sql`not ${hasScore(round.id)}`), segment.order, page);
  const matching = scope.get(status) ?? 0;
  if (page.offset >= matching) return [];
  const scopeSize = [...scope.values()].reduce((a, b) => a + b, 0);
  return walkBenchmarks(page, matching, scopeSize)
    ? idsInBenchmarkOrder(db, allOf(where, hasScore(round.id, status)), segment.order, page)
    : idsOfRoundScores(db, round.id, status, where, segment.order, page);
}

/** The benchmark ids on one page of the view, in the view's order. */
export async function listScorecardPageIds(
  db: Executor,
  round: ScorecardRound,
  filter: ScorecardFilter,
  scope: ScopeCounts,
  page: { offset: number; limit: number },
): Promise<number[]> {
  if (filter.status || filter.sort !== "status") {
    const order = filter.sort === "category" ? "category" : "title";
    return idsOfSegment(db, round, filter, scope, { status: filter.status, order }, page);
  }
  // Sorted by status: the page spans one or more status segments, each in title order.
  const ids: number[] = [];
  let start = 0;
  for (const status of [...SCORECARD_STATUS_ORDER, null]) {
    const size = scope.get(status) ?? 0;
    const from = Math.max(page.offset + ids.length - start, 0);
    if (size > 0 && from < size && ids.length < page.limit) {
      ids.push(...(await idsOfSegment(db, round, filter, scope, { status, order: "title" }, { offset: from, limit: page.limit - ids.length })));
    }
    start += size;
    if (ids.length >= page.limit) break;
  }
  return ids;
}

export interface ScorecardBenchmark {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  addressee: Addressee;
  categorySlug: string;
  categoryName: string;
  categoryNameZh: string | null;
}

/** The benchmarks behind a page of ids, in the order of the ids. */
export async function listScorecardBenchmarks(db: Executor, ids: number[]): Promise<ScorecardBenchmark[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      titleZh: benchmarks.titleZh,
      addressee: benchmarks.addressee,
      categorySlug: categories.slug,
      categoryName: categories.name,
      categoryNameZh: categories.nameZh,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(inArray(benchmarks.id, ids));
  const redactor = await getPublicRedactor(db);
  const byId = new Map(rows.map((r) => [r.id, redactor.fields(r, ["title", "titleZh"])]));
  return ids.map((id) => byId.get(id)).filter((b): b is ScorecardBenchmark => b !== undefined);
}

/** Categories with at least one public benchmark that applies at the round, for the filter. */
export async function listScorecardCategories(db: Executor, round: ScorecardRound): Promise<Array<{ id: number; slug: string; name: string; nameZh: string | null }>> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, nameZh: categories.nameZh })
    .from(categories)
    .where(
      sql`exists (select 1 from ${benchmarks} where ${benchmarks.categoryId} = ${categories.id} and ${appliesAt(round)} and ${isPublicBenchmark})`,
    )
    .orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategoryId(db: Executor, slug: string): Promise<number | undefined> {
  return (await firstRow(db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1)))?.id;
}
