// Releases: every publication records one, in its own transaction. The published scores of the rounds
// it touched are compared with the rows still open in release_scores; only the rows that differ are
// closed (valid_to_release) and replaced (valid_from_release), so storage grows with what changed.
// No "server-only" marker: the seed loaders and start-up record the first release through here too.
import { inArray, isNull, sql } from "drizzle-orm";
import type { ReleaseKind } from "@/lib/domain";
import { oneRow, allRows, publishedEvidenceJson, runSqlCounting } from "../dialect";
import { countPublishedFigures, type TallyRow } from "../queries/published-aggregates";
import { roundsAsOf, scoresAsOf } from "../queries/as-of-release";
import { publicTallies, releaseRounds, releases, releaseTallies } from "../schema";
import type { Executor } from "../transaction";
import { refreshPublishedAggregatesNow } from "./published-aggregates";

export interface RecordedRelease {
  number: number;
  kind: ReleaseKind;
  /** Score rows the release added (new or changed published scores). */
  added: number;
  /** Score rows it closed (a changed score's earlier value, or a score no longer published). */
  closed: number;
}

const inRounds = (roundIds: readonly number[]) => sql.join(roundIds.map((id) => sql`${id}`), sql`, `);

/**
 * Records release N+1 for a publication that just wrote the published scores of `roundIds`, inside
 * the caller's transaction. `firstTime` names the rounds that were not public before (kind
 * "new-round" when every round is new, "correction" otherwise, unless the caller says `kind`).
 * Used by the seed loaders as well as the publishing command.
 */
export async function recordRelease(
  tx: Executor,
  release: { roundIds: readonly number[]; firstTime: ReadonlySet<number>; userId: string | null; note?: string; kind?: ReleaseKind; publishedAt?: string },
): Promise<RecordedRelease> {
  const number = (await currentReleaseNumberIn(tx)) + 1;
  const roundIds = [...new Set(release.roundIds)];
  const kind: ReleaseKind = release.kind ?? (roundIds.length > 0 && roundIds.every((id) => release.firstTime.has(id)) ? "new-round" : "correction");
  await tx.insert(releases)
    .values({ number, publishedAt: release.publishedAt ?? new Date().toISOString(), publishedBy: release.userId, note: release.note?.trim() ?? "", kind });
  if (roundIds.length > 0) {
    await tx.insert(releaseRounds)
      .values(roundIds.map((roundId) => ({ releaseNumber: number, roundId, firstTime: release.firstTime.has(roundId) })));
  }
  const { added, closed } = roundIds.length === 0 ? { added: 0, closed: 0 } : await recordReleaseScores(tx, number, roundIds);
  // The figures the release publishes are the aggregates once its writes are counted.
  await refreshPublishedAggregatesNow(tx);
  await storeReleaseTallies(tx, number, await tx.select().from(publicTallies));
  return { number, kind, added, closed };
}

/** Closes the release rows of `roundIds` that the published scores no longer match and adds the new ones. */
async function recordReleaseScores(tx: Executor, number: number, roundIds: readonly number[]): Promise<{ added: number; closed: number }> {
  const closed = await runSqlCounting(tx, sql`
    UPDATE release_scores SET valid_to_release = ${number}
     WHERE valid_to_release IS NULL AND round_id IN (${inRounds(roundIds)})
       AND NOT EXISTS (SELECT 1 FROM published_scores ps
                        WHERE ps.benchmark_id = release_scores.benchmark_id AND ps.round_id = release_scores.round_id
                          AND ps.status = release_scores.status AND ps.basis = release_scores.basis
                          AND ps.assessment_id = release_scores.assessment_id AND ps.is_demo = release_scores.is_demo
                          AND ${publishedEvidenceJson("ps")} = release_scores.evidence)`);
  const added = await runSqlCounting(tx, sql`
    INSERT INTO release_scores (benchmark_id, round_id, status, basis, assessment_id, is_demo, evidence, valid_from_release)
    SELECT ps.benchmark_id, ps.round_id, ps.status, ps.basis, ps.assessment_id, ps.is_demo, ${publishedEvidenceJson("ps")}, ${number}
      FROM published_scores ps
     WHERE ps.round_id IN (${inRounds(roundIds)})
       AND NOT EXISTS (SELECT 1 FROM release_scores rs WHERE rs.valid_to_release IS NULL AND rs.benchmark_id = ps.benchmark_id AND rs.round_id = ps.round_id)`);
  return { added, closed };
}

const TALLY_FIGURES = ["applicable", "met", "partial", "notMet", "regressed", "unknown", "demo"] as const;
const groupKey = (t: Pick<TallyRow, "roundId" | "categoryId" | "addressee">) => `${t.roundId}:${t.categoryId}:${t.addressee}`;
// Well under every dialect's limit of bound parameters a statement (12 columns a row).
const ROWS_A_STATEMENT = 500;

/**
 * Makes `counted` (every group's tally, as public_tallies holds them) the figures of release `number`:
 * the open rows that differ or whose group is gone are closed, the groups new or changed added.
 */
export async function storeReleaseTallies(tx: Executor, number: number, counted: readonly TallyRow[]): Promise<{ added: number; closed: number }> {
  const open = await tx.select().from(releaseTallies).where(isNull(releaseTallies.validToRelease));
  const byGroup = new Map(counted.map((t) => [groupKey(t), t]));
  const stale = open.filter((o) => {
    const now = byGroup.get(groupKey(o));
    return !now || TALLY_FIGURES.some((f) => now[f] !== o[f]);
  });
  const staleIds = new Set(stale.map((o) => o.id));
  const standing = new Set(open.filter((o) => !staleIds.has(o.id)).map(groupKey));
  const added = counted.filter((t) => !standing.has(groupKey(t)));
  for (let i = 0; i < stale.length; i += ROWS_A_STATEMENT) {
    await tx.update(releaseTallies).set({ validToRelease: number }).where(inArray(releaseTallies.id, stale.slice(i, i + ROWS_A_STATEMENT).map((o) => o.id)));
  }
  for (let i = 0; i < added.length; i += ROWS_A_STATEMENT) {
    await tx.insert(releaseTallies).values(added.slice(i, i + ROWS_A_STATEMENT).map((t) => ({ ...t, validFromRelease: number })));
  }
  return { added: added.length, closed: stale.length };
}

/**
 * Databases whose releases began before their figures were stored: each release's figures counted
 * from its score rows (the rounds and benchmarks public now, as the live count always read them), in
 * order, once. Start-up calls it; it does nothing once any release has stored figures.
 */
export async function backfillReleaseTallies(tx: Executor): Promise<number> {
  if (await oneRow(tx, sql`SELECT 1 AS one FROM release_tallies LIMIT 1`)) return 0;
  const numbers = (await allRows<{ number: number }>(tx, sql`SELECT number FROM releases ORDER BY number`)).map((r) => r.number);
  for (const number of numbers) {
    const roundIds = (await allRows<{ id: number }>(tx, sql`SELECT DISTINCT round_id AS id FROM ${roundsAsOf(number)} public_then`)).map((r) => r.id);
    await storeReleaseTallies(tx, number, await countPublishedFigures(tx, roundIds, undefined, scoresAsOf(number)));
  }
  return numbers.length;
}

export async function currentReleaseNumberIn(db: Executor): Promise<number> {
  return (await oneRow<{ n: number | null }>(db, sql`SELECT max(number) AS n FROM releases`))?.n ?? 0;
}

/**
 * A database that had published rounds before releases began (or a seed just loaded) gets release 1
 * holding all of them, before anything else is published. Does nothing once a release exists.
 */
export async function ensureFirstRelease(tx: Executor): Promise<RecordedRelease | null> {
  if ((await currentReleaseNumberIn(tx)) > 0) return null;
  const published = await allRows<{ id: number; publishedAt: string }>(tx, sql`SELECT id, published_at AS publishedAt FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date, id`);
  if (published.length === 0) return null;
  return recordRelease(tx, {
    roundIds: published.map((r) => r.id),
    firstTime: new Set(published.map((r) => r.id)),
    userId: null,
    kind: "other",
    note: "The published data as it stood when numbered releases began.",
    publishedAt: published.map((r) => r.publishedAt).sort().at(-1),
  });
}
