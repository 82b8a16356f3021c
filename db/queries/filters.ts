import "server-only";
import { and, eq, gte, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { ADDRESSEES } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import type { Db } from "../client";
import { benchmarkSources, benchmarks, benchmarkSubjects, categories, rounds, statements, subjects, tracks } from "../schema";
import { isPublicBenchmark, isPublicStatement } from "./shared";

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
}

/** Turns the URL's slugs into ids once; a slug naming nothing (or something confidential) is reported, never guessed. */
export function resolveFilters(db: Db, filters: DashboardFilters): ResolvedFilters {
  const resolved: ResolvedFilters = { filters, unmatched: [], matchesNothing: false };
  const miss = (key: string, value: string) => {
    resolved.unmatched.push(`${key}: nothing is called “${value}”`);
    resolved.matchesNothing = true;
  };
  const idBySlug = (table: typeof tracks | typeof categories, slug: string) => db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()?.id;
  if (filters.track) resolved.trackId = idBySlug(tracks, filters.track) ?? (miss("track", filters.track), undefined);
  if (filters.category) resolved.categoryId = idBySlug(categories, filters.category) ?? (miss("category", filters.category), undefined);
  if (filters.statement) {
    resolved.statementId =
      db.select({ id: statements.id }).from(statements).where(and(eq(statements.slug, filters.statement), isPublicStatement)).get()?.id ?? (miss("statement", filters.statement), undefined);
  }
  if (filters.subject) {
    resolved.subjectId =
      db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.slug, filters.subject), eq(subjects.confidential, false))).get()?.id ??
      (miss("subject", filters.subject), undefined);
  }
  for (const key of ["from", "to"] as const) {
    const slug = filters[key];
    if (!slug) continue;
    // Only published rounds bound a public view: an unpublished one answers as if it did not exist.
    const date = db.select({ startDate: rounds.startDate }).from(rounds).where(and(eq(rounds.slug, slug), isNotNull(rounds.publishedAt))).get()?.startDate;
    if (date) resolved[key === "from" ? "fromDate" : "toDate"] = date;
    else miss(key, slug);
  }
  return resolved;
}

/** Published rounds in view. */
export function roundConditions(r: ResolvedFilters): SQL | undefined {
  return and(
    isNotNull(rounds.publishedAt),
    r.trackId !== undefined ? eq(rounds.trackId, r.trackId) : undefined,
    r.fromDate ? gte(rounds.startDate, r.fromDate) : undefined,
    r.toDate ? lte(rounds.startDate, r.toDate) : undefined,
    r.matchesNothing ? sql`0` : undefined,
  );
}

/** Public benchmarks in view. */
export function benchmarkConditions(db: Db, r: ResolvedFilters): SQL | undefined {
  const { addressee } = r.filters;
  return and(
    isPublicBenchmark,
    r.categoryId !== undefined ? eq(benchmarks.categoryId, r.categoryId) : undefined,
    addressee && ADDRESSEES.includes(addressee) ? eq(benchmarks.addressee, addressee) : undefined,
    // IN rather than EXISTS: the few benchmarks of one statement or person are then read by id,
    // instead of every benchmark being tested for a link.
    r.statementId !== undefined
      ? inArray(benchmarks.id, db.select({ id: benchmarkSources.benchmarkId }).from(benchmarkSources).where(and(eq(benchmarkSources.statementId, r.statementId), eq(benchmarkSources.reviewState, "approved"))))
      : undefined,
    r.subjectId !== undefined
      ? inArray(benchmarks.id, db.select({ id: benchmarkSubjects.benchmarkId }).from(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, r.subjectId)))
      : undefined,
    r.matchesNothing ? sql`0` : undefined,
  );
}
