import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { formatScope } from "@/lib/format";
import { CodedRefusal } from "@/lib/refusal";
import { recordAudit } from "./audit";
import { inScopeOf, resolveTrackSlugs } from "../queries/benchmark-scope";
import { assessments, benchmarks, benchmarkTracks, rounds, tracks } from "../schema";
import { transaction, type Executor } from "../transaction";
import { replaceBenchmarkScope } from "./benchmark-scope";
import { firstRow } from "../dialect";

export class ScopeError extends CodedRefusal {}

/**
 * An editor sets the tracks at whose rounds a benchmark is assessed ([] for every track). Scores
 * already given at rounds now outside the scope stay in the history and count nowhere; the answer
 * says how many there are.
 */
export async function setBenchmarkScope(db: Executor, input: { benchmarkSlug: string; scopeTrackSlugs: string[] }, editorId: string) {
  return transaction(db, async (tx) => {
    const benchmark = await firstRow(tx.select({ id: benchmarks.id, title: benchmarks.title }).from(benchmarks).where(eq(benchmarks.slug, input.benchmarkSlug)).limit(1));
    if (!benchmark) throw new ScopeError("chooseBenchmark", "Choose an existing benchmark.");
    const scope = await resolveTrackSlugs(tx, input.scopeTrackSlugs);
    if (scope.unknown.length) throw new ScopeError("trackGone", "One of the tracks ticked no longer exists.");
    const before = await replaceBenchmarkScope(tx, benchmark.id, scope.ids);
    const after = [...new Set(scope.ids)].sort((a, b) => a - b);
    const changed = before.length !== after.length || before.some((id, i) => id !== after[i]);
    if (changed) await recordAudit(tx, { userId: editorId, action: "benchmark.scope", entity: "benchmark", entityId: benchmark.id, before: { scopeTrackIds: before }, after: { scopeTrackIds: after } });
    const names = (
      await tx
        .select({ name: tracks.name })
        .from(tracks)
        .where(sql`${tracks.id} in (select ${benchmarkTracks.trackId} from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmark.id})`)
        .orderBy(asc(tracks.id))
    ).map((t) => t.name);
    const outside =
      (
        await firstRow(tx
          .select({ n: count() })
          .from(assessments)
          .innerJoin(rounds, eq(rounds.id, assessments.roundId))
          .where(and(eq(assessments.benchmarkId, benchmark.id), sql`not ${inScopeOf(rounds.trackId, assessments.benchmarkId)}`))
          .limit(1))
      )?.n ?? 0;
    return { title: benchmark.title, changed, scope: formatScope(names), trackNames: names, outside };
  });
}
