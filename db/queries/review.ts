import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DatePrecision, PublishedBasis, Status, SubjectKind } from "@/lib/domain";
import { carriedForwardRationale, nextUnscored, proposeScore, unionEvidence, type CarryForwardSource, type Decision, type EvidenceLink, type LatestAssessment, type Proposal } from "@/lib/review";
import { isApplicable, isInScope } from "@/lib/scoring";
import { getDb, type Db } from "../client";
import { assessments, benchmarks, benchmarkSubjects, categories, editorDecisions, evidenceLinks, publishedEvidence, publishedScores, rounds, subjects, tracks, users } from "../schema";
import { recordAudit } from "./audit";
import { getPublishedFiguresNow, type DashboardSummary } from "./dashboard-summary";
import { refreshAggregatesAfterPublishing } from "../commands/published-aggregates";
import { listPreliminaryRoundIdsNow } from "./published-aggregates";
import { inScopeOf, withScopes } from "./benchmark-scope";
import { appliesFromDate, inBatches } from "./shared";
import { listSubjectsEvents, type SubjectEvent } from "./subjects";

export interface ReviewRound {
  id: number;
  slug: string;
  name: string;
  trackId: number;
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
  trackId: rounds.trackId,
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
  scopeTrackIds: number[];
}

/**
 * Approved benchmarks that apply at a round, confidential ones included: reviewers score those too.
 * Drafts wait for an editor first; a benchmark whose scope leaves the round's track out is not there to score.
 */
export function listRoundBenchmarks(round: { startDate: string; trackId: number }, db: Db = getDb()): ReviewBenchmark[] {
  const rows = db
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
    .where(and(eq(benchmarks.reviewState, "approved"), inScopeOf(round.trackId)))
    .orderBy(asc(categories.position), asc(benchmarks.title))
    .all();
  return withScopes(rows, db).filter((b) => isApplicable(b, round));
}

export interface LatestAssessmentRow extends LatestAssessment {
  benchmarkId: number;
  reviewerName: string;
  rationale: string;
  createdAt: string;
}

/**
 * Each reviewer's latest assessment of each benchmark at a round (history stays in the table). An
 * editor's own rulings are not reviews: they are read with the decisions.
 */
export function listLatestAssessments(roundId: number, db: Db = getDb()): Map<number, LatestAssessmentRow[]> {
  const latestIds = db
    .select({ id: sql<number>`max(${assessments.id})` })
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId), eq(assessments.isRuling, false)))
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

/** The benchmarks this reviewer has scored at a round, by id. */
export function listScoredBenchmarkIds(roundId: number, reviewerId: string, db: Db = getDb()): Set<number> {
  return new Set(
    db
      .selectDistinct({ benchmarkId: assessments.benchmarkId })
      .from(assessments)
      .where(and(eq(assessments.reviewerId, reviewerId), eq(assessments.roundId, roundId)))
      .all()
      .map((r) => r.benchmarkId),
  );
}

/** The next benchmark in queue order this reviewer has not scored at the round, after the current one; null when none is left. */
export function findNextUnscoredBenchmark(round: ReviewRound, reviewerId: string, currentSlug: string, db: Db = getDb()): string | null {
  const queue = listRoundBenchmarks(round, db);
  const scoredIds = listScoredBenchmarkIds(round.id, reviewerId, db);
  return nextUnscored(
    queue.map((b) => b.slug),
    new Set(queue.filter((b) => scoredIds.has(b.id)).map((b) => b.slug)),
    currentSlug,
  );
}

/** One of this reviewer's own assessments, e.g. the one saved meanwhile from another tab; another reviewer's is never returned. */
export function getOwnAssessment(id: number, reviewerId: string, db: Db = getDb()) {
  const row = db
    .select({ id: assessments.id, status: assessments.status, rationale: assessments.rationale, createdAt: assessments.createdAt })
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.reviewerId, reviewerId)))
    .get();
  return row ? { ...row, evidence: listEvidence([row.id], db).map(({ assessmentId: _a, ...e }) => e) } : undefined;
}

export function listEvidence(assessmentIds: number[], db: Db = getDb()) {
  if (assessmentIds.length === 0) return [];
  return inBatches(assessmentIds, (batch) =>
    db
      .select({ assessmentId: evidenceLinks.assessmentId, url: evidenceLinks.url, title: evidenceLinks.title, publishedOn: evidenceLinks.publishedOn })
      .from(evidenceLinks)
      .where(inArray(evidenceLinks.assessmentId, batch))
      .orderBy(asc(evidenceLinks.id))
      .all(),
  );
}

/** Each assessment's evidence links, in the order they were given. */
export function listEvidenceByAssessment(assessmentIds: number[], db: Db = getDb()): Map<number, EvidenceLink[]> {
  const byAssessment = new Map<number, EvidenceLink[]>();
  for (const { assessmentId, ...link } of listEvidence(assessmentIds, db)) byAssessment.set(assessmentId, [...(byAssessment.get(assessmentId) ?? []), link]);
  return byAssessment;
}

export function getReviewBenchmark(slug: string, db: Db = getDb()) {
  const row = db
    .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, appliesFromDate, retiredOn: benchmarks.retiredOn, confidential: benchmarks.confidential, reviewState: benchmarks.reviewState })
    .from(benchmarks)
    .where(eq(benchmarks.slug, slug))
    .get();
  return row && withScopes([row], db)[0]!;
}

export interface CarryForwardSourceRow extends CarryForwardSource {
  roundId: number;
  roundSlug: string;
  /** The assessment whose status, rationale and evidence are carried. */
  assessmentId: number;
  basis: "published" | "own";
}

/**
 * What each benchmark would carry forward into a round: at the latest earlier round where it applied
 * and has a score, the published score there, or this reviewer's own latest assessment where that
 * round has no published score yet (it may be unpublished). Rounds are walked newest first and
 * each benchmark leaves the walk once found, so most are found at the round just before.
 */
export function listCarryForwardSources(
  round: { startDate: string },
  reviewerId: string,
  candidates: ReadonlyArray<{ id: number; appliesFromDate: string; retiredOn: string | null; scopeTrackIds: readonly number[] }>,
  db: Db = getDb(),
): Map<number, CarryForwardSourceRow> {
  const found = new Map<number, CarryForwardSourceRow>();
  let remaining = [...candidates];
  for (const earlier of listReviewRounds(db).filter((r) => r.startDate < round.startDate)) {
    if (remaining.length === 0) break;
    const ids = remaining.filter((b) => isApplicable(b, earlier)).map((b) => b.id);
    if (ids.length === 0) continue;
    const published = inBatches(ids, (batch) =>
      db
        .select({
          benchmarkId: publishedScores.benchmarkId,
          status: publishedScores.status,
          assessmentId: publishedScores.assessmentId,
          rationale: assessments.rationale,
          isDemo: sql<boolean>`(${publishedScores.isDemo} or ${assessments.isDemo})`.mapWith(Boolean),
        })
        .from(publishedScores)
        .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
        .where(and(eq(publishedScores.roundId, earlier.id), inArray(publishedScores.benchmarkId, batch)))
        .all(),
    );
    const roundOf = { roundId: earlier.id, roundSlug: earlier.slug, roundName: earlier.name };
    for (const p of published) found.set(p.benchmarkId, { ...roundOf, status: p.status, rationale: p.rationale, isDemo: p.isDemo, assessmentId: p.assessmentId, basis: "published" });
    const unpublished = ids.filter((id) => !found.has(id));
    const own = inBatches(unpublished, (batch) => {
      const latestIds = db
        .select({ id: sql<number>`max(${assessments.id})` })
        .from(assessments)
        .where(and(eq(assessments.reviewerId, reviewerId), eq(assessments.roundId, earlier.id), inArray(assessments.benchmarkId, batch), eq(assessments.isRuling, false)))
        .groupBy(assessments.benchmarkId);
      return db
        .select({ id: assessments.id, benchmarkId: assessments.benchmarkId, status: assessments.status, rationale: assessments.rationale, isDemo: assessments.isDemo })
        .from(assessments)
        .where(inArray(assessments.id, latestIds))
        .all();
    });
    for (const a of own) found.set(a.benchmarkId, { ...roundOf, status: a.status, rationale: a.rationale, isDemo: a.isDemo, assessmentId: a.id, basis: "own" });
    remaining = remaining.filter((b) => !found.has(b.id));
  }
  return found;
}

export interface StatusHistoryEntry {
  roundSlug: string;
  roundName: string;
  status: Status;
  isDemo: boolean;
}

/** A benchmark's published status at each round before this one within its scope, oldest first: never the round being scored. */
export function listStatusHistory(benchmarkId: number, round: { startDate: string }, db: Db = getDb()): StatusHistoryEntry[] {
  return db
    .select({ roundSlug: rounds.slug, roundName: rounds.name, status: publishedScores.status, isDemo: publishedScores.isDemo })
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .where(and(eq(publishedScores.benchmarkId, benchmarkId), lt(rounds.startDate, round.startDate), inScopeOf(rounds.trackId, publishedScores.benchmarkId)))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all();
}

export interface ReviewSubject {
  id: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
  role: string | null;
  article: string | null;
  confidential: boolean;
  events: SubjectEvent[];
}

/** The people and laws a benchmark names, confidential ones included (reviewers score those too), with their dated events. */
export function listReviewSubjects(benchmarkId: number, db: Db = getDb()): ReviewSubject[] {
  const linked = db
    .select({ id: subjects.id, slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, role: subjects.role, article: subjects.article, confidential: subjects.confidential })
    .from(benchmarkSubjects)
    .innerJoin(subjects, eq(subjects.id, benchmarkSubjects.subjectId))
    .where(eq(benchmarkSubjects.benchmarkId, benchmarkId))
    .orderBy(asc(subjects.kind), asc(subjects.name))
    .all();
  const events = listSubjectsEvents(linked.map((s) => s.id), db);
  return linked.map((s) => ({ ...s, events: events.filter((e) => e.subjectId === s.id).map(({ subjectId: _id, ...e }) => e) }));
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

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Inside a write transaction: the conflict check, the row, its evidence and its audit entry. */
function appendAssessment(tx: Tx, input: NewAssessment, origin?: Record<string, unknown>): number {
  const latest = tx
    .select({ id: assessments.id, status: assessments.status, createdAt: assessments.createdAt })
    .from(assessments)
    .where(and(eq(assessments.benchmarkId, input.benchmarkId), eq(assessments.roundId, input.roundId), eq(assessments.reviewerId, input.reviewerId), eq(assessments.isRuling, false)))
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
    after: { benchmarkId: input.benchmarkId, roundId: input.roundId, status: input.status, rationale: input.rationale, evidence: input.evidence, ...origin },
  });
  return id;
}

/** Appends a reviewer's assessment; never updates one. Refuses if the reviewer's latest changed since the form was opened. */
export function createAssessment(input: NewAssessment, db: Db = getDb()): number {
  return db.transaction((tx) => appendAssessment(tx, input), { behavior: "immediate" });
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
  if (!isApplicable(benchmark, round)) {
    const why = isInScope(benchmark, round.trackId) ? "" : ` It is not assessed at ${round.trackName} rounds.`;
    throw new ScoreRefusedError("not_applicable", `This benchmark does not apply at this round.${why} Nothing was saved.`);
  }
  const { roundSlug: _round, benchmarkSlug: _benchmark, ...assessment } = input;
  const id = createAssessment({ ...assessment, benchmarkId: benchmark.id, roundId: round.id }, db);
  return { id, round };
}

export type CarryForwardSkip = "changed" | "not_applicable" | "missing" | "no_previous";

export interface CarryForwardResult {
  round: ReviewRound;
  created: Array<{ benchmarkSlug: string; title: string; status: Status; fromRound: string }>;
  skipped: Array<{ benchmarkSlug: string; title: string; reason: CarryForwardSkip }>;
}

/**
 * A reviewer carries the previous round's scores forward unchanged, for many benchmarks at once, in
 * one transaction: each becomes a new assessment of theirs with the source's status and evidence and
 * a rationale naming the round it came from (never demo text). A benchmark scored by this reviewer
 * since the queue was opened, one that does not apply at the round, or one with no earlier score is
 * skipped and reported; the rest are written.
 */
export function carryForwardScores(
  input: { roundSlug: string; reviewerId: string; chosen: ReadonlyArray<{ benchmarkSlug: string; expectedLatestId: number }> },
  db: Db = getDb(),
): CarryForwardResult {
  return db.transaction(
    (tx) => {
      const txDb = tx as unknown as Db;
      const round = getReviewRound(input.roundSlug, txDb);
      if (!round) throw new ScoreRefusedError("missing", "That round no longer exists. Nothing was saved.");
      const slugs = [...new Set(input.chosen.map((c) => c.benchmarkSlug))];
      const found = new Map(
        withScopes(
          tx
            .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, appliesFromDate, retiredOn: benchmarks.retiredOn })
            .from(benchmarks)
            .where(inArray(benchmarks.slug, slugs))
            .all(),
          txDb,
        ).map((b) => [b.slug, b]),
      );
      const applicable = [...found.values()].filter((b) => isApplicable(b, round));
      const sources = listCarryForwardSources(round, input.reviewerId, applicable, txDb);
      const evidence = listEvidence([...sources.values()].map((s) => s.assessmentId), txDb);
      const result: CarryForwardResult = { round, created: [], skipped: [] };
      const seen = new Set<string>();
      for (const { benchmarkSlug, expectedLatestId } of input.chosen) {
        if (seen.has(benchmarkSlug)) continue;
        seen.add(benchmarkSlug);
        const benchmark = found.get(benchmarkSlug);
        const skip = (reason: CarryForwardSkip) => result.skipped.push({ benchmarkSlug, title: benchmark?.title ?? benchmarkSlug, reason });
        if (!benchmark) {
          skip("missing");
          continue;
        }
        if (!isApplicable(benchmark, round)) {
          skip("not_applicable");
          continue;
        }
        const source = sources.get(benchmark.id);
        if (!source) {
          skip("no_previous");
          continue;
        }
        try {
          appendAssessment(
            tx,
            {
              benchmarkId: benchmark.id,
              roundId: round.id,
              reviewerId: input.reviewerId,
              status: source.status,
              rationale: carriedForwardRationale(source),
              evidence: evidence.filter((e) => e.assessmentId === source.assessmentId).map(({ assessmentId: _a, ...e }) => e),
              expectedLatestId,
            },
            { carriedForwardFrom: { roundId: source.roundId, assessmentId: source.assessmentId, basis: source.basis } },
          );
          result.created.push({ benchmarkSlug, title: benchmark.title, status: source.status, fromRound: source.roundName });
        } catch (error) {
          // The conflict check runs before anything of this benchmark is written.
          if (!(error instanceof ConflictError)) throw error;
          skip("changed");
        }
      }
      return result;
    },
    { behavior: "immediate" },
  );
}

/** The latest decision on each benchmark at a round: the one publishing uses. */
export function listLatestDecisions(roundId: number, db: Db = getDb()): Map<number, Decision & { id: number }> {
  const latestIds = db
    .select({ id: sql<number>`max(${editorDecisions.id})` })
    .from(editorDecisions)
    .where(eq(editorDecisions.roundId, roundId))
    .groupBy(editorDecisions.benchmarkId);
  return new Map(
    db
      .select({ id: editorDecisions.id, benchmarkId: editorDecisions.benchmarkId, assessmentId: editorDecisions.assessmentId, status: assessments.status, isRuling: assessments.isRuling })
      .from(editorDecisions)
      .innerJoin(assessments, eq(assessments.id, editorDecisions.assessmentId))
      .where(inArray(editorDecisions.id, latestIds))
      .all()
      .map(({ benchmarkId, ...decision }) => [benchmarkId, decision]),
  );
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
  evidence: EvidenceLink[];
  note: string;
  decidedByName: string;
  decidedAt: string;
}

const reviewer = alias(users, "reviewer");

/** Every decision at a round, newest first: the first for a benchmark is the one that counts, the rest its history. */
export function listDecisionHistory(roundId: number, db: Db = getDb()): DecisionRecord[] {
  const rows = db
    .select({
      id: editorDecisions.id,
      benchmarkId: editorDecisions.benchmarkId,
      assessmentId: editorDecisions.assessmentId,
      status: assessments.status,
      isRuling: assessments.isRuling,
      reviewerName: reviewer.name,
      rationale: assessments.rationale,
      note: editorDecisions.note,
      decidedByName: users.name,
      decidedAt: editorDecisions.decidedAt,
    })
    .from(editorDecisions)
    .innerJoin(assessments, eq(assessments.id, editorDecisions.assessmentId))
    .innerJoin(reviewer, eq(reviewer.id, assessments.reviewerId))
    .innerJoin(users, eq(users.id, editorDecisions.decidedBy))
    .where(eq(editorDecisions.roundId, roundId))
    .orderBy(desc(editorDecisions.id))
    .all();
  const evidence = listEvidenceByAssessment(
    rows.map((r) => r.assessmentId),
    db,
  );
  return rows.map((r) => ({ ...r, evidence: evidence.get(r.assessmentId) ?? [] }));
}

export type DecisionChoice = { kind: "assessment"; assessmentId: number } | { kind: "own"; status: Status; rationale: string; evidence: EvidenceLink[] };

export interface NewDecision {
  benchmarkId: number;
  roundId: number;
  editorId: string;
  stands: DecisionChoice;
  note: string;
  /** The latest decision's id when the form was opened (0 for none): another one since means a conflict. */
  expectedDecisionId: number;
}

/**
 * Records an editor's decision on a disagreement, or a revision of an earlier decision: a
 * reviewer's current assessment stands, or the editor's own ruling (status, rationale, evidence,
 * written as an assessment marked as a ruling). Appended: earlier decisions stay as the history.
 */
export function createDecision(input: NewDecision, db: Db = getDb()): number {
  return db.transaction(
    (tx) => {
      const earlier = listLatestDecisions(input.roundId, tx as unknown as Db).get(input.benchmarkId) ?? null;
      if ((earlier?.id ?? 0) !== input.expectedDecisionId) {
        throw new ConflictError("Another decision on this benchmark was recorded after you opened the form. Nothing was saved: reload to see it, then decide again.");
      }
      const current = listLatestAssessments(input.roundId, tx as unknown as Db).get(input.benchmarkId) ?? [];
      if (!earlier && proposeScore(current, null).kind !== "disagreement") {
        throw new ConflictError("The reviewers do not disagree on this benchmark (or fewer than two have scored it): there is nothing to decide.");
      }
      let assessmentId: number;
      if (input.stands.kind === "assessment") {
        const chosenId = input.stands.assessmentId;
        if (!current.some((a) => a.id === chosenId)) throw new ConflictError("That assessment is not a reviewer's current score of this benchmark at this round. Reload and choose again.");
        assessmentId = chosenId;
      } else {
        const [ruling] = tx
          .insert(assessments)
          .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, reviewerId: input.editorId, status: input.stands.status, rationale: input.stands.rationale, isRuling: true })
          .returning({ id: assessments.id })
          .all();
        assessmentId = ruling!.id;
        if (input.stands.evidence.length > 0) tx.insert(evidenceLinks).values(input.stands.evidence.map((e) => ({ ...e, assessmentId }))).run();
      }
      const [row] = tx
        .insert(editorDecisions)
        .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, assessmentId, decidedBy: input.editorId, note: input.note })
        .returning({ id: editorDecisions.id })
        .all();
      const status = input.stands.kind === "own" ? input.stands.status : current.find((a) => a.id === assessmentId)!.status;
      recordAudit(tx, {
        userId: input.editorId,
        action: earlier ? "decision.revise" : "decision.create",
        entity: "editor_decision",
        entityId: row!.id,
        before: earlier ? { decisionId: earlier.id, assessmentId: earlier.assessmentId, status: earlier.status, own: earlier.isRuling } : null,
        after: {
          benchmarkId: input.benchmarkId,
          roundId: input.roundId,
          assessmentId,
          status,
          own: input.stands.kind === "own",
          note: input.note,
          ...(input.stands.kind === "own" ? { rationale: input.stands.rationale, evidence: input.stands.evidence } : {}),
        },
      });
      return row!.id;
    },
    { behavior: "immediate" },
  );
}

export interface PublicationItem {
  benchmark: ReviewBenchmark;
  /** Each reviewer's current assessment. */
  assessments: LatestAssessmentRow[];
  proposal: Proposal;
}

/** What publishing the round now would do with each benchmark that applies there. */
export function planPublication(round: { id: number; startDate: string; trackId: number }, db: Db = getDb()): PublicationItem[] {
  const latest = listLatestAssessments(round.id, db);
  const decisions = listLatestDecisions(round.id, db);
  return listRoundBenchmarks(round, db).map((benchmark) => {
    const current = latest.get(benchmark.id) ?? [];
    return { benchmark, assessments: current, proposal: proposeScore(current, decisions.get(benchmark.id) ?? null) };
  });
}

export interface PublishResult {
  published: number;
  changed: number;
  withheld: number;
  publishedAt: string;
  /** The round's public figures after publishing fall below the editors' coverage threshold. */
  preliminary: boolean;
}

/** Publishing would make a round's figures preliminary, and the editor did not say they accept that. */
export class PreliminaryRefusedError extends Error {}

interface PublishedNow {
  status: Status;
  assessmentId: number;
  basis: PublishedBasis;
  evidence: EvidenceLink[];
}

function readPublishedNow(tx: Db, roundId: number): Map<number, PublishedNow> {
  const scores = tx
    .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status, assessmentId: publishedScores.assessmentId, basis: publishedScores.basis })
    .from(publishedScores)
    .where(eq(publishedScores.roundId, roundId))
    .all();
  const evidence = new Map<number, EvidenceLink[]>();
  for (const { benchmarkId, ...link } of tx
    .select({ benchmarkId: publishedEvidence.benchmarkId, url: publishedEvidence.url, title: publishedEvidence.title, publishedOn: publishedEvidence.publishedOn })
    .from(publishedEvidence)
    .where(eq(publishedEvidence.roundId, roundId))
    .orderBy(asc(publishedEvidence.benchmarkId), asc(publishedEvidence.position))
    .all()) {
    evidence.set(benchmarkId, [...(evidence.get(benchmarkId) ?? []), link]);
  }
  return new Map(scores.map(({ benchmarkId, ...score }) => [benchmarkId, { ...score, evidence: evidence.get(benchmarkId) ?? [] }]));
}

const sameEvidence = (a: readonly EvidenceLink[], b: readonly EvidenceLink[]) => JSON.stringify(a) === JSON.stringify(b);

/** The writes of a publication, inside the caller's transaction on `db`'s connection; with the plan it carried out. */
function writePublication(db: Db, roundId: number, editorId: string): Omit<PublishResult, "preliminary"> & { plan: PublicationItem[] } {
  const round = db.select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId, publishedAt: rounds.publishedAt }).from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new ConflictError("No such round.");
  const plan = planPublication(round, db);
  const existing = readPublishedNow(db, roundId);
  const evidenceOf = listEvidenceByAssessment(
    plan.flatMap((item) => (item.proposal.kind === "agreement" || item.proposal.kind === "decided" ? item.proposal.evidenceFrom : [])),
    db,
  );
  const publishedAt = new Date().toISOString();
  let published = 0;
  let changed = 0;
  let withheld = 0;
  for (const { benchmark, proposal } of plan) {
    if (proposal.kind !== "agreement" && proposal.kind !== "decided") {
      withheld += 1;
      continue;
    }
    published += 1;
    const before = existing.get(benchmark.id);
    const basis: PublishedBasis = proposal.kind === "agreement" ? "agreement" : "editor";
    // The assessment whose rationale is shown comes first, so its links lead.
    const sources = [proposal.assessmentId, ...proposal.evidenceFrom.filter((id) => id !== proposal.assessmentId)];
    const evidence = unionEvidence(sources.map((id) => evidenceOf.get(id) ?? []));
    if (before && before.status === proposal.status && before.assessmentId === proposal.assessmentId && before.basis === basis && sameEvidence(before.evidence, evidence)) continue;
    changed += 1;
    const values = { status: proposal.status, basis, assessmentId: proposal.assessmentId, decidedBy: editorId, decidedAt: publishedAt, isDemo: false };
    db.insert(publishedScores)
      .values({ benchmarkId: benchmark.id, roundId, ...values })
      .onConflictDoUpdate({ target: [publishedScores.benchmarkId, publishedScores.roundId], set: values })
      .run();
    db.delete(publishedEvidence).where(and(eq(publishedEvidence.benchmarkId, benchmark.id), eq(publishedEvidence.roundId, roundId))).run();
    if (evidence.length > 0) db.insert(publishedEvidence).values(evidence.map((e, i) => ({ benchmarkId: benchmark.id, roundId, position: i + 1, ...e }))).run();
    recordAudit(db, { userId: editorId, action: "score.publish", entity: "published_score", entityId: `${benchmark.id}@${roundId}`, before: before ?? null, after: { ...values, evidence } });
  }
  db.update(rounds).set({ publishedAt }).where(eq(rounds.id, roundId)).run();
  recordAudit(db, { userId: editorId, action: "round.publish", entity: "round", entityId: roundId, before: { publishedAt: round.publishedAt }, after: { publishedAt, published, changed, withheld } });
  // The transaction object has no raw client; the connection is the same one.
  refreshAggregatesAfterPublishing(db, roundId);
  return { published, changed, withheld, publishedAt, plan };
}

/**
 * Publishes a round: every benchmark with an agreement or an editor's ruling gets its published
 * score and evidence (the previous ones are kept in the audit log), and the round gets its new data
 * version. If the round's figures would then be preliminary, nothing is published unless the
 * editor accepts that (`acceptPreliminary`).
 */
export function publishRound(roundId: number, editorId: string, db: Db = getDb(), options: { acceptPreliminary?: boolean } = {}): PublishResult {
  return db.transaction(
    () => {
      const { plan: _plan, ...result } = writePublication(db, roundId, editorId);
      const preliminary = listPreliminaryRoundIdsNow(db).has(roundId);
      if (preliminary && !options.acceptPreliminary) {
        throw new PreliminaryRefusedError("Publishing now would make this round's figures preliminary: too few of its benchmarks are judged. Nothing was published. Tick the box to publish them as preliminary, or wait for more scores.");
      }
      return { ...result, preliminary };
    },
    { behavior: "immediate" },
  );
}

/** Thrown to roll back a publication that was only a rehearsal, carrying what it would have shown. */
class Rehearsal extends Error {
  constructor(readonly outcome: { result: ReturnType<typeof writePublication>; after: DashboardSummary }) {
    super("rehearsal");
  }
}

export interface PublicationPreview {
  plan: PublicationItem[];
  /** Scores that would be new or different from what the public sees now. */
  changed: number;
  /** The dashboard's figures per round now, and as they would be after publishing (unfiltered). */
  before: DashboardSummary;
  after: DashboardSummary;
}

/**
 * What publishing the round would publish and what the dashboard would then show, by publishing it
 * in a transaction that is rolled back: the same writes, aggregates and figures as publishRound,
 * not a second calculation of them. Synchronous from start to end, so no other request on this
 * connection can see the rehearsal.
 */
export function previewPublication(roundId: number, editorId: string, db: Db = getDb()): PublicationPreview {
  const before = getPublishedFiguresNow(db);
  try {
    db.transaction(
      () => {
        const result = writePublication(db, roundId, editorId);
        throw new Rehearsal({ result, after: getPublishedFiguresNow(db) });
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!(error instanceof Rehearsal)) throw error;
    // The plan was read before the rehearsal wrote anything: it is what stands now.
    return { plan: error.outcome.result.plan, changed: error.outcome.result.changed, before, after: error.outcome.after };
  }
  throw new Error("A rehearsed publication was not rolled back.");
}
