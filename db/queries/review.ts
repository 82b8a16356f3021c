import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DatePrecision, Status, SubjectKind } from "@/lib/domain";
import { carriedForwardRationale, nextUnscored, proposeScore, type CarryForwardSource, type LatestAssessment } from "@/lib/review";
import { isApplicable, isInScope } from "@/lib/scoring";
import { getDb, type Db } from "../client";
import { assessments, benchmarks, benchmarkSubjects, categories, editorDecisions, evidenceLinks, publishedScores, rounds, subjects, tracks, users } from "../schema";
import { recordAudit } from "./audit";
import { readDataVersion, refreshAggregatesAfterPublishing } from "./published-aggregates";
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
  return db
    .select({ assessmentId: evidenceLinks.assessmentId, url: evidenceLinks.url, title: evidenceLinks.title, publishedOn: evidenceLinks.publishedOn })
    .from(evidenceLinks)
    .where(inArray(evidenceLinks.assessmentId, assessmentIds))
    .all();
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
        .where(and(eq(assessments.reviewerId, reviewerId), eq(assessments.roundId, earlier.id), inArray(assessments.benchmarkId, batch)))
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
      const round = tx.select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId, publishedAt: rounds.publishedAt }).from(rounds).where(eq(rounds.id, roundId)).get();
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
