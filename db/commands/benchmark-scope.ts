// Writing a benchmark's scope (benchmark_tracks). No server-only marker and no audit here: the
// importer (db/import, run from the command line) replaces scopes too; the editor's command that
// audits it is db/commands/scopes.ts.
import { asc, eq } from "drizzle-orm";
import { benchmarkTracks } from "../schema";
import type { Executor } from "../transaction";

/**
 * Replaces a benchmark's scope inside the caller's transaction. [] assesses it at every track.
 * Returns the scope before, for the audit log.
 */
export async function replaceBenchmarkScope(db: Executor, benchmarkId: number, trackIds: readonly number[]): Promise<number[]> {
  const before = (
    await db.select({ trackId: benchmarkTracks.trackId }).from(benchmarkTracks).where(eq(benchmarkTracks.benchmarkId, benchmarkId)).orderBy(asc(benchmarkTracks.trackId))
  ).map((r) => r.trackId);
  const wanted = [...new Set(trackIds)].sort((a, b) => a - b);
  if (before.length === wanted.length && before.every((id, i) => id === wanted[i])) return before;
  await db.delete(benchmarkTracks).where(eq(benchmarkTracks.benchmarkId, benchmarkId));
  if (wanted.length) await db.insert(benchmarkTracks).values(wanted.map((trackId) => ({ benchmarkId, trackId })));
  return before;
}
