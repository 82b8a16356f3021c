import "server-only";
import { and, count, eq, gte, inArray, isNotNull, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { ADDRESSEES } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { NEVER } from "../dialect";
import type { Executor } from "../transaction";
import { benchmarkSources, benchmarks, benchmarkSubjects, categories, publicBenchmarks, rounds, statements, subjects, tracks } from "../schema";
import { isPublicBenchmark, isPublicSource, isPublicStatement } from "./shared";

export interface ResolvedFilters {
  filters: DashboardFilters;
  trackId?: number;
  categoryId?: number;
  statementId?: number;
  subjectId?: number;
  fromDate?: string;
  toDate?: string;
  /** Filter values that name nothing public: the view is empty for them, and the reader is told. */
  unmatched: string[];
  /** True when a filter names nothing, so nothing can match. */
  matchesNothing: boolean;
  /**
   * The statement filter tested benchmark by benchmark (EXISTS) rather than its benchmarks read by id
   * (IN): set when the category or addressee filters narrow to fewer benchmarks than the statement
   * raised. A statement of 23,000 demands narrowed to one category and addressee then reads ~1,000
   * benchmarks, not 23,000 links (statementCondition).
   */
  statementPerBenchmark?: boolean;
}

/** Turns the URL's slugs into ids once; a slug naming nothing (or something confidential) is reported, never guessed. */
export async function resolveFilters(db: Executor, filters: DashboardFilters): Promise<ResolvedFilters> {
  const resolved: ResolvedFilters = { filters, unmatched: [], matchesNothing: false };
  for (const lookup of filterLookups(db, filters)) settle(resolved, lookup, (await lookup.query)[0]);
  const { addressee } = filters;
  const narrowed = resolved.categoryId !== undefined || (addressee !== undefined && ADDRESSEES.includes(addressee));
  if (resolved.statementId !== undefined && narrowed && !resolved.matchesNothing) {
    // Two index counts, the second stopped past the first: which set is the smaller one to start from.
    const [inCategory] = await db
      .select({ n: count() })
      .from(publicBenchmarks)
      .where(
        and(
          resolved.categoryId !== undefined ? eq(publicBenchmarks.categoryId, resolved.categoryId) : undefined,
          addressee && ADDRESSEES.includes(addressee) ? eq(publicBenchmarks.addressee, addressee) : undefined,
        ),
      );
    const narrowedTo = inCategory?.n ?? 0;
    const firstLinks = db.select({ one: benchmarkSources.benchmarkId }).from(benchmarkSources).where(eq(benchmarkSources.statementId, resolved.statementId)).limit(narrowedTo + 1).as("first_links");
    const [links] = await db.select({ n: count() }).from(firstLinks);
    resolved.statementPerBenchmark = (links?.n ?? 0) > narrowedTo;
  }
  return resolved;
}

/**
 * The benchmarks the statement filter keeps, as a condition on a column holding benchmark ids: its
 * public links read by id (IN), or each benchmark tested for one (EXISTS) when the other filters
 * leave fewer benchmarks than the statement has links (ResolvedFilters.statementPerBenchmark).
 */
export function statementCondition(db: Executor, r: ResolvedFilters & { statementId: number }, benchmarkId: SQLWrapper): SQL {
  if (r.statementPerBenchmark) {
    return sql`exists (select 1 from ${benchmarkSources} where ${benchmarkSources.benchmarkId} = ${benchmarkId} and ${benchmarkSources.statementId} = ${r.statementId} and ${isPublicSource})`;
  }
  return sql`${benchmarkId} in ${db.select({ id: benchmarkSources.benchmarkId }).from(benchmarkSources).where(and(eq(benchmarkSources.statementId, r.statementId), isPublicSource))}`;
}

type ResolvedKey = "trackId" | "categoryId" | "statementId" | "subjectId" | "fromDate" | "toDate";

interface FilterLookup {
  /** The filter's name, as the reader is told when its value names nothing. */
  filter: string;
  value: string;
  into: ResolvedKey;
  /** A select of at most one row, run when awaited. */
  query: PromiseLike<Array<{ value: number | string }>>;
}

/** One lookup per filter given: the id (or, for a round bound, the start date) its slug names in public. */
function filterLookups(db: Executor, filters: DashboardFilters): FilterLookup[] {
  const lookups: FilterLookup[] = [];
  const idBySlug = (table: typeof tracks | typeof categories, slug: string) => db.select({ value: table.id }).from(table).where(eq(table.slug, slug)).limit(1);
  if (filters.track) lookups.push({ filter: "track", value: filters.track, into: "trackId", query: idBySlug(tracks, filters.track) });
  if (filters.category) lookups.push({ filter: "category", value: filters.category, into: "categoryId", query: idBySlug(categories, filters.category) });
  if (filters.statement) {
    const query = db.select({ value: statements.id }).from(statements).where(and(eq(statements.slug, filters.statement), isPublicStatement)).limit(1);
    lookups.push({ filter: "statement", value: filters.statement, into: "statementId", query });
  }
  if (filters.subject) {
    const query = db.select({ value: subjects.id }).from(subjects).where(and(eq(subjects.slug, filters.subject), eq(subjects.confidential, false))).limit(1);
    lookups.push({ filter: "subject", value: filters.subject, into: "subjectId", query });
  }
  for (const key of ["from", "to"] as const) {
    const slug = filters[key];
    if (!slug) continue;
    // Only published rounds bound a public view: an unpublished one answers as if it did not exist.
    const query = db.select({ value: rounds.startDate }).from(rounds).where(and(eq(rounds.slug, slug), isNotNull(rounds.publishedAt))).limit(1);
    lookups.push({ filter: key, value: slug, into: key === "from" ? "fromDate" : "toDate", query });
  }
  return lookups;
}

function settle(resolved: ResolvedFilters, lookup: FilterLookup, row: { value: number | string } | undefined): void {
  if (row) {
    Object.assign(resolved, { [lookup.into]: row.value });
    return;
  }
  resolved.unmatched.push(`${lookup.filter}: nothing is called “${lookup.value}”`);
  resolved.matchesNothing = true;
}

/** The filter values that name nothing public, each as the reader is told: for deciding whether a view is worth caching. */
export async function findUnmatchedFilters(db: Executor, filters: DashboardFilters): Promise<string[]> {
  return (await resolveFilters(db, filters)).unmatched;
}

/** Published rounds in view. */
export function roundConditions(r: ResolvedFilters): SQL | undefined {
  return and(
    isNotNull(rounds.publishedAt),
    r.trackId !== undefined ? eq(rounds.trackId, r.trackId) : undefined,
    r.fromDate ? gte(rounds.startDate, r.fromDate) : undefined,
    r.toDate ? lte(rounds.startDate, r.toDate) : undefined,
    r.matchesNothing ? NEVER : undefined,
  );
}

/** Public benchmarks in view. */
export function benchmarkConditions(db: Executor, r: ResolvedFilters): SQL | undefined {
  const { addressee } = r.filters;
  return and(
    isPublicBenchmark,
    r.categoryId !== undefined ? eq(benchmarks.categoryId, r.categoryId) : undefined,
    addressee && ADDRESSEES.includes(addressee) ? eq(benchmarks.addressee, addressee) : undefined,
    // Mostly IN rather than EXISTS: the few benchmarks of one statement or person are then read by id,
    // instead of every benchmark being tested for a link (statementCondition).
    r.statementId !== undefined ? statementCondition(db, { ...r, statementId: r.statementId }, benchmarks.id) : undefined,
    r.subjectId !== undefined
      ? inArray(benchmarks.id, db.select({ id: benchmarkSubjects.benchmarkId }).from(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, r.subjectId)))
      : undefined,
    r.matchesNothing ? NEVER : undefined,
  );
}
