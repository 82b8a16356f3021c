import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { ContentLang, PublishedBasis, Status } from "@/lib/domain";
import type { Executor } from "../transaction";
import { assessments, benchmarks, publishedEvidence, publishedScores, rounds } from "../schema";
import { isInScope } from "@/lib/scoring";
import { withScopes } from "./benchmark-scope";
import { getPublicRedactor, type PublicRedactor } from "./public-text";
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
  /** The language the rationale is written in, so that a page in the other language marks it. */
  rationaleLang: ContentLang;
  /** The rationale rests on public record; with no evidence, the page says it is still to be verified. */
  publicRecord: boolean;
  decidedAt: string;
  evidence: EvidenceLink[];
}

/** Published scores with the rationale and evidence (fixed at publication) the public sees, names withheld, for some benchmarks or some rounds. */
export async function listPublishedScoreDetails(db: Executor, where: { benchmarkIds?: number[]; roundIds?: number[] }): Promise<PublishedScoreDetail[]> {
  if (where.benchmarkIds?.length === 0 || where.roundIds?.length === 0) return [];
  const redactor = await getPublicRedactor(db);
  const select = async (benchmarkIds?: number[]) =>
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
        rationaleLang: assessments.rationaleLang,
        publicRecord: assessments.publicRecord,
      })
      .from(publishedScores)
      .innerJoin(rounds, and(eq(rounds.id, publishedScores.roundId), isNotNull(rounds.publishedAt)))
      .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
      .where(
        and(
          benchmarkIds ? inArray(publishedScores.benchmarkId, benchmarkIds) : undefined,
          where.roundIds ? inArray(publishedScores.roundId, where.roundIds) : undefined,
        ),
      );
  const rows = where.benchmarkIds ? await inBatches(where.benchmarkIds, select) : await select();
  const evidence = await listPublishedEvidence(db, redactor, [...new Set(rows.map((r) => r.benchmarkId))], where.roundIds);
  return rows.map(({ assessmentId: _assessment, ...row }) => ({ ...row, rationale: redactor.text(row.rationale), evidence: evidence.get(evidenceKey(row.benchmarkId, row.roundId)) ?? [] }));
}

const evidenceKey = (benchmarkId: number, roundId: number) => `${benchmarkId}@${roundId}`;

/** The evidence fixed at publication for the scores of some benchmarks (at some rounds), names withheld, by evidenceKey. */
async function listPublishedEvidence(db: Executor, redactor: PublicRedactor, benchmarkIds: number[], roundIds: number[] | undefined): Promise<Map<string, EvidenceLink[]>> {
  const links = await inBatches(benchmarkIds, async (batch) =>
    db
      .select({ benchmarkId: publishedEvidence.benchmarkId, roundId: publishedEvidence.roundId, url: publishedEvidence.url, title: publishedEvidence.title, publishedOn: publishedEvidence.publishedOn })
      .from(publishedEvidence)
      .where(and(inArray(publishedEvidence.benchmarkId, batch), roundIds ? inArray(publishedEvidence.roundId, roundIds) : undefined))
      .orderBy(asc(publishedEvidence.benchmarkId), asc(publishedEvidence.roundId), asc(publishedEvidence.position)),
  );
  const evidence = new Map<string, EvidenceLink[]>();
  for (const { benchmarkId, roundId, ...link } of links) {
    const key = evidenceKey(benchmarkId, roundId);
    evidence.set(key, [...(evidence.get(key) ?? []), { url: redactor.url(link.url), title: redactor.text(link.title), publishedOn: link.publishedOn }]);
  }
  return evidence;
}

/**
 * Each benchmark's current status, with its title as the public reads it: its published status at the latest published round where it
 * applies and was scored (lib/dashboard latestStatuses). Read round by round from the latest back,
 * asking each round only for the benchmarks still without one, so it costs about one lookup per
 * benchmark rather than one per score.
 */
export async function listCurrentStatuses(db: Executor, benchmarkIds: number[]): Promise<Map<number, { status: Status; title: string; titleZh: string | null }>> {
  const result = new Map<number, { status: Status; title: string; titleZh: string | null }>();
  if (benchmarkIds.length === 0) return result;
  const redactor = await getPublicRedactor(db);
  const stored = await inBatches(benchmarkIds, async (batch) =>
    db.select({ id: benchmarks.id, title: benchmarks.title, titleZh: benchmarks.titleZh, retiredOn: benchmarks.retiredOn }).from(benchmarks).where(inArray(benchmarks.id, batch)),
  );
  // withScopes (benchmark-scope.ts, another area's) is still synchronous.
  const info = new Map((await withScopes(db, stored)).map((b) => [b.id, b]));
  const published = await db
    .select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId })
    .from(rounds)
    .where(isNotNull(rounds.publishedAt))
    .orderBy(desc(rounds.startDate), desc(rounds.id));
  let missing = [...info.keys()];
  for (const round of published) {
    if (missing.length === 0) break;
    // A score at a round on or after a benchmark's retirement, or at a track outside its scope, is not its current status.
    const candidates = missing.filter((id) => {
      const b = info.get(id)!;
      return (b.retiredOn === null || round.startDate < b.retiredOn) && isInScope(b, round.trackId);
    });
    const found = await inBatches(candidates, async (batch) =>
      db
        .select({ benchmarkId: publishedScores.benchmarkId, status: publishedScores.status })
        .from(publishedScores)
        .where(and(eq(publishedScores.roundId, round.id), inArray(publishedScores.benchmarkId, batch))),
    );
    for (const f of found) {
      const b = info.get(f.benchmarkId)!;
      result.set(f.benchmarkId, { status: f.status, title: redactor.text(b.title), titleZh: b.titleZh === null ? null : redactor.text(b.titleZh) });
    }
    missing = missing.filter((id) => !result.has(id));
  }
  return result;
}
