import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DatePrecision, Status } from "@/lib/domain";
import { proposeScore, type LatestAssessment } from "@/lib/review";
import { isApplicable } from "@/lib/scoring";
import { getDb, type Db } from "../client";
import { assessments, benchmarks, categories, editorDecisions, evidenceLinks, publishedScores, rounds, tracks, users } from "../schema";
import { recordAudit } from "./audit";
import { readDataVersion, refreshAggregatesAfterPublishing } from "./published-aggregates";
import { appliesFromDate } from "./shared";

export interface ReviewRound {
  id: number;
  slug: string;
  name: string;
  trackName: string;
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
  trackName: tracks.name,
  startDate: rounds.startDate,
  endDate: rounds.endDate,
  datePrecision: rounds.datePrecision,
  scoringDeadline: rounds.scoringDeadline,
  publishedAt: rounds.publishedAt,
};

/** Every round, published or not, newest first: reviewers score rounds before they are published. */
export function listReviewRounds(db: Db = getDb()): ReviewRound[] {
  return db.select(reviewRoundColumns).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).orderBy(desc(rounds.startDate)).all();
}

export function getReviewRound(slug: string, db: Db = getDb()): ReviewRound | undefined {
  return db.select(reviewRoundColumns).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).where(eq(rounds.slug, slug)).get();
}

export interface ReviewBenchmark {
  id: number;
  slug: string;
  title: string;
  categoryName: string;
  confidential: boolean;
  appliesFromDate: string;
  retiredOn: string | null;
}

/** Approved benchmarks that apply at a round, confidential ones included: reviewers score those too. Drafts wait for an editor first. */
export function listRoundBenchmarks(round: { startDate: string }, db: Db = getDb()): ReviewBenchmark[] {
  return db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      categoryName: categories.name,
      confidential: benchmarks.confidential,
      appliesFromDate,
      retiredOn: benchmarks.retiredOn,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .where(eq(benchmarks.reviewState, "approved"))
    .orderBy(asc(categories.position), asc(benchmarks.title))
    .all()
    .filter((b) => isApplicable(b, round));
}

export interface LatestAssessmentRow extends LatestAssessment {
  benchmarkId: number;
  reviewerName: string;
  rationale: string;
  createdAt: string;
}

/** Each reviewer's latest assessment of each benchmark at a round (history stays in the table). */
export function listLatestAssessments(roundId: number, db: Db = getDb()): Map<number, LatestAssessmentRow[]> {
  const latestIds = db
    .select({ id: sql<number>`max(${assessments.id})` })
    .from(assessments)
    .where(eq(assessments.roundId, roundId))
    .groupBy(assessments.benchmarkId, assessments.reviewerId);
  const rows = db
    .select({
      id: assessments.id,
      benchmarkId: assessments.benchmarkId,
      reviewerId: assessments.reviewerId,
      reviewerName: users.name,
      status: assessments.status,
      rationale: assessments.rationale,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.reviewerId))
    .where(inArray(assessments.id, latestIds))
    .orderBy(asc(assessments.reviewerId))
    .all();
  const byBenchmark = new Map<number, LatestAssessmentRow[]>();
  for (const row of rows) byBenchmark.set(row.benchmarkId, [...(byBenchmark.get(row.benchmarkId) ?? []), row]);
  return byBenchmark;
}

export function listEvidence(assessmentIds: number[], db: Db = getDb()) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({ assessmentId: evidenceLinks.assessmentId, url: evidenceLinks.url, title: evidenceLinks.title, publishedOn: evidenceLinks.publishedOn })
    .from(evidenceLinks)
    .where(inArray(evidenceLinks.assessmentId, assessmentIds))
    .all();
}

export function getReviewBenchmark(slug: string, db: Db = getDb()) {
  return db
    .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, appliesFromDate, retiredOn: benchmarks.retiredOn, confidential: benchmarks.confidential, reviewState: benchmarks.reviewState })
    .from(benchmarks)
    .where(eq(benchmarks.slug, slug))
    .get();
}

/** The published score at the last round before this one where the benchmark was scored: the starting point for a new score. */
export function getPreviousPublishedScore(benchmarkId: number, round: { startDate: string }, db: Db = getDb()) {
  const row = db
    .select({ roundName: rounds.name, status: publishedScores.status, assessmentId: publishedScores.assessmentId, rationale: assessments.rationale })
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
    .where(and(eq(publishedScores.benchmarkId, benchmarkId), lt(rounds.startDate, round.startDate)))
    .orderBy(desc(rounds.startDate))
    .limit(1)
    .get();
  if (!row) return undefined;
  return { ...row, evidence: listEvidence([row.assessmentId], db) };
}

export class ConflictError extends Error {
  /** For a stale form: the id of the reviewer's latest assessment now, so a tool can show it. */
  constructor(
    message: string,
    readonly latestId?: number,
  ) {
    super(message);
  }
}

export interface NewAssessment {
  benchmarkId: number;
  roundId: number;
  reviewerId: string;
  status: Status;
  rationale: string;
  evidence: Array<{ url: string; title: string; publishedOn: string | null }>;
  /** The reviewer's latest assessment id when the form was opened (0 for none): a different one now means a conflict. */
  expectedLatestId: number;
}

/** Appends a reviewer's assessment; never updates one. Refuses if the reviewer's latest changed since the form was opened. */
export function createAssessment(input: NewAssessment, db: Db = getDb()): number {
  return db.transaction(
    (tx) => {
      const latest = tx
        .select({ id: assessments.id, status: assessments.status, createdAt: assessments.createdAt })
        .from(assessments)
        .where(and(eq(assessments.benchmarkId, input.benchmarkId), eq(assessments.roundId, input.roundId), eq(assessments.reviewerId, input.reviewerId)))
        .orderBy(desc(assessments.id))
        .limit(1)
        .get();
      if ((latest?.id ?? 0) !== input.expectedLatestId) {
        throw new ConflictError(
          `This score was changed at ${latest?.createdAt.slice(0, 16).replace("T", " ") ?? "an unknown time"} UTC (now “${latest?.status ?? "none"}”) after you opened the form. Nothing was saved: reload to see the current score, then save again.`,
          latest?.id ?? 0,
        );
      }
      const [row] = tx
        .insert(assessments)
        .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, reviewerId: input.reviewerId, status: input.status, rationale: input.rationale })
        .returning({ id: assessments.id })
        .all();
      const id = row!.id;
      if (input.evidence.length > 0) tx.insert(evidenceLinks).values(input.evidence.map((e) => ({ ...e, assessmentId: id }))).run();
      recordAudit(tx, {
        userId: input.reviewerId,
        action: "assessment.create",
        entity: "assessment",
        entityId: id,
        before: latest ? { id: latest.id, status: latest.status } : null,
        after: { benchmarkId: input.benchmarkId, roundId: input.roundId, status: input.status, rationale: input.rationale, evidence: input.evidence },
      });
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Why a score was refused before anything was written: the round or benchmark is missing, or it does not apply. */
export class ScoreRefusedError extends Error {
  constructor(
    readonly reason: "missing" | "not_applicable",
    message: string,
  ) {
    super(message);
  }
}

/**
 * A reviewer scores a benchmark at a round, by their identifiers: the one path the review form and
 * the assessments API share, so both keep the same rules (applicability, append-only, stale-form conflict).
 */
export function saveScore(
  input: { roundSlug: string; benchmarkSlug: string } & Omit<NewAssessment, "benchmarkId" | "roundId">,
  db: Db = getDb(),
): { id: number; round: ReviewRound } {
  const round = getReviewRound(input.roundSlug, db);
  const benchmark = getReviewBenchmark(input.benchmarkSlug, db);
  if (!round || !benchmark) throw new ScoreRefusedError("missing", "That round or benchmark no longer exists. Nothing was saved.");
  if (benchmark.reviewState !== "approved") throw new ScoreRefusedError("not_applicable", "This benchmark is not approved by an editor yet: it is scored once approved. Nothing was saved.");
  if (!isApplicable(benchmark, round)) throw new ScoreRefusedError("not_applicable", "This benchmark does not apply at this round. Nothing was saved.");
  const { roundSlug: _round, benchmarkSlug: _benchmark, ...assessment } = input;
  const id = createAssessment({ ...assessment, benchmarkId: benchmark.id, roundId: round.id }, db);
  return { id, round };
}

export function listLatestDecisions(roundId: number, db: Db = getDb()): Map<number, number> {
  const latestIds = db
    .select({ id: sql<number>`max(${editorDecisions.id})` })
    .from(editorDecisions)
    .where(eq(editorDecisions.roundId, roundId))
    .groupBy(editorDecisions.benchmarkId);
  return new Map(
    db
      .select({ benchmarkId: editorDecisions.benchmarkId, assessmentId: editorDecisions.assessmentId })
      .from(editorDecisions)
      .where(inArray(editorDecisions.id, latestIds))
      .all()
      .map((d) => [d.benchmarkId, d.assessmentId]),
  );
}

export function createDecision(input: { benchmarkId: number; roundId: number; assessmentId: number; editorId: string; note: string }, db: Db = getDb()) {
  db.transaction(
    (tx) => {
      const chosen = tx
        .select({ id: assessments.id, status: assessments.status })
        .from(assessments)
        .where(and(eq(assessments.id, input.assessmentId), eq(assessments.benchmarkId, input.benchmarkId), eq(assessments.roundId, input.roundId)))
        .get();
      if (!chosen) throw new ConflictError("That assessment does not belong to this benchmark and round.");
      const [row] = tx
        .insert(editorDecisions)
        .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, assessmentId: input.assessmentId, decidedBy: input.editorId, note: input.note })
        .returning({ id: editorDecisions.id })
        .all();
      recordAudit(tx, {
        userId: input.editorId,
        action: "decision.create",
        entity: "editor_decision",
        entityId: row!.id,
        after: { benchmarkId: input.benchmarkId, roundId: input.roundId, assessmentId: input.assessmentId, status: chosen.status, note: input.note },
      });
    },
    { behavior: "immediate" },
  );
}

export interface PublishResult {
  published: number;
  changed: number;
  withheld: number;
  publishedAt: string;
}

/**
 * Publishes a round: every benchmark with an agreement or an editor's ruling gets its published
 * score (the previous one is kept in the audit log), and the round gets its new data version.
 */
export function publishRound(roundId: number, editorId: string, db: Db = getDb()): PublishResult {
  return db.transaction(
    (tx) => {
      const round = tx.select({ id: rounds.id, startDate: rounds.startDate, publishedAt: rounds.publishedAt }).from(rounds).where(eq(rounds.id, roundId)).get();
      if (!round) throw new ConflictError("No such round.");
      const versionBefore = readDataVersion(tx as unknown as Db);
      const latest = listLatestAssessments(roundId, tx as unknown as Db);
      const decisions = listLatestDecisions(roundId, tx as unknown as Db);
      const existing = new Map(
        tx
          .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status, assessmentId: publishedScores.assessmentId, basis: publishedScores.basis })
          .from(publishedScores)
          .where(eq(publishedScores.roundId, roundId))
          .all()
          .map((p) => [p.benchmarkId, p]),
      );
      const publishedAt = new Date().toISOString();
      let published = 0;
      let changed = 0;
      let withheld = 0;
      for (const benchmark of listRoundBenchmarks(round, tx as unknown as Db)) {
        const proposal = proposeScore(latest.get(benchmark.id) ?? [], decisions.get(benchmark.id) ?? null);
        if (proposal.kind !== "agreement" && proposal.kind !== "decided") {
          withheld += 1;
          continue;
        }
        published += 1;
        const before = existing.get(benchmark.id);
        const basis = proposal.kind === "agreement" ? ("agreement" as const) : ("editor" as const);
        if (before && before.status === proposal.status && before.assessmentId === proposal.assessmentId && before.basis === basis) continue;
        changed += 1;
        const values = { status: proposal.status, basis, assessmentId: proposal.assessmentId, decidedBy: editorId, decidedAt: publishedAt, isDemo: false };
        tx.insert(publishedScores)
          .values({ benchmarkId: benchmark.id, roundId, ...values })
          .onConflictDoUpdate({ target: [publishedScores.benchmarkId, publishedScores.roundId], set: values })
          .run();
        recordAudit(tx, { userId: editorId, action: "score.publish", entity: "published_score", entityId: `${benchmark.id}@${roundId}`, before: before ?? null, after: values });
      }
      tx.update(rounds).set({ publishedAt }).where(eq(rounds.id, roundId)).run();
      recordAudit(tx, { userId: editorId, action: "round.publish", entity: "round", entityId: roundId, before: { publishedAt: round.publishedAt }, after: { publishedAt, published, changed, withheld } });
      // The transaction object has no raw client; the connection is the same one.
      refreshAggregatesAfterPublishing(db, roundId, versionBefore);
      return { published, changed, withheld, publishedAt };
    },
    { behavior: "immediate" },
  );
}
