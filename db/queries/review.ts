import "server-only";
// The review queue: the rounds reviewers score, the benchmarks to score at each, and what a reviewer
// reads beside the form (the people and laws a benchmark names, its published history).
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { DatePrecision, ReviewState, Status, SubjectKind } from "@/lib/domain";
import { nextUnscored } from "@/lib/review";
import { isApplicable } from "@/lib/scoring";
import { assessments, benchmarks, benchmarkSubjects, categories, publishedScores, rounds, subjects, tracks } from "../schema";
import type { Executor } from "../transaction";
import { inScopeOf, withScopes } from "./benchmark-scope";
import { appliesFromDate } from "./shared";
import { listSubjectsEvents, type SubjectEvent } from "./subjects";
import { firstRow } from "../dialect";

export interface ReviewRound {
  id: number;
  slug: string;
  name: string;
  nameZh: string | null;
  trackId: number;
  trackName: string;
  trackNameZh: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  scoringDeadline: string | null;
  publishedAt: string | null;
}

const reviewRoundColumns = {
  id: rounds.id,
  slug: rounds.slug,
  name: rounds.name,
  nameZh: rounds.nameZh,
  trackId: rounds.trackId,
  trackName: tracks.name,
  trackNameZh: tracks.nameZh,
  startDate: rounds.startDate,
  endDate: rounds.endDate,
  datePrecision: rounds.datePrecision,
  scoringDeadline: rounds.scoringDeadline,
  publishedAt: rounds.publishedAt,
};

/** Every round, published or not, newest first: reviewers score rounds before they are published. */
export async function listReviewRounds(db: Executor): Promise<ReviewRound[]> {
  return await db.select(reviewRoundColumns).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).orderBy(desc(rounds.startDate));
}

export async function getReviewRound(db: Executor, slug: string): Promise<ReviewRound | undefined> {
  return await firstRow(db.select(reviewRoundColumns).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).where(eq(rounds.slug, slug)).limit(1));
}

export interface ReviewBenchmark {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  categoryName: string;
  categoryNameZh: string | null;
  confidential: boolean;
  appliesFromDate: string;
  retiredOn: string | null;
  scopeTrackIds: number[];
}

/**
 * Approved benchmarks that apply at a round, confidential ones included: reviewers score those too.
 * Drafts wait for an editor first; a benchmark whose scope leaves the round's track out is not there to score.
 */
export async function listRoundBenchmarks(db: Executor, round: { startDate: string; trackId: number }): Promise<ReviewBenchmark[]> {
  const rows = await db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      titleZh: benchmarks.titleZh,
      categoryName: categories.name,
      categoryNameZh: categories.nameZh,
      confidential: benchmarks.confidential,
      appliesFromDate,
      retiredOn: benchmarks.retiredOn,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(and(eq(benchmarks.reviewState, "approved"), inScopeOf(round.trackId)))
    .orderBy(asc(categories.position), asc(benchmarks.title));
  return (await withScopes(db, rows)).filter((b) => isApplicable(b, round));
}

/** The benchmarks this reviewer has scored at a round, by id. */
export async function listScoredBenchmarkIds(db: Executor, roundId: number, reviewerId: string): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ benchmarkId: assessments.benchmarkId })
    .from(assessments)
    .where(and(eq(assessments.reviewerId, reviewerId), eq(assessments.roundId, roundId)));
  return new Set(rows.map((r) => r.benchmarkId));
}

/** The next benchmark in queue order this reviewer has not scored at the round, after the current one; null when none is left. */
export async function findNextUnscoredBenchmark(db: Executor, round: ReviewRound, reviewerId: string, currentSlug: string): Promise<string | null> {
  const queue = await listRoundBenchmarks(db, round);
  const scoredIds = await listScoredBenchmarkIds(db, round.id, reviewerId);
  return nextUnscored(
    queue.map((b) => b.slug),
    new Set(queue.filter((b) => scoredIds.has(b.id)).map((b) => b.slug)),
    currentSlug,
  );
}

export interface ReviewBenchmarkDetail {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  appliesFromDate: string;
  retiredOn: string | null;
  confidential: boolean;
  reviewState: ReviewState;
  scopeTrackIds: number[];
}

export async function getReviewBenchmark(db: Executor, slug: string): Promise<ReviewBenchmarkDetail | undefined> {
  const row = await firstRow(db
    .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, titleZh: benchmarks.titleZh, appliesFromDate, retiredOn: benchmarks.retiredOn, confidential: benchmarks.confidential, reviewState: benchmarks.reviewState })
    .from(benchmarks)
    .where(eq(benchmarks.slug, slug))
    .limit(1));
  return row && (await withScopes(db, [row]))[0]!;
}

export interface StatusHistoryEntry {
  roundSlug: string;
  roundName: string;
  roundNameZh: string | null;
  status: Status;
  isDemo: boolean;
}

/** A benchmark's published status at each round before this one within its scope, oldest first: never the round being scored. */
export async function listStatusHistory(db: Executor, benchmarkId: number, round: { startDate: string }): Promise<StatusHistoryEntry[]> {
  return await db
    .select({ roundSlug: rounds.slug, roundName: rounds.name, roundNameZh: rounds.nameZh, status: publishedScores.status, isDemo: publishedScores.isDemo })
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .where(and(eq(publishedScores.benchmarkId, benchmarkId), lt(rounds.startDate, round.startDate), inScopeOf(rounds.trackId, publishedScores.benchmarkId)))
    .orderBy(asc(rounds.startDate), asc(rounds.id));
}

export interface ReviewSubject {
  id: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
  role: string | null;
  roleZh: string | null;
  /** Written in English only: the schema holds no Chinese article. */
  article: string | null;
  confidential: boolean;
  events: SubjectEvent[];
}

/** The people and laws a benchmark names, confidential ones included (reviewers score those too), with their dated events. */
export async function listReviewSubjects(db: Executor, benchmarkId: number): Promise<ReviewSubject[]> {
  const linked = await db
    .select({ id: subjects.id, slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, role: subjects.role, roleZh: subjects.roleZh, article: subjects.article, confidential: subjects.confidential })
    .from(benchmarkSubjects)
    .innerJoin(subjects, eq(subjects.id, benchmarkSubjects.subjectId))
    .where(eq(benchmarkSubjects.benchmarkId, benchmarkId))
    .orderBy(asc(subjects.kind), asc(subjects.name));
  const events = await listSubjectsEvents(
    db,
    linked.map((s) => s.id),
  );
  return linked.map((s) => ({ ...s, events: events.filter((e) => e.subjectId === s.id).map(({ subjectId: _id, ...e }) => e) }));
}
