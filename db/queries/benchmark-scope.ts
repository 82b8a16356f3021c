// A benchmark's scope: the tracks at whose rounds it is assessed (benchmark_tracks; no rows = every
// track). The SQL form of lib/scoring isInScope, and the scopes of some benchmarks for code that
// decides applicability in JavaScript. No server-only marker: the importer runs from the command line.
// Writing a scope is db/commands/scopes.ts.
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "../transaction";
import { benchmarks, benchmarkTracks, tracks } from "../schema";

// SQLite allows at most 32,766 bound parameters (db/queries/shared.ts inBatches, which imports this file).
async function inBatches<T>(ids: readonly number[], query: (batch: number[]) => Promise<T[]>, size = 10_000): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += size) rows.push(...(await query(ids.slice(i, i + size))));
  return rows;
}

/**
 * The benchmark is assessed at the rounds of `trackId` (a number, or a column such as a joined
 * round's track_id): its scope lists no track, or lists that one. Two probes of benchmark_tracks'
 * primary key per benchmark; for the many benchmarks of no limited scope the first finds nothing.
 */
export function inScopeOf(trackId: number | SQL | AnySQLiteColumn, benchmarkId: SQL | AnySQLiteColumn = benchmarks.id): SQL {
  return sql`(not exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmarkId}) or exists (select 1 from ${benchmarkTracks} where ${benchmarkTracks.benchmarkId} = ${benchmarkId} and ${benchmarkTracks.trackId} = ${trackId}))`;
}

/** The ids of benchmarks not assessed at a track's rounds: scoped to other tracks only. A small set, read once per statement. */
export function outOfScopeSelect(trackId: number): SQL {
  return sql`select ${benchmarkTracks.benchmarkId} from ${benchmarkTracks} except select ${benchmarkTracks.benchmarkId} from ${benchmarkTracks} where ${benchmarkTracks.trackId} = ${trackId}`;
}

/** Each benchmark's scope as track ids; a benchmark assessed at every track gets []. */
export async function listScopeTrackIds(db: Executor, benchmarkIds: readonly number[]): Promise<Map<number, number[]>> {
  const scopes = new Map<number, number[]>(benchmarkIds.map((id) => [id, []]));
  const rows = await inBatches([...scopes.keys()], async (batch) =>
    db
      .select({ benchmarkId: benchmarkTracks.benchmarkId, trackId: benchmarkTracks.trackId })
      .from(benchmarkTracks)
      .where(inArray(benchmarkTracks.benchmarkId, batch))
      .orderBy(asc(benchmarkTracks.benchmarkId), asc(benchmarkTracks.trackId)),
  );
  for (const row of rows) scopes.get(row.benchmarkId)!.push(row.trackId);
  return scopes;
}

/** The rows with their scope added, for isApplicable. */
export async function withScopes<T extends { id: number }>(db: Executor, rows: T[]): Promise<Array<T & { scopeTrackIds: number[] }>> {
  const scopes = await listScopeTrackIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, scopeTrackIds: scopes.get(r.id) ?? [] }));
}

export interface ScopeTrack {
  slug: string;
  name: string;
  nameZh: string | null;
}

/** The tracks each benchmark is assessed at, by name, in the order tracks were created; [] for every track. */
export async function listScopeTracks(db: Executor, benchmarkIds: readonly number[]): Promise<Map<number, ScopeTrack[]>> {
  const scopes = new Map<number, ScopeTrack[]>(benchmarkIds.map((id) => [id, []]));
  const rows = await inBatches([...scopes.keys()], async (batch) =>
    db
      .select({ benchmarkId: benchmarkTracks.benchmarkId, slug: tracks.slug, name: tracks.name, nameZh: tracks.nameZh })
      .from(benchmarkTracks)
      .innerJoin(tracks, eq(tracks.id, benchmarkTracks.trackId))
      .where(inArray(benchmarkTracks.benchmarkId, batch))
      .orderBy(asc(benchmarkTracks.benchmarkId), asc(tracks.id)),
  );
  for (const row of rows) scopes.get(row.benchmarkId)!.push({ slug: row.slug, name: row.name, nameZh: row.nameZh });
  return scopes;
}

/** Every track id of a list of slugs, or the slugs that name none. */
export async function resolveTrackSlugs(db: Executor, slugs: readonly string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (slugs.length === 0) return { ids: [], unknown: [] };
  const rows = await db.select({ id: tracks.id, slug: tracks.slug }).from(tracks).where(inArray(tracks.slug, [...slugs]));
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids: slugs.flatMap((s) => bySlug.get(s) ?? []), unknown: slugs.filter((s) => !bySlug.has(s)) };
}
