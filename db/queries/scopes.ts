import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../transaction";
import { benchmarkTracks, tracks } from "../schema";

/** The benchmarks of limited scope with the names of their tracks (English and Chinese), for the editor's lists (workspace only). */
export async function listLimitedScopes(db: Executor): Promise<Map<number, Array<{ name: string; nameZh: string | null }>>> {
  const scopes = new Map<number, Array<{ name: string; nameZh: string | null }>>();
  const rows = await db
    .select({ benchmarkId: benchmarkTracks.benchmarkId, name: tracks.name, nameZh: tracks.nameZh })
    .from(benchmarkTracks)
    .innerJoin(tracks, eq(tracks.id, benchmarkTracks.trackId))
    .orderBy(asc(benchmarkTracks.benchmarkId), asc(tracks.id));
  for (const { benchmarkId, ...track } of rows) scopes.set(benchmarkId, [...(scopes.get(benchmarkId) ?? []), track]);
  return scopes;
}
