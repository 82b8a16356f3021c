import "server-only";
// Editors' decisions on disagreements, and what publishing a round would do with each benchmark.
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ContentLang, PublishedBasis, Status } from "@/lib/domain";
import { proposeScore, type Decision, type EvidenceLink, type Proposal } from "@/lib/review";
import { assessments, editorDecisions, publishedEvidence, publishedScores, users } from "../schema";
import { joinAlias } from "../dialect";
import type { Executor } from "../transaction";
import { listEvidenceByAssessment, listLatestAssessments, type LatestAssessmentRow } from "./assessments";
import { listRoundBenchmarks, type ReviewBenchmark } from "./review";

/** The latest decision on each benchmark at a round: the one publishing uses. */
export async function listLatestDecisions(db: Executor, roundId: number): Promise<Map<number, Decision & { id: number }>> {
  const latestIds = db
    .select({ id: sql<number>`max(${editorDecisions.id})` })
    .from(editorDecisions)
    .where(eq(editorDecisions.roundId, roundId))
    .groupBy(editorDecisions.benchmarkId);
  const rows = await db
    .select({ id: editorDecisions.id, benchmarkId: editorDecisions.benchmarkId, assessmentId: editorDecisions.assessmentId, status: assessments.status, isRuling: assessments.isRuling })
    .from(editorDecisions)
    .innerJoin(assessments, eq(assessments.id, editorDecisions.assessmentId))
    .where(inArray(editorDecisions.id, latestIds));
  return new Map(rows.map(({ benchmarkId, ...decision }) => [benchmarkId, decision]));
}

export interface DecisionRecord {
  id: number;
  benchmarkId: number;
  assessmentId: number;
  status: Status;
  /** The editor's own ruling; otherwise the reviewer's assessment named below stands. */
  isRuling: boolean;
  reviewerName: string;
  rationale: string;
  rationaleLang: ContentLang;
  evidence: EvidenceLink[];
  note: string;
  decidedByName: string;
  decidedAt: string;
}

const reviewer = alias(users, "reviewer");

/** Every decision at a round, newest first: the first for a benchmark is the one that counts, the rest its history. */
export async function listDecisionHistory(db: Executor, roundId: number): Promise<DecisionRecord[]> {
  const rows = await db
    .select({
      id: editorDecisions.id,
      benchmarkId: editorDecisions.benchmarkId,
      assessmentId: editorDecisions.assessmentId,
      status: assessments.status,
      isRuling: assessments.isRuling,
      reviewerName: reviewer.name,
      rationale: assessments.rationale,
      rationaleLang: assessments.rationaleLang,
      note: editorDecisions.note,
      decidedByName: users.name,
      decidedAt: editorDecisions.decidedAt,
    })
    .from(editorDecisions)
    .innerJoin(assessments, eq(assessments.id, editorDecisions.assessmentId))
    .innerJoin(joinAlias(reviewer), eq(reviewer.id, assessments.reviewerId))
    .innerJoin(users, eq(users.id, editorDecisions.decidedBy))
    .where(eq(editorDecisions.roundId, roundId))
    .orderBy(desc(editorDecisions.id));
  const evidence = await listEvidenceByAssessment(
    db,
    rows.map((r) => r.assessmentId),
  );
  return rows.map((r) => ({ ...r, evidence: evidence.get(r.assessmentId) ?? [] }));
}

export interface PublicationItem {
  benchmark: ReviewBenchmark;
  /** Each reviewer's current assessment. */
  assessments: LatestAssessmentRow[];
  proposal: Proposal;
}

/** What publishing the round now would do with each benchmark that applies there. */
export async function planPublication(db: Executor, round: { id: number; startDate: string; trackId: number }): Promise<PublicationItem[]> {
  const latest = await listLatestAssessments(db, round.id);
  const decisions = await listLatestDecisions(db, round.id);
  return (await listRoundBenchmarks(db, round)).map((benchmark) => {
    const current = latest.get(benchmark.id) ?? [];
    return { benchmark, assessments: current, proposal: proposeScore(current, decisions.get(benchmark.id) ?? null) };
  });
}

export interface PublishedNow {
  status: Status;
  assessmentId: number;
  basis: PublishedBasis;
  evidence: EvidenceLink[];
}

/** What the public sees of a round now: each benchmark's published score and its evidence in order. */
export async function listPublishedNow(db: Executor, roundId: number): Promise<Map<number, PublishedNow>> {
  const scores = await db
    .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status, assessmentId: publishedScores.assessmentId, basis: publishedScores.basis })
    .from(publishedScores)
    .where(eq(publishedScores.roundId, roundId));
  const links = await db
    .select({ benchmarkId: publishedEvidence.benchmarkId, url: publishedEvidence.url, title: publishedEvidence.title, publishedOn: publishedEvidence.publishedOn })
    .from(publishedEvidence)
    .where(eq(publishedEvidence.roundId, roundId))
    .orderBy(asc(publishedEvidence.benchmarkId), asc(publishedEvidence.position));
  const evidence = new Map<number, EvidenceLink[]>();
  for (const { benchmarkId, ...link } of links) evidence.set(benchmarkId, [...(evidence.get(benchmarkId) ?? []), link]);
  return new Map(scores.map(({ benchmarkId, ...score }) => [benchmarkId, { ...score, evidence: evidence.get(benchmarkId) ?? [] }]));
}
