// Counting attempts in sliding windows in the database, shared by every app instance (issue 18): an
// attempt is allowed only when every window it falls in has room, and a refused attempt costs nothing.
// Without locks: each attempt first writes its events, then counts the events in each window written
// before its own (by id); over the limit, it deletes its own events and is refused. Concurrent attempts
// are so served in the order they were written. On SQLite writes are serial, so the count is exact; on
// PostgreSQL an attempt written a moment earlier but not yet committed is missed, which can let as many
// extra attempts through as are in flight at that instant.
// No "server-only" marker: tests and scripts call it directly.
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { rateLimitEvents } from "../schema";
import type { Executor } from "../transaction";

export interface WindowCheck {
  bucket: string;
  key: string;
  /** Events allowed in any window of `windowMs`. */
  max: number;
  windowMs: number;
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; refusedBy: number };

/** Counts one attempt in every window of `checks`, or none when any of them is full (refusedBy: its index). */
export async function attemptInWindows(db: Executor, checks: readonly WindowCheck[], now = Date.now()): Promise<AttemptDecision> {
  const ids: number[] = [];
  for (const check of checks) {
    // What has left the window is never counted again: pruned here, so the table holds about one window of events.
    await db.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, check.bucket), lte(rateLimitEvents.at, new Date(now - check.windowMs))));
    const [row] = await db.insert(rateLimitEvents).values({ bucket: check.bucket, key: check.key, at: new Date(now) }).returning({ id: rateLimitEvents.id });
    ids.push(Number(row!.id));
  }
  for (const [index, check] of checks.entries()) {
    const inWindow = and(eq(rateLimitEvents.bucket, check.bucket), eq(rateLimitEvents.key, check.key), gt(rateLimitEvents.at, new Date(now - check.windowMs)));
    const before = and(inWindow, lte(rateLimitEvents.id, ids[index]!));
    const [{ count }] = (await db.select({ count: sql<number>`count(*)` }).from(rateLimitEvents).where(before)) as [{ count: number }];
    if (Number(count) <= check.max) continue;
    await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, ids));
    const [oldest] = await db.select({ at: rateLimitEvents.at }).from(rateLimitEvents).where(inWindow).orderBy(asc(rateLimitEvents.at)).limit(1);
    const frees = (oldest ? oldest.at.getTime() : now) + check.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now) / 1000)), refusedBy: index };
  }
  return { allowed: true };
}
