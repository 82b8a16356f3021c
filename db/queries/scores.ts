import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { PublishedBasis, Status } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { assessments, benchmarks, publishedEvidence, publishedScores, rounds } from "../schema";
import { isInScope } from "@/lib/scoring";
import { withScopes } from "./benchmark-scope";
import { getPublicRedactor } from "./public-text";
import { inBatches } from "./shared";

export interface EvidenceLink {
  url: string;
  title: string;
  publishedOn: string | null;
}

export interface PublishedScoreDetail {
  benchmarkId: number;
  roundId: number;
  status: Status;
  basis: PublishedBasis;
  isDemo: boolean;
  rationale: string;
  decidedAt: string;
  evidence: EvidenceLink[];
}

/** Published scores with the rationale and evidence (fixed at publication) the public sees, names withheld, for some benchmarks or some rounds. */
export function listPublishedScoreDetails(
  where: { benchmarkIds?: number[]; roundIds?: number[] },
  db: Db = getDb(),
): PublishedScoreDetail[] {
  if (where.benchmarkIds?.length === 0 || where.roundIds?.length === 0) return [];
  const redactor = getPublicRedactor(db);
  const select = (benchmarkIds?: number[]) =>
    db
      .select({
        benchmarkId: publishedScores.benchmarkId,
        roundId: publishedScores.roundId,
        status: publishedScores.status,
        basis: publishedScores.basis,
        isDemo: publishedScores.isDemo,
        decidedAt: publishedScores.decidedAt,
        assessmentId: publishedScores.assessmentId,
        rationale: assessments.rationale,
      })
      .from(publishedScores)
      .innerJoin(rounds, and(eq(rounds.id, publishedScores.roundId), isNotNull(rounds.publishedAt)))
      .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
      .where(
        and(
          benchmarkIds ? inArray(publishedScores.benchmarkId, benchmarkIds) : undefined,
          where.roundIds ? inArray(publishedScores.roundId, where.roundIds) : undefined,
        ),
      )
      .all();
  const rows = where.benchmarkIds ? inBatches(where.benchmarkIds, select) : select();

  const evidence = new Map<string, EvidenceLink[]>();
  const key = (benchmarkId: number, roundId: number) => `${benchmarkId}@${roundId}`;
  const links = inBatches(
    [...new Set(rows.map((r) => r.benchmarkId))],
    (batch) =>
      db
        .select({ benchmarkId: publishedEvidence.benchmarkId, roundId: publishedEvidence.roundId, url: publishedEvidence.url, title: publishedEvidence.title, publishedOn: publishedEvidence.publishedOn })
        .from(publishedEvidence)
        .where(and(inArray(publishedEvidence.benchmarkId, batch), where.roundIds ? inArray(publishedEvidence.roundId, where.roundIds) : undefined))
        .orderBy(asc(publishedEvidence.benchmarkId), asc(publishedEvidence.roundId), asc(publishedEvidence.position))
        .all(),
  );
  for (const { benchmarkId, roundId, ...link } of links) {
    evidence.set(key(benchmarkId, roundId), [...(evidence.get(key(benchmarkId, roundId)) ?? []), { url: redactor.url(link.url), title: redactor.text(link.title), publishedOn: link.publishedOn }]);
  }
  return rows.map(({ assessmentId: _assessment, ...row }) => ({ ...row, rationale: redactor.text(row.rationale), evidence: evidence.get(key(row.benchmarkId, row.roundId)) ?? [] }));
}

/**
 * Each benchmark's current status, with its title as the public reads it: its published status at the latest published round where it
 * applies and was scored (lib/dashboard latestStatuses). Read round by round from the latest back,
 * asking each round only for the benchmarks still without one, so it costs about one lookup per
 * benchmark rather than one per score.
 */
export function listCurrentStatuses(benchmarkIds: number[], db: Db = getDb()): Map<number, { status: Status; title: string }> {
  const result = new Map<number, { status: Status; title: string }>();
  if (benchmarkIds.length === 0) return result;
  const redactor = getPublicRedactor(db);
  const info = new Map(
    withScopes(
      inBatches(benchmarkIds, (batch) =>
        db.select({ id: benchmarks.id, title: benchmarks.title, retiredOn: benchmarks.retiredOn }).from(benchmarks).where(inArray(benchmarks.id, batch)).all(),
      ),
      db,
    ).map((b) => [b.id, b]),
  );
  const published = db
    .select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId })
    .from(rounds)
    .where(isNotNull(rounds.publishedAt))
    .orderBy(desc(rounds.startDate), desc(rounds.id))
    .all();
  let missing = [...info.keys()];
  for (const round of published) {
    if (missing.length === 0) break;
    // A score at a round on or after a benchmark's retirement, or at a track outside its scope, is not its current status.
    const candidates = missing.filter((id) => {
      const b = info.get(id)!;
      return (b.retiredOn === null || round.startDate < b.retiredOn) && isInScope(b, round.trackId);
    });
    const found = inBatches(candidates, (batch) =>
      db
        .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status })
        .from(publishedScores)
        .where(and(eq(publishedScores.roundId, round.id), inArray(publishedScores.benchmarkId, batch)))
        .all(),
    );
    for (const f of found) result.set(f.benchmarkId, { status: f.status, title: redactor.text(info.get(f.benchmarkId)!.title) });
    missing = missing.filter((id) => !result.has(id));
  }
  return result;
}
