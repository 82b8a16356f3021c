import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Addressee, DatePrecision, StatementKind, SubjectKind } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { benchmarks, benchmarkSources, benchmarkSubjects, categories, rounds, statements, subjects } from "../schema";
import { benchmarkConditions, type ResolvedFilters } from "./filters";
import { idsInBenchmarkOrder } from "./ordered";
import { hiddenBenchmarkSelect, inBatches, isPublicBenchmark, isPublicSource } from "./shared";

export interface PublicBenchmark {
  id: number;
  slug: string;
  title: string;
  addressee: Addressee;
  categorySlug: string;
  categoryName: string;
  appliesFromSlug: string;
  appliesFromName: string;
  appliesFromDate: string;
  retiredOn: string | null;
  retiredReason: string | null;
}

/** A benchmark the public may see; undefined for a confidential or missing one. */
export function getPublicBenchmark(slug: string, db: Db = getDb()): PublicBenchmark | undefined {
  return db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      addressee: benchmarks.addressee,
      categorySlug: categories.slug,
      categoryName: categories.name,
      appliesFromSlug: rounds.slug,
      appliesFromName: rounds.name,
      appliesFromDate: rounds.startDate,
      retiredOn: benchmarks.retiredOn,
      retiredReason: benchmarks.retiredReason,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(and(eq(benchmarks.slug, slug), isPublicBenchmark))
    .get();
}

export interface BenchmarkSource {
  benchmarkId: number;
  demand: string;
  statementSlug: string;
  statementTitle: string;
  statementKind: StatementKind;
  statementDate: string;
  statementDatePrecision: DatePrecision;
}

/** The approved statements that raised the benchmarks, as the public sees them. */
export function listBenchmarkSources(benchmarkIds: number[], db: Db = getDb()): BenchmarkSource[] {
  return inBatches(benchmarkIds, (batch) =>
    db
      .select({
        benchmarkId: benchmarkSources.benchmarkId,
        demand: benchmarkSources.demand,
        statementSlug: statements.slug,
        statementTitle: statements.title,
        statementKind: statements.kind,
        statementDate: statements.date,
        statementDatePrecision: statements.datePrecision,
      })
      .from(benchmarkSources)
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(and(inArray(benchmarkSources.benchmarkId, batch), isPublicSource))
      .orderBy(asc(statements.date), asc(statements.id))
      .all(),
  );
}

export interface LinkedSubject {
  benchmarkId: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
}

/** People and laws linked to the benchmarks; confidential subjects are left out. */
export function listBenchmarkSubjects(benchmarkIds: number[], db: Db = getDb()): LinkedSubject[] {
  return inBatches(benchmarkIds, (batch) =>
    db
      .select({ benchmarkId: benchmarkSubjects.benchmarkId, slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh })
      .from(benchmarkSubjects)
      .innerJoin(subjects, and(eq(subjects.id, benchmarkSubjects.subjectId), eq(subjects.confidential, false)))
      .where(inArray(benchmarkSubjects.benchmarkId, batch))
      .orderBy(asc(subjects.name))
      .all(),
  );
}

export interface BenchmarkListItem {
  id: number;
  slug: string;
  title: string;
  categorySlug: string;
  addressee: Addressee;
  /** The slug of the round it applies from, or that round's date while the round is unpublished. */
  appliesFrom: string;
  retiredOn: string | null;
  retiredReason: string | null;
}

/**
 * One page of the public benchmarks the filters keep, in category/title order, with how many there
 * are. The page's ids come from walking the category/title index; only those rows are read.
 */
export function listPublicBenchmarksPage(resolved: ResolvedFilters, page: { limit: number; offset: number }, db: Db = getDb()): { rows: BenchmarkListItem[]; total: number } {
  const where = benchmarkConditions(db, resolved) ?? sql`1`;
  const ids = idsInBenchmarkOrder(db, where, "category", page);
  const rows = ids.length
    ? db
        .select({
          id: benchmarks.id,
          slug: benchmarks.slug,
          title: benchmarks.title,
          categorySlug: categories.slug,
          addressee: benchmarks.addressee,
          roundSlug: rounds.slug,
          roundDate: rounds.startDate,
          roundPublished: rounds.publishedAt,
          retiredOn: benchmarks.retiredOn,
          retiredReason: benchmarks.retiredReason,
        })
        .from(benchmarks)
        .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
        .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
        .where(inArray(benchmarks.id, ids))
        .all()
    : [];
  const byId = new Map(rows.map(({ roundSlug, roundDate, roundPublished, ...b }) => [b.id, { ...b, appliesFrom: roundPublished ? roundSlug : roundDate }]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: countPublicBenchmarks(resolved, db) };
}

/** How many public benchmarks the filters keep; without filters, every benchmark less the few hidden ones. */
export function countPublicBenchmarks(resolved: ResolvedFilters, db: Db = getDb()): number {
  const r = resolved;
  const unfiltered = !r.matchesNothing && r.categoryId === undefined && r.filters.addressee === undefined && r.statementId === undefined && r.subjectId === undefined;
  if (unfiltered) {
    const all = db.get<{ n: number }>(sql`select count(*) as n from ${benchmarks}`)?.n ?? 0;
    return all - (db.get<{ n: number }>(sql`select count(*) as n from (${hiddenBenchmarkSelect})`)?.n ?? 0);
  }
  return db.get<{ n: number }>(sql`select count(*) as n from ${benchmarks} where ${benchmarkConditions(db, r) ?? sql`1`}`)?.n ?? 0;
}
