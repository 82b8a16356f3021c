import "server-only";
// Publishing a round, and rehearsing it: the same writes, rolled back, to show what it would change.
import { and, eq } from "drizzle-orm";
import { CodedRefusal } from "@/lib/refusal";
import type { PublishedBasis } from "@/lib/domain";
import { unionEvidence, type EvidenceLink } from "@/lib/review";
import { publishedEvidence, publishedScores, rounds } from "../schema";
import { transaction, type Executor } from "../transaction";
import { listEvidenceByAssessment } from "../queries/assessments";
import { getDashboardSummary, type DashboardSummary } from "../queries/dashboard-summary";
import { listPublishedNow, planPublication, type PublicationItem, type PublishedNow } from "../queries/decisions";
import { listPreliminaryRoundIds } from "../queries/published-aggregates";
import { refreshAggregatesAfterPublishing } from "./published-aggregates";
import { recordAudit } from "./audit";
import { ensureFirstRelease, recordRelease } from "./releases";
import { ConflictError } from "./review";
import { firstRow } from "../dialect";

export interface PublishResult {
  /** The release this publication recorded. */
  release: number;
  published: number;
  changed: number;
  withheld: number;
  publishedAt: string;
  /** The round's public figures after publishing fall below the editors' coverage threshold. */
  preliminary: boolean;
}

/** Publishing would make a round's figures preliminary, and the editor did not say they accept that. */
export class PreliminaryRefusedError extends CodedRefusal {}

const sameEvidence = (a: readonly EvidenceLink[], b: readonly EvidenceLink[]) => JSON.stringify(a) === JSON.stringify(b);

type Publication = Omit<PublishResult, "preliminary"> & { plan: PublicationItem[] };

/** The writes of a publication, inside the caller's transaction `tx`; with the plan it carried out. */
async function writePublication(tx: Executor, roundId: number, editorId: string, note = ""): Promise<Publication> {
  const round = await firstRow(tx.select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId, publishedAt: rounds.publishedAt }).from(rounds).where(eq(rounds.id, roundId)).limit(1));
  if (!round) throw new ConflictError("noRound", "No such round.");
  // Data published before releases began becomes release 1 first, so this one changes only this round.
  await ensureFirstRelease(tx);
  const plan = await planPublication(tx, round);
  const existing = await listPublishedNow(tx, roundId);
  const evidenceOf = await listEvidenceByAssessment(
    tx,
    plan.flatMap((item) => (item.proposal.kind === "agreement" || item.proposal.kind === "decided" ? item.proposal.evidenceFrom : [])),
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
    await writePublishedScore(tx, { benchmarkId: benchmark.id, roundId, editorId, publishedAt, status: proposal.status, assessmentId: proposal.assessmentId, basis, evidence, before });
  }
  await tx.update(rounds).set({ publishedAt }).where(eq(rounds.id, roundId));
  const release = await recordRelease(tx, { roundIds: [roundId], firstTime: new Set(round.publishedAt === null ? [roundId] : []), userId: editorId, note, publishedAt });
  await recordAudit(tx, { userId: editorId, action: "round.publish", entity: "round", entityId: roundId, before: { publishedAt: round.publishedAt }, after: { publishedAt, published, changed, withheld, release: release.number } });
  await refreshAggregatesAfterPublishing(tx, roundId);
  return { release: release.number, published, changed, withheld, publishedAt, plan };
}

/** One benchmark's new published score and evidence, replacing what the public saw (kept in the audit log). */
async function writePublishedScore(
  tx: Executor,
  score: { benchmarkId: number; roundId: number; editorId: string; publishedAt: string; before: PublishedNow | undefined; evidence: EvidenceLink[] } & Pick<PublishedNow, "status" | "assessmentId" | "basis">,
): Promise<void> {
  const { benchmarkId, roundId, evidence } = score;
  const values = { status: score.status, basis: score.basis, assessmentId: score.assessmentId, decidedBy: score.editorId, decidedAt: score.publishedAt, isDemo: false };
  await tx
    .insert(publishedScores)
    .values({ benchmarkId, roundId, ...values })
    .onConflictDoUpdate({ target: [publishedScores.benchmarkId, publishedScores.roundId], set: values });
  await tx.delete(publishedEvidence).where(and(eq(publishedEvidence.benchmarkId, benchmarkId), eq(publishedEvidence.roundId, roundId)));
  if (evidence.length > 0) await tx.insert(publishedEvidence).values(evidence.map((e, i) => ({ benchmarkId, roundId, position: i + 1, ...e })));
  await recordAudit(tx, { userId: score.editorId, action: "score.publish", entity: "published_score", entityId: `${benchmarkId}@${roundId}`, before: score.before ?? null, after: { ...values, evidence } });
}

/**
 * Publishes a round: every benchmark with an agreement or an editor's ruling gets its published
 * score and evidence (the previous ones are kept in the audit log), and the round gets its new data
 * version, and records the next release (with the editor's `note`). If the round's figures would then be preliminary, nothing is published unless the
 * editor accepts that (`acceptPreliminary`).
 */
export async function publishRound(db: Executor, roundId: number, editorId: string, options: { acceptPreliminary?: boolean; note?: string } = {}): Promise<PublishResult> {
  return await transaction(db, async (tx) => {
    const { plan: _plan, ...result } = await writePublication(tx, roundId, editorId, options.note);
    const preliminary = (await listPreliminaryRoundIds(tx)).has(roundId);
    if (preliminary && !options.acceptPreliminary) {
      throw new PreliminaryRefusedError("preliminaryRefused", "Publishing now would make this round's figures preliminary: too few of its benchmarks are judged. Nothing was published. Tick the box to publish them as preliminary, or wait for more scores.");
    }
    return { ...result, preliminary };
  });
}

/** Thrown to roll back a publication that was only a rehearsal, carrying what it would have shown. */
class Rehearsal extends Error {
  constructor(readonly outcome: { result: Publication; after: DashboardSummary }) {
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
 * not a second calculation of them. The rehearsal awaits nothing but the database, and transaction()
 * queues every other transaction on this connection behind it.
 */
export async function previewPublication(db: Executor, roundId: number, editorId: string): Promise<PublicationPreview> {
  const before = await getDashboardSummary(db, {}, { figuresOnly: true });
  try {
    await transaction(db, async (tx) => {
      const result = await writePublication(tx, roundId, editorId);
      throw new Rehearsal({ result, after: await getDashboardSummary(tx, {}, { figuresOnly: true }) });
    });
  } catch (error) {
    if (!(error instanceof Rehearsal)) throw error;
    // The plan was read before the rehearsal wrote anything: it is what stands now.
    return { plan: error.outcome.result.plan, changed: error.outcome.result.changed, before, after: error.outcome.after };
  }
  throw new Error("A rehearsed publication was not rolled back.");
}
