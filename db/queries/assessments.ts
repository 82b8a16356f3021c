import "server-only";
// Reviewers' assessments as reviewing reads them: each reviewer's latest, their evidence, and what
// an earlier round would carry forward. History stays in the table; these pick the current rows.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { ContentLang } from "@/lib/domain";
import type { CarryForwardSource, EvidenceLink, LatestAssessment } from "@/lib/review";
import { isApplicable } from "@/lib/scoring";
import { assessments, evidenceLinks, publishedScores, users } from "../schema";
import type { Executor } from "../transaction";
import { listReviewRounds, type ReviewRound } from "./review";
import { inBatches } from "./shared";
import { firstRow, isTrue } from "../dialect";

export interface LatestAssessmentRow extends LatestAssessment {
  benchmarkId: number;
  reviewerName: string;
  rationale: string;
  /** The language the rationale was written in, so a page in the other language marks it. */
  rationaleLang: ContentLang;
  publicRecord: boolean;
  createdAt: string;
}

/**
 * Each reviewer's latest assessment of each benchmark at a round (history stays in the table). An
 * editor's own rulings are not reviews: they are read with the decisions.
 */
export async function listLatestAssessments(db: Executor, roundId: number): Promise<Map<number, LatestAssessmentRow[]>> {
  const latestIds = db
    .select({ id: sql<number>`max(${assessments.id})` })
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId), eq(assessments.isRuling, false)))
    .groupBy(assessments.benchmarkId, assessments.reviewerId);
  const rows = await db
    .select({
      id: assessments.id,
      benchmarkId: assessments.benchmarkId,
      reviewerId: assessments.reviewerId,
      reviewerName: users.name,
      status: assessments.status,
      rationale: assessments.rationale,
      rationaleLang: assessments.rationaleLang,
      publicRecord: assessments.publicRecord,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.reviewerId))
    .where(inArray(assessments.id, latestIds))
    .orderBy(asc(assessments.reviewerId));
  const byBenchmark = new Map<number, LatestAssessmentRow[]>();
  for (const row of rows) byBenchmark.set(row.benchmarkId, [...(byBenchmark.get(row.benchmarkId) ?? []), row]);
  return byBenchmark;
}

/** One of this reviewer's own assessments, e.g. the one saved meanwhile from another tab; another reviewer's is never returned. */
export async function getOwnAssessment(db: Executor, id: number, reviewerId: string) {
  const row = await firstRow(db
    .select({ id: assessments.id, status: assessments.status, rationale: assessments.rationale, publicRecord: assessments.publicRecord, createdAt: assessments.createdAt })
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.reviewerId, reviewerId)))
    .limit(1));
  return row ? { ...row, evidence: (await listEvidence(db, [row.id])).map(({ assessmentId: _a, ...e }) => e) } : undefined;
}

/** The evidence links of some assessments, each assessment's in the order they were given. */
export async function listEvidence(db: Executor, assessmentIds: number[]): Promise<Array<EvidenceLink & { assessmentId: number }>> {
  if (assessmentIds.length === 0) return [];
  return inBatches(assessmentIds, async (batch) =>
    (await db
      .select({ assessmentId: evidenceLinks.assessmentId, url: evidenceLinks.url, title: evidenceLinks.title, publishedOn: evidenceLinks.publishedOn })
      .from(evidenceLinks)
      .where(inArray(evidenceLinks.assessmentId, batch))
      .orderBy(asc(evidenceLinks.id))),
  );
}

/** Each assessment's evidence links, in the order they were given. */
export async function listEvidenceByAssessment(db: Executor, assessmentIds: number[]): Promise<Map<number, EvidenceLink[]>> {
  const byAssessment = new Map<number, EvidenceLink[]>();
  for (const { assessmentId, ...link } of await listEvidence(db, assessmentIds)) byAssessment.set(assessmentId, [...(byAssessment.get(assessmentId) ?? []), link]);
  return byAssessment;
}

export interface CarryForwardSourceRow extends CarryForwardSource {
  roundId: number;
  roundSlug: string;
  roundNameZh: string | null;
  /** The assessment whose status, rationale and evidence are carried. */
  assessmentId: number;
  basis: "published" | "own";
}

type CarryCandidate = { id: number; appliesFromDate: string; retiredOn: string | null; scopeTrackIds: readonly number[] };

/**
 * What each benchmark would carry forward into a round: at the latest earlier round where it applied
 * and has a score, the published score there, or this reviewer's own latest assessment where that
 * round has no published score yet (it may be unpublished). Rounds are walked newest first and
 * each benchmark leaves the walk once found, so most are found at the round just before.
 */
export async function listCarryForwardSources(db: Executor, round: { startDate: string }, reviewerId: string, candidates: ReadonlyArray<CarryCandidate>): Promise<Map<number, CarryForwardSourceRow>> {
  const found = new Map<number, CarryForwardSourceRow>();
  let remaining = [...candidates];
  for (const earlier of (await listReviewRounds(db)).filter((r) => r.startDate < round.startDate)) {
    if (remaining.length === 0) break;
    const ids = remaining.filter((b) => isApplicable(b, earlier)).map((b) => b.id);
    if (ids.length === 0) continue;
    for (const source of await findCarryForwardAt(db, earlier, reviewerId, ids)) found.set(source.benchmarkId, source.row);
    remaining = remaining.filter((b) => !found.has(b.id));
  }
  return found;
}

/** At one earlier round: the published score of each benchmark, or else this reviewer's own latest assessment there. */
async function findCarryForwardAt(db: Executor, earlier: ReviewRound, reviewerId: string, ids: number[]): Promise<Array<{ benchmarkId: number; row: CarryForwardSourceRow }>> {
  const roundOf = { roundId: earlier.id, roundSlug: earlier.slug, roundName: earlier.name, roundNameZh: earlier.nameZh };
  const published = await inBatches(ids, async (batch) =>
    (await db
      .select({
        benchmarkId: publishedScores.benchmarkId,
        status: publishedScores.status,
        assessmentId: publishedScores.assessmentId,
        rationale: assessments.rationale,
        // The flags are 0/1 integers (on PostgreSQL too), which PostgreSQL's OR does not take: each compared with 1.
        isDemo: sql<boolean>`(${isTrue(publishedScores.isDemo)} or ${isTrue(assessments.isDemo)})`.mapWith(Boolean),
      })
      .from(publishedScores)
      .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
      .where(and(eq(publishedScores.roundId, earlier.id), inArray(publishedScores.benchmarkId, batch)))),
  );
  const withPublished = new Set(published.map((p) => p.benchmarkId));
  const own = await inBatches(
    ids.filter((id) => !withPublished.has(id)),
    async (batch) => {
      const latestIds = db
        .select({ id: sql<number>`max(${assessments.id})` })
        .from(assessments)
        .where(and(eq(assessments.reviewerId, reviewerId), eq(assessments.roundId, earlier.id), inArray(assessments.benchmarkId, batch), eq(assessments.isRuling, false)))
        .groupBy(assessments.benchmarkId);
      return await db
        .select({ id: assessments.id, benchmarkId: assessments.benchmarkId, status: assessments.status, rationale: assessments.rationale, isDemo: assessments.isDemo })
        .from(assessments)
        .where(inArray(assessments.id, latestIds));
    },
  );
  return [
    ...published.map((p) => ({ benchmarkId: p.benchmarkId, row: { ...roundOf, status: p.status, rationale: p.rationale, isDemo: p.isDemo, assessmentId: p.assessmentId, basis: "published" as const } })),
    ...own.map((a) => ({ benchmarkId: a.benchmarkId, row: { ...roundOf, status: a.status, rationale: a.rationale, isDemo: a.isDemo, assessmentId: a.id, basis: "own" as const } })),
  ];
}
