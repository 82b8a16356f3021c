import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { formatScope } from "@/lib/format";
import { getDb, type Db } from "../client";
import { assessments, benchmarks, benchmarkTracks, rounds, tracks } from "../schema";
import { recordAudit } from "../commands/audit";
import { inScopeOf, replaceBenchmarkScope, resolveTrackSlugs } from "./benchmark-scope";

/** The benchmarks of limited scope with the names of their tracks, for the editor's lists (workspace only). */
export function listLimitedScopes(db: Db = getDb()): Map<number, string[]> {
  const scopes = new Map<number, string[]>();
  for (const row of db
    .select({ benchmarkId: benchmarkTracks.benchmarkId, name: tracks.name })
    .from(benchmarkTracks)
    .innerJoin(tracks, eq(tracks.id, benchmarkTracks.trackId))
    .orderBy(asc(benchmarkTracks.benchmarkId), asc(tracks.id))
    .all()) {
    scopes.set(row.benchmarkId, [...(scopes.get(row.benchmarkId) ?? []), row.name]);
  }
  return scopes;
}

export class ScopeError extends Error {}

/**
 * An editor sets the tracks at whose rounds a benchmark is assessed ([] for every track). Scores
 * already given at rounds now outside the scope stay in the history and count nowhere; the answer
 * says how many there are.
 */
export function setBenchmarkScope(input: { benchmarkSlug: string; scopeTrackSlugs: string[] }, editorId: string, db: Db = getDb()) {
  return db.transaction(
    (tx) => {
      const benchmark = tx.select({ id: benchmarks.id, title: benchmarks.title }).from(benchmarks).where(eq(benchmarks.slug, input.benchmarkSlug)).get();
      if (!benchmark) throw new ScopeError("Choose an existing benchmark.");
      const scope = resolveTrackSlugs(input.scopeTrackSlugs, tx);
      if (scope.unknown.length) throw new ScopeError("One of the tracks ticked no longer exists.");
      const before = replaceBenchmarkScope(tx, benchmark.id, scope.ids);
      const after = [...new Set(scope.ids)].sort((a, b) => a - b);
      const changed = before.length !== after.length || before.some((id, i) => id !== after[i]);
      if (changed) recordAudit(tx, { userId: editorId, action: "benchmark.scope", entity: "benchmark", entityId: benchmark.id, before: { scopeTrackIds: before }, after: { scopeTrackIds: after } });
      const names = tx
        .select({ name: tracks.name })
        .from(tracks)
        .where(sql`${tracks.id} in (select ${benchmarkTracks.trackId} from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmark.id})`)
        .orderBy(asc(tracks.id))
        .all()
        .map((t) => t.name);
      const outside =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(assessments)
          .innerJoin(rounds, eq(rounds.id, assessments.roundId))
          .where(and(eq(assessments.benchmarkId, benchmark.id), sql`not ${inScopeOf(rounds.trackId, assessments.benchmarkId)}`))
          .get()?.n ?? 0;
      return { title: benchmark.title, changed, scope: formatScope(names), outside };
    },
    { behavior: "immediate" },
  );
}
