import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { PublishedBasis, Status } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { assessments, evidenceLinks, publishedScores, rounds } from "../schema";
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

/** Published scores with the rationale and evidence the public sees, for some benchmarks or some rounds. */
export function listPublishedScoreDetails(
  where: { benchmarkIds?: number[]; roundIds?: number[] },
  db: Db = getDb(),
): PublishedScoreDetail[] {
  if (where.benchmarkIds?.length === 0 || where.roundIds?.length === 0) return [];
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

  const evidence = new Map<number, EvidenceLink[]>();
  const links = inBatches(
    rows.map((r) => r.assessmentId),
    (batch) =>
      db
        .select({ assessmentId: evidenceLinks.assessmentId, url: evidenceLinks.url, title: evidenceLinks.title, publishedOn: evidenceLinks.publishedOn })
        .from(evidenceLinks)
        .where(inArray(evidenceLinks.assessmentId, batch))
        .all(),
  );
  for (const link of links) {
    const list = evidence.get(link.assessmentId) ?? [];
    list.push({ url: link.url, title: link.title, publishedOn: link.publishedOn });
    evidence.set(link.assessmentId, list);
  }
  return rows.map(({ assessmentId, ...row }) => ({ ...row, evidence: evidence.get(assessmentId) ?? [] }));
}
