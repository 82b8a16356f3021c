import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Addressee, DatePrecision, StatementKind, SubjectKind } from "@/lib/domain";
import { ALWAYS, firstRow, oneRow } from "../dialect";
import type { Executor } from "../transaction";
import { benchmarks, benchmarkSources, benchmarkSubjects, categories, rounds, statements, subjects } from "../schema";
import { listScopeTracks, withScopes, type ScopeTrack } from "./benchmark-scope";
import { benchmarkConditions, type ResolvedFilters } from "./filters";
import { idsInBenchmarkOrder } from "./ordered";
import { getPublicRedactor } from "./public-text";
import { hiddenBenchmarkSelect, inBatches, isPublicBenchmark, isPublicSource } from "./shared";

export interface PublicBenchmark {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  addressee: Addressee;
  categorySlug: string;
  categoryName: string;
  categoryNameZh: string | null;
  appliesFromSlug: string;
  appliesFromName: string;
  appliesFromNameZh: string | null;
  appliesFromDate: string;
  retiredOn: string | null;
  retiredReason: string | null;
  /** The tracks at whose rounds it is assessed; none: every track. */
  scopeTrackIds: number[];
  scope: ScopeTrack[];
}

/** A benchmark the public may see; undefined for a confidential or missing one. */
export async function getPublicBenchmark(db: Executor, slug: string): Promise<PublicBenchmark | undefined> {
  const row = await firstRow(db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      titleZh: benchmarks.titleZh,
      addressee: benchmarks.addressee,
      categorySlug: categories.slug,
      categoryName: categories.name,
      categoryNameZh: categories.nameZh,
      appliesFromSlug: rounds.slug,
      appliesFromName: rounds.name,
      appliesFromNameZh: rounds.nameZh,
      appliesFromDate: rounds.startDate,
      retiredOn: benchmarks.retiredOn,
      retiredReason: benchmarks.retiredReason,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(and(eq(benchmarks.slug, slug), isPublicBenchmark))
    .limit(1));
  if (!row) return undefined;
  const withheld = (await getPublicRedactor(db)).fields(row, ["title", "titleZh", "retiredReason"]);
  // withScopes and listScopeTracks (benchmark-scope.ts, another area's) are still synchronous.
  return { ...(await withScopes(db, [withheld]))[0]!, scope: (await listScopeTracks(db, [row.id])).get(row.id) ?? [] };
}

export interface BenchmarkSource {
  benchmarkId: number;
  demand: string;
  demandZh: string | null;
  statementSlug: string;
  statementTitle: string;
  statementTitleZh: string | null;
  statementKind: StatementKind;
  statementDate: string;
  statementDatePrecision: DatePrecision;
}

/**
 * The statements that raised each benchmark, with their demands. For the public (the default) only
 * sources and statements not hidden, with names withheld; the workspace reads them as stored.
 */
export async function listBenchmarkSources(db: Executor, benchmarkIds: number[], audience: "public" | "workspace" = "public"): Promise<BenchmarkSource[]> {
  const redactor = audience === "public" ? await getPublicRedactor(db) : null;
  const rows = await inBatches(benchmarkIds, async (batch) =>
    db
      .select({
        benchmarkId: benchmarkSources.benchmarkId,
        demand: benchmarkSources.demand,
        demandZh: benchmarkSources.demandZh,
        statementSlug: statements.slug,
        statementTitle: statements.title,
        statementTitleZh: statements.titleZh,
        statementKind: statements.kind,
        statementDate: statements.date,
        statementDatePrecision: statements.datePrecision,
      })
      .from(benchmarkSources)
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(and(inArray(benchmarkSources.benchmarkId, batch), redactor ? isPublicSource : undefined))
      .orderBy(asc(statements.date), asc(statements.id)),
  );
  return redactor ? rows.map((r) => redactor.fields(r, ["demand", "demandZh", "statementTitle", "statementTitleZh"])) : rows;
}

export interface LinkedSubject {
  benchmarkId: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
}

/** People and laws linked to the benchmarks; confidential subjects are left out. */
export async function listBenchmarkSubjects(db: Executor, benchmarkIds: number[]): Promise<LinkedSubject[]> {
  const redactor = await getPublicRedactor(db);
  const rows = await inBatches(benchmarkIds, async (batch) =>
    db
      .select({ benchmarkId: benchmarkSubjects.benchmarkId, slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh })
      .from(benchmarkSubjects)
      .innerJoin(subjects, and(eq(subjects.id, benchmarkSubjects.subjectId), eq(subjects.confidential, false)))
      .where(inArray(benchmarkSubjects.benchmarkId, batch))
      .orderBy(asc(subjects.name)),
  );
  return rows.map((s) => redactor.fields(s, ["name", "nameZh"]));
}

export interface BenchmarkListItem {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  categorySlug: string;
  addressee: Addressee;
  /** The slug of the round it applies from (always published: see isPublicBenchmark). */
  appliesFrom: string;
  retiredOn: string | null;
  retiredReason: string | null;
  /** The slugs of the tracks at whose rounds it is assessed; none: every track. */
  assessedAt: string[];
}

/**
 * One page of the public benchmarks the filters keep, in category/title order, with how many there
 * are. The page's ids come from walking the category/title index; only those rows are read.
 */
export async function listPublicBenchmarksPage(db: Executor, resolved: ResolvedFilters, page: { limit: number; offset: number }): Promise<{ rows: BenchmarkListItem[]; total: number }> {
  const where = benchmarkConditions(db, resolved) ?? ALWAYS;
  const ids = await idsInBenchmarkOrder(db, where, "category", page);
  const rows = ids.length
    ? await db
        .select({
          id: benchmarks.id,
          slug: benchmarks.slug,
          title: benchmarks.title,
          titleZh: benchmarks.titleZh,
          categorySlug: categories.slug,
          addressee: benchmarks.addressee,
          appliesFrom: rounds.slug,
          retiredOn: benchmarks.retiredOn,
          retiredReason: benchmarks.retiredReason,
        })
        .from(benchmarks)
        .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
        .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
        .where(inArray(benchmarks.id, ids))
    : [];
  const scopes = await listScopeTracks(db, ids);
  const redactor = await getPublicRedactor(db);
  const byId = new Map(rows.map((b) => [b.id, { ...redactor.fields(b, ["title", "titleZh", "retiredReason"]), assessedAt: (scopes.get(b.id) ?? []).map((t) => t.slug) }]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: await countPublicBenchmarks(db, resolved) };
}

/** How many public benchmarks the filters keep; without filters, every benchmark less the few hidden ones. */
export async function countPublicBenchmarks(db: Executor, resolved: ResolvedFilters): Promise<number> {
  const r = resolved;
  const unfiltered = !r.matchesNothing && r.categoryId === undefined && r.filters.addressee === undefined && r.statementId === undefined && r.subjectId === undefined;
  const countOf = async (query: SQL) => (await oneRow<{ n: number }>(db, query))?.n ?? 0;
  if (unfiltered) return (await countOf(sql`select count(*) as n from ${benchmarks}`)) - (await countOf(sql`select count(*) as n from (${hiddenBenchmarkSelect}) as hidden`));
  return countOf(sql`select count(*) as n from ${benchmarks} where ${benchmarkConditions(db, r) ?? ALWAYS}`);
}
