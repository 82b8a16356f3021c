import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Addressee, Status } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import {
  assessments,
  benchmarkSources,
  benchmarks,
  benchmarkSubjects,
  categories,
  evidenceLinks,
  publishedScores,
  rounds,
  statements,
  subjects,
  tracks,
} from "../schema";
import { benchmarkConditions, resolveFilters, roundConditions, type ResolvedFilters } from "./filters";

// Lists inside one cell, joined with a separator that never occurs in the data.
const SEPARATOR = " | ";

const evidenceList = sql<string>`coalesce((select group_concat(${evidenceLinks.title} || ' <' || ${evidenceLinks.url} || '>', ${SEPARATOR}) from ${evidenceLinks} where ${evidenceLinks.assessmentId} = ${publishedScores.assessmentId}), '')`;
const sourceList = sql<string>`coalesce((select group_concat(${statements.title}, ${SEPARATOR}) from ${benchmarkSources} join ${statements} on ${statements.id} = ${benchmarkSources.statementId} where ${benchmarkSources.benchmarkId} = ${benchmarks.id}), '')`;
const subjectList = (kind: "person" | "law") =>
  sql<string>`coalesce((select group_concat(${subjects.name} || coalesce(' (' || ${subjects.nameZh} || ')', ''), ${SEPARATOR}) from ${benchmarkSubjects} join ${subjects} on ${subjects.id} = ${benchmarkSubjects.subjectId} where ${benchmarkSubjects.benchmarkId} = ${benchmarks.id} and ${subjects.confidential} = 0 and ${kind === "person" ? sql`${subjects.kind} = 'person'` : sql`${subjects.kind} <> 'person'`}), '')`;

export interface ScoreExportRow {
  roundSlug: string;
  roundName: string;
  roundStart: string;
  track: string;
  benchmarkSlug: string;
  benchmarkTitle: string;
  category: string;
  addressee: Addressee;
  status: Status;
  basis: string;
  rationale: string;
  evidence: string;
  sources: string;
  people: string;
  laws: string;
  demo: boolean;
  publishedAt: string;
}

export interface ExportContext {
  resolved: ResolvedFilters;
  dataVersion: string | null;
}

export function getExportContext(filters: DashboardFilters, db: Db = getDb()): ExportContext {
  const resolved = resolveFilters(db, filters);
  const row = db.select({ latest: sql<string | null>`max(${rounds.publishedAt})` }).from(rounds).where(roundConditions(resolved)).get();
  return { resolved, dataVersion: row?.latest ?? null };
}

/**
 * Runs a drizzle select lazily, row by row. Exports pass their own read connection: a statement
 * being iterated keeps its connection busy, and the app's shared connection must keep serving.
 */
function* iterateSelect<T>(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }, selection: Record<string, unknown>, booleans: string[] = []): Generator<T> {
  const { sql: text, params } = query.toSQL();
  const keys = Object.keys(selection);
  for (const values of db.$client.prepare(text).raw(true).iterate(...params) as Iterable<unknown[]>) {
    const row: Record<string, unknown> = {};
    keys.forEach((key, i) => (row[key] = booleans.includes(key) ? Boolean(values[i]) : values[i]));
    yield row as T;
  }
}

const scoreSelection = {
  roundSlug: rounds.slug,
  roundName: rounds.name,
  roundStart: rounds.startDate,
  track: tracks.name,
  benchmarkSlug: benchmarks.slug,
  benchmarkTitle: benchmarks.title,
  category: categories.name,
  addressee: benchmarks.addressee,
  status: publishedScores.status,
  basis: publishedScores.basis,
  rationale: assessments.rationale,
  evidence: evidenceList,
  sources: sourceList,
  people: subjectList("person"),
  laws: subjectList("law"),
  demo: publishedScores.isDemo,
  publishedAt: sql<string>`${rounds.publishedAt}`,
};

function scoreQuery(context: ExportContext, db: Db) {
  return db
    .select(scoreSelection)
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .innerJoin(benchmarks, eq(benchmarks.id, publishedScores.benchmarkId))
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
    .where(and(roundConditions(context.resolved), benchmarkConditions(db, context.resolved)))
    .orderBy(asc(rounds.startDate), asc(rounds.id), asc(categories.position), asc(benchmarks.title));
}

/** Every published score in view, one row per benchmark × round, read lazily so exports can stream. */
export function iterateScoreRows(context: ExportContext, db: Db): Generator<ScoreExportRow> {
  return iterateSelect<ScoreExportRow>(db, scoreQuery(context, db), scoreSelection, ["demo"]);
}

/** One page of the same rows, for the read API, with the total. */
export function listScoreRows(context: ExportContext, page: { limit: number; offset: number }, db: Db = getDb()): { rows: ScoreExportRow[]; total: number } {
  const rows = scoreQuery(context, db).limit(page.limit).offset(page.offset).all().map((r) => ({ ...r, demo: Boolean(r.demo) }));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(publishedScores)
      .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
      .innerJoin(benchmarks, eq(benchmarks.id, publishedScores.benchmarkId))
      .where(and(roundConditions(context.resolved), benchmarkConditions(db, context.resolved)))
      .get()?.n ?? 0;
  return { rows, total };
}

export interface BenchmarkExportRow {
  slug: string;
  title: string;
  category: string;
  addressee: Addressee;
  appliesFrom: string;
  retiredOn: string | null;
  retiredReason: string | null;
  sources: string;
  people: string;
  laws: string;
}

const benchmarkSelection = {
  slug: benchmarks.slug,
  title: benchmarks.title,
  category: categories.name,
  addressee: benchmarks.addressee,
  appliesFrom: rounds.name,
  retiredOn: benchmarks.retiredOn,
  retiredReason: benchmarks.retiredReason,
  sources: sourceList,
  people: subjectList("person"),
  laws: subjectList("law"),
};

export function iterateBenchmarkRows(context: ExportContext, db: Db): Generator<BenchmarkExportRow> {
  const query = db
    .select(benchmarkSelection)
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(benchmarkConditions(db, context.resolved))
    .orderBy(asc(categories.position), asc(benchmarks.title));
  return iterateSelect<BenchmarkExportRow>(db, query, benchmarkSelection);
}
