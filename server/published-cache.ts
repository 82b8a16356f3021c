import "server-only";
// Public pages and API answers change only when published data changes. They are kept in Next's
// cache under the published data's key (database id + data version, raised by triggers on every
// public write; see readPublishedDataKey), and tagged so that an editor's change also drops them at
// once in this process. The writer refreshes the published aggregates after its change, here, so
// that no reader ever has to (db/commands/published-aggregates.ts).
// The key never reaches a reader: the version rises with hidden edits too (drafts, confidential
// people), so showing it would let anyone watch for activity. API answers carry it in their
// unstable_cache key; the dashboard page in a request header the proxy sets, which the page cache
// (cache-handler.mjs) adds to its own key.
import { unstable_cache, updateTag } from "next/cache";
import { getDb } from "@/db/client";
import { refreshPublishedAggregates } from "@/db/commands/published-aggregates";
import { readPublishedDataKey } from "@/db/queries/published-aggregates";
import { readEnv } from "@/lib/env";
import type { SearchParams } from "@/lib/validation/dashboard-filters";

export const PUBLISHED_DATA_TAG = "published-data";

/** Set by the proxy on the dashboard's cached rendering (any client-sent copy is removed); read by cache-handler.mjs. */
export const PUBLISHED_KEY_HEADER = "x-scorecard-published-key";

export function publicCacheEnabled(): boolean {
  return readEnv().SCORECARD_PUBLIC_CACHE === "on";
}

export async function currentPublishedKey(): Promise<string> {
  return readPublishedDataKey(getDb());
}

/** Must match PUBLISHED_KEY_READER in scripts/compressed-answers.mjs. */
const PUBLISHED_KEY_READER = Symbol.for("dialogue-scorecard.published-key-reader");

/**
 * Lets the production server's cache of compressed public answers (scripts/compressed-answers.mjs,
 * in this process, outside Next's bundles) read the published data's key, to know when a kept answer
 * is still the current one. Not with the public cache off: then nothing is kept there either.
 */
export function registerPublishedKeyReader(): void {
  if (!publicCacheEnabled()) return;
  const global = globalThis as { [PUBLISHED_KEY_READER]?: () => Promise<string> };
  global[PUBLISHED_KEY_READER] ??= currentPublishedKey;
}

/** A canonical query string (canonicalDashboardQuery) as one path segment, "-" when empty. */
export function encodeQuery(canonical: string): string {
  return canonical === "" ? "-" : Buffer.from(canonical).toString("base64url");
}

export function decodeQuery(segment: string): SearchParams {
  if (segment === "-") return {};
  const params = new URLSearchParams(Buffer.from(segment, "base64url").toString("utf8"));
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** Whether cachedByPublishedData keeps answers: only inside a Next server, with the cache on. */
export function publicAnswersAreKept(): boolean {
  return Boolean(process.env.NEXT_RUNTIME) && publicCacheEnabled();
}

/**
 * Computes a public answer once per published data version. Outside a Next server (unit tests,
 * scripts) there is no cache to keep it in, and it is simply computed. `when: false` computes it
 * without keeping it: for answers a client can vary at will (a search term, a slug naming nothing),
 * which would otherwise fill the cache and push out the answers readers actually ask for.
 */
export async function cachedByPublishedData<T>(parts: string[], compute: () => T | Promise<T>, { when = true }: { when?: boolean } = {}): Promise<T> {
  if (!publicAnswersAreKept() || !when) return compute();
  return unstable_cache(async () => compute(), ["published", await currentPublishedKey(), ...parts], { tags: [PUBLISHED_DATA_TAG] })();
}

/**
 * Runs a server action's change, then brings the published aggregates up to date with what it
 * wrote (only that: see db/commands/published-aggregates.ts), and if it changed anything public
 * (the key moved) drops the cached public answers at once, so the editor sees the result on the next page.
 */
export async function withPublishedDataRefresh<T>(change: () => Promise<T>): Promise<T> {
  const db = getDb();
  const before = await readPublishedDataKey(db);
  try {
    return await change();
  } finally {
    // Also when the action ends by redirecting, which Next does by throwing, or fails half-way.
    await refreshPublishedAggregates(db);
    // Outside a Next server (unit tests, scripts) there is no cache to drop.
    if (process.env.NEXT_RUNTIME && (await readPublishedDataKey(db)) !== before) updateTag(PUBLISHED_DATA_TAG);
  }
}
