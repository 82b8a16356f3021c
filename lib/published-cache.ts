import "server-only";
// Public pages and API answers change only when published data changes. They are kept in Next's
// cache under the published data's key (database id + data version, raised by triggers on every
// public write), and tagged so that an editor's change also drops them at once in this process.
import { unstable_cache, updateTag } from "next/cache";
import { getDb } from "@/db/client";
import { readPublishedDataKey } from "@/db/queries/published-aggregates";
import { readEnv } from "@/lib/env";
import type { SearchParams } from "@/lib/validation/dashboard-filters";

export const PUBLISHED_DATA_TAG = "published-data";

export function publicCacheEnabled(): boolean {
  return readEnv().SCORECARD_PUBLIC_CACHE === "on";
}

export function currentPublishedKey(): string {
  return readPublishedDataKey(getDb());
}

/** A query string as one path segment ("-" when empty), without Next's `_rsc` cache-buster. */
export function encodeQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("_rsc");
  const text = params.toString();
  return text === "" ? "-" : Buffer.from(text).toString("base64url");
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

/**
 * Computes a public answer once per published data version. Outside a Next server (unit tests,
 * scripts) there is no cache to keep it in, and it is simply computed.
 */
export async function cachedByPublishedData<T>(parts: string[], compute: () => T): Promise<T> {
  if (!process.env.NEXT_RUNTIME || !publicCacheEnabled()) return compute();
  return unstable_cache(async () => compute(), ["published", currentPublishedKey(), ...parts], { tags: [PUBLISHED_DATA_TAG] })();
}

/**
 * Runs a server action's change and, if it changed anything public (the key moved), drops the
 * cached public answers at once, so the editor sees the result on the next page.
 */
export async function withPublishedDataRefresh<T>(change: () => Promise<T>): Promise<T> {
  // Outside a Next server (unit tests, scripts) there is no cache to drop.
  if (!process.env.NEXT_RUNTIME) return change();
  const before = currentPublishedKey();
  try {
    return await change();
  } finally {
    // Also when the action ends by redirecting, which Next does by throwing.
    if (currentPublishedKey() !== before) updateTag(PUBLISHED_DATA_TAG);
  }
}
