import "server-only";
import { and, asc, eq, exists, inArray, isNotNull } from "drizzle-orm";
import type { MatrixBenchmark, MatrixScore } from "@/lib/dashboard";
import { ADDRESSEES, type DatePrecision } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import {
  benchmarkSources,
  benchmarks,
  benchmarkSubjects,
  categories,
  publishedScores,
  rounds,
  statements,
  subjects,
  tracks,
} from "../schema";
import { appliesFromDate } from "./shared";

export interface DashboardRound {
  id: number;
  slug: string;
  name: string;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  publishedAt: string;
  trackSlug: string;
  trackName: string;
  trackShortName: string;
}

export interface DashboardData {
  rounds: DashboardRound[];
  benchmarks: MatrixBenchmark[];
  scores: MatrixScore[];
  /** Filter values that name nothing in the database, for a message to the reader. */
  unmatched: string[];
  /** The latest publication time among the rounds in view: the data version. */
  dataVersion: string | null;
  hasDemo: boolean;
}

function idOfSlug(db: Db, table: typeof tracks | typeof categories | typeof statements | typeof rounds, slug: string | undefined) {
  if (!slug) return undefined;
  const row = db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get();
  return row?.id ?? null;
}

/** The published matrix behind the dashboard: rounds × public benchmarks, narrowed by the filters. */
export function getDashboardData(filters: DashboardFilters, db: Db = getDb()): DashboardData {
  const unmatched: string[] = [];
  const resolve = <T extends number | null | undefined>(key: string, value: T, slug?: string): T => {
    if (value === null) unmatched.push(`${key}: nothing is called “${slug}”`);
    return value;
  };

  const trackId = resolve("track", idOfSlug(db, tracks, filters.track), filters.track);
  const categoryId = resolve("category", idOfSlug(db, categories, filters.category), filters.category);
  const statementId = resolve("statement", idOfSlug(db, statements, filters.statement), filters.statement);
  const fromRound = filters.from ? db.select({ startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, filters.from)).get() : undefined;
  const toRound = filters.to ? db.select({ startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, filters.to)).get() : undefined;
  if (filters.from && !fromRound) unmatched.push(`from: nothing is called “${filters.from}”`);
  if (filters.to && !toRound) unmatched.push(`to: nothing is called “${filters.to}”`);
  const subject = filters.subject
    ? db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.slug, filters.subject), eq(subjects.confidential, false))).get()
    : undefined;
  if (filters.subject && !subject) unmatched.push(`subject: nothing is called “${filters.subject}”`);

  const roundRows = db
    .select({
      id: rounds.id,
      slug: rounds.slug,
      name: rounds.name,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      datePrecision: rounds.datePrecision,
      publishedAt: rounds.publishedAt,
      trackSlug: tracks.slug,
      trackName: tracks.name,
      trackShortName: tracks.shortName,
    })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(and(isNotNull(rounds.publishedAt), trackId ? eq(rounds.trackId, trackId) : undefined))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all()
    .filter((r) => (!fromRound || r.startDate >= fromRound.startDate) && (!toRound || r.startDate <= toRound.startDate))
    .map((r) => ({ ...r, publishedAt: r.publishedAt! }));

  const benchmarkRows = db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      categorySlug: categories.slug,
      categoryName: categories.name,
      categoryPosition: categories.position,
      addressee: benchmarks.addressee,
      appliesFromDate,
      retiredOn: benchmarks.retiredOn,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(
      and(
        eq(benchmarks.confidential, false),
        categoryId === undefined ? undefined : eq(benchmarks.categoryId, categoryId ?? -1),
        filters.addressee && ADDRESSEES.includes(filters.addressee) ? eq(benchmarks.addressee, filters.addressee) : undefined,
        statementId === undefined
          ? undefined
          : exists(
              db
                .select({ one: benchmarkSources.benchmarkId })
                .from(benchmarkSources)
                .where(and(eq(benchmarkSources.benchmarkId, benchmarks.id), eq(benchmarkSources.statementId, statementId ?? -1))),
            ),
        filters.subject === undefined
          ? undefined
          : exists(
              db
                .select({ one: benchmarkSubjects.benchmarkId })
                .from(benchmarkSubjects)
                .where(and(eq(benchmarkSubjects.benchmarkId, benchmarks.id), eq(benchmarkSubjects.subjectId, subject?.id ?? -1))),
            ),
      ),
    )
    .all();

  const roundIds = roundRows.map((r) => r.id);
  const benchmarkIds = new Set(benchmarkRows.map((b) => b.id));
  const scoreRows =
    roundIds.length === 0
      ? []
      : db
          .select({
            benchmarkId: publishedScores.benchmarkId,
            roundId: publishedScores.roundId,
            status: publishedScores.status,
            isDemo: publishedScores.isDemo,
          })
          .from(publishedScores)
          .where(inArray(publishedScores.roundId, roundIds))
          .all()
          .filter((s) => benchmarkIds.has(s.benchmarkId));

  return {
    rounds: roundRows,
    benchmarks: benchmarkRows,
    scores: scoreRows.map(({ benchmarkId, roundId, status }) => ({ benchmarkId, roundId, status })),
    unmatched,
    dataVersion: roundRows.map((r) => r.publishedAt).sort().at(-1) ?? null,
    hasDemo: scoreRows.some((s) => s.isDemo),
  };
}

export interface FilterOptions {
  tracks: Array<{ slug: string; name: string }>;
  rounds: Array<{ slug: string; name: string; startDate: string }>;
  categories: Array<{ slug: string; name: string }>;
  addressees: string[];
  statements: Array<{ slug: string; title: string; date: string }>;
  subjects: Array<{ slug: string; name: string; kind: string }>;
}

export function listFilterOptions(db: Db = getDb()): FilterOptions {
  return {
    tracks: db.select({ slug: tracks.slug, name: tracks.name }).from(tracks).orderBy(asc(tracks.id)).all(),
    rounds: db
      .select({ slug: rounds.slug, name: rounds.name, startDate: rounds.startDate })
      .from(rounds)
      .where(isNotNull(rounds.publishedAt))
      .orderBy(asc(rounds.startDate))
      .all(),
    categories: db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)).all(),
    addressees: db
      .selectDistinct({ addressee: benchmarks.addressee })
      .from(benchmarks)
      .where(eq(benchmarks.confidential, false))
      .all()
      .map((r) => r.addressee)
      .sort((a, b) => ADDRESSEES.indexOf(a) - ADDRESSEES.indexOf(b)),
    statements: db
      .select({ slug: statements.slug, title: statements.title, date: statements.date })
      .from(statements)
      .orderBy(asc(statements.date), asc(statements.id))
      .all(),
    subjects: db
      .select({ slug: subjects.slug, name: subjects.name, kind: subjects.kind })
      .from(subjects)
      .where(eq(subjects.confidential, false))
      .orderBy(asc(subjects.kind), asc(subjects.name))
      .all(),
  };
}
