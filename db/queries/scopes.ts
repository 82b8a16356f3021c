import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../transaction";
import { benchmarkTracks, tracks } from "../schema";

/** The benchmarks of limited scope with the names of their tracks, for the editor's lists (workspace only). */
export async function listLimitedScopes(db: Executor): Promise<Map<number, string[]>> {
  const scopes = new Map<number, string[]>();
  const rows = await db
    .select({ benchmarkId: benchmarkTracks.benchmarkId, name: tracks.name })
    .from(benchmarkTracks)
    .innerJoin(tracks, eq(tracks.id, benchmarkTracks.trackId))
    .orderBy(asc(benchmarkTracks.benchmarkId), asc(tracks.id));
  for (const row of rows) scopes.set(row.benchmarkId, [...(scopes.get(row.benchmarkId) ?? []), row.name]);
  return scopes;
}
