import "server-only";
// What reviewers write: assessments, appended and never updated, one at a time or carried forward
// from an earlier round in bulk. Each runs in a write transaction with its conflict check, so two
// saves of the same reviewer's score (two tabs, two processes) cannot both pass it.
import { and, desc, eq, inArray } from "drizzle-orm";
import { CodedRefusal, type RefusalCode, type RefusalParam } from "@/lib/refusal";
import type { Status } from "@/lib/domain";
import { carriedForwardRationale } from "@/lib/review";
import { isApplicable, isInScope } from "@/lib/scoring";
import { assessments, benchmarks, evidenceLinks } from "../schema";
import { transaction, type Executor } from "../transaction";
import { listCarryForwardSources, listEvidence, type CarryForwardSourceRow } from "../queries/assessments";
import { withScopes } from "../queries/benchmark-scope";
import { getReviewBenchmark, getReviewRound, type ReviewRound } from "../queries/review";
import { appliesFromDate } from "../queries/shared";
import { recordAudit } from "./audit";
import { detectTextLang } from "@/lib/localized";
import { firstRow, lockUntilCommit } from "../dialect";

export class ConflictError extends CodedRefusal {
  /** For a stale form: the id of the reviewer's latest assessment now, so a tool can show it. */
  constructor(
    code: RefusalCode,
    message: string,
    params: Record<string, RefusalParam> = {},
    readonly latestId?: number,
  ) {
    super(code, message, params);
  }
}

/** Why a score was refused before anything was written: the round or benchmark is missing, or it does not apply. */
export class ScoreRefusedError extends CodedRefusal {
  readonly reason: "missing" | "not_applicable";
  constructor(code: "scoreMissing" | "scoreRoundMissing" | "scoreNotApproved" | "scoreNotApplicable" | "scoreNotInScope", message: string, params: Record<string, RefusalParam> = {}) {
    super(code, message, params);
    this.reason = code === "scoreMissing" || code === "scoreRoundMissing" ? "missing" : "not_applicable";
  }
}

export interface NewAssessment {
  benchmarkId: number;
  roundId: number;
  reviewerId: string;
  status: Status;
  rationale: string;
  /** The rationale rests on public record (its evidence is the source); carried-forward scores never claim it. */
  publicRecord?: boolean;
  evidence: Array<{ url: string; title: string; publishedOn: string | null }>;
  /** The reviewer's latest assessment id when the form was opened (0 for none): a different one now means a conflict. */
  expectedLatestId: number;
}

/** Inside a write transaction: the conflict check, the row, its evidence and its audit entry. The check throws before anything is written. */
async function appendAssessment(tx: Executor, input: NewAssessment, origin?: Record<string, unknown>): Promise<number> {
  // One save at a time per reviewer, benchmark and round, so that two tabs cannot both pass the check.
  await lockUntilCommit(tx, `assessment:${input.benchmarkId}:${input.roundId}:${input.reviewerId}`);
  const latest = await firstRow(tx
    .select({ id: assessments.id, status: assessments.status, createdAt: assessments.createdAt })
    .from(assessments)
    .where(and(eq(assessments.benchmarkId, input.benchmarkId), eq(assessments.roundId, input.roundId), eq(assessments.reviewerId, input.reviewerId), eq(assessments.isRuling, false)))
    .orderBy(desc(assessments.id))
    .limit(1));
  if ((latest?.id ?? 0) !== input.expectedLatestId) {
    const time = latest?.createdAt.slice(0, 16).replace("T", " ") ?? "an unknown time";
    const status = latest?.status ?? "none";
    throw new ConflictError(
      "scoreChanged",
      `This score was changed at ${time} UTC (now “${status}”) after you opened the form. Nothing was saved: reload to see the current score, then save again.`,
      { time, status },
      latest?.id ?? 0,
    );
  }
  const [row] = await tx
    .insert(assessments)
    .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, reviewerId: input.reviewerId, status: input.status, rationale: input.rationale, rationaleLang: detectTextLang(input.rationale), publicRecord: input.publicRecord ?? false })
    .returning({ id: assessments.id });
  const id = row!.id;
  if (input.evidence.length > 0) await tx.insert(evidenceLinks).values(input.evidence.map((e) => ({ ...e, assessmentId: id })));
  await recordAudit(tx, {
    userId: input.reviewerId,
    action: "assessment.create",
    entity: "assessment",
    entityId: id,
    before: latest ? { id: latest.id, status: latest.status } : null,
    after: { benchmarkId: input.benchmarkId, roundId: input.roundId, status: input.status, rationale: input.rationale, publicRecord: input.publicRecord ?? false, evidence: input.evidence, ...origin },
  });
  return id;
}

/** Appends a reviewer's assessment; never updates one. Refuses if the reviewer's latest changed since the form was opened. */
export async function createAssessment(db: Executor, input: NewAssessment): Promise<number> {
  return await transaction(db, (tx) => appendAssessment(tx, input));
}

/**
 * A reviewer scores a benchmark at a round, by their identifiers: the one path the review form and
 * the assessments API share, so both keep the same rules (applicability, append-only, stale-form conflict).
 */
export async function saveScore(
  db: Executor,
  input: { roundSlug: string; benchmarkSlug: string } & Omit<NewAssessment, "benchmarkId" | "roundId">,
): Promise<{ id: number; round: ReviewRound }> {
  const round = await getReviewRound(db, input.roundSlug);
  const benchmark = await getReviewBenchmark(db, input.benchmarkSlug);
  if (!round || !benchmark) throw new ScoreRefusedError("scoreMissing", "That round or benchmark no longer exists. Nothing was saved.");
  if (benchmark.reviewState !== "approved") throw new ScoreRefusedError("scoreNotApproved", "This benchmark is not approved by an editor yet: it is scored once approved. Nothing was saved.");
  if (!isApplicable(benchmark, round)) {
    if (isInScope(benchmark, round.trackId)) throw new ScoreRefusedError("scoreNotApplicable", "This benchmark does not apply at this round. Nothing was saved.");
    throw new ScoreRefusedError("scoreNotInScope", `This benchmark does not apply at this round. It is not assessed at ${round.trackName} rounds. Nothing was saved.`, {
      track: { en: round.trackName, zh: round.trackNameZh },
    });
  }
  const { roundSlug: _round, benchmarkSlug: _benchmark, ...assessment } = input;
  const id = await createAssessment(db, { ...assessment, benchmarkId: benchmark.id, roundId: round.id });
  return { id, round };
}

export type CarryForwardSkip = "changed" | "not_applicable" | "missing" | "no_previous";

export interface CarryForwardResult {
  round: ReviewRound;
  created: Array<{ benchmarkSlug: string; title: string; status: Status; fromRound: string }>;
  skipped: Array<{ benchmarkSlug: string; title: string; reason: CarryForwardSkip }>;
}

export interface CarryForwardInput {
  roundSlug: string;
  reviewerId: string;
  chosen: ReadonlyArray<{ benchmarkSlug: string; expectedLatestId: number }>;
}

/**
 * A reviewer carries the previous round's scores forward unchanged, for many benchmarks at once, in
 * one transaction: each becomes a new assessment of theirs with the source's status and evidence and
 * a rationale naming the round it came from (never demo text). A benchmark scored by this reviewer
 * since the queue was opened, one that does not apply at the round, or one with no earlier score is
 * skipped and reported; the rest are written.
 */
export async function carryForwardScores(db: Executor, input: CarryForwardInput): Promise<CarryForwardResult> {
  return await transaction(db, async (tx) => {
    const round = await getReviewRound(tx, input.roundSlug);
    if (!round) throw new ScoreRefusedError("scoreRoundMissing", "That round no longer exists. Nothing was saved.");
    const slugs = [...new Set(input.chosen.map((c) => c.benchmarkSlug))];
    const rows = await tx
      .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, appliesFromDate, retiredOn: benchmarks.retiredOn })
      .from(benchmarks)
      .where(inArray(benchmarks.slug, slugs));
    const found = new Map((await withScopes(tx, rows)).map((b) => [b.slug, b]));
    const applicable = [...found.values()].filter((b) => isApplicable(b, round));
    const sources = await listCarryForwardSources(tx, round, input.reviewerId, applicable);
    const evidence = await listEvidence(
      tx,
      [...sources.values()].map((s) => s.assessmentId),
    );
    const result: CarryForwardResult = { round, created: [], skipped: [] };
    const seen = new Set<string>();
    for (const { benchmarkSlug, expectedLatestId } of input.chosen) {
      if (seen.has(benchmarkSlug)) continue;
      seen.add(benchmarkSlug);
      const benchmark = found.get(benchmarkSlug);
      const source = benchmark && sources.get(benchmark.id);
      const reason: CarryForwardSkip | null = !benchmark ? "missing" : !isApplicable(benchmark, round) ? "not_applicable" : !source ? "no_previous" : null;
      if (reason === null) {
        const carried = { benchmarkId: benchmark!.id, roundId: round.id, reviewerId: input.reviewerId, expectedLatestId, source: source!, evidence };
        if (await carryForwardOne(tx, carried)) {
          result.created.push({ benchmarkSlug, title: benchmark!.title, status: source!.status, fromRound: source!.roundName });
          continue;
        }
      }
      result.skipped.push({ benchmarkSlug, title: benchmark?.title ?? benchmarkSlug, reason: reason ?? "changed" });
    }
    return result;
  });
}

/** One benchmark's carried score, inside carryForwardScores' transaction; false when the reviewer scored it since the queue was opened. */
async function carryForwardOne(
  tx: Executor,
  carried: { benchmarkId: number; roundId: number; reviewerId: string; expectedLatestId: number; source: CarryForwardSourceRow; evidence: Awaited<ReturnType<typeof listEvidence>> },
): Promise<boolean> {
  const { source } = carried;
  try {
    await appendAssessment(
      tx,
      {
        benchmarkId: carried.benchmarkId,
        roundId: carried.roundId,
        reviewerId: carried.reviewerId,
        status: source.status,
        rationale: carriedForwardRationale(source),
        evidence: carried.evidence.filter((e) => e.assessmentId === source.assessmentId).map(({ assessmentId: _a, ...e }) => e),
        expectedLatestId: carried.expectedLatestId,
      },
      { carriedForwardFrom: { roundId: source.roundId, assessmentId: source.assessmentId, basis: source.basis } },
    );
    return true;
  } catch (error) {
    // The conflict check runs before anything of this benchmark is written.
    if (!(error instanceof ConflictError)) throw error;
    return false;
  }
}
