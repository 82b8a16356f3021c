import "server-only";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { DatePrecision } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { rounds, tracks } from "../schema";

export interface PublishedRound {
  id: number;
  slug: string;
  name: string;
  location: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  dateNote: string;
  publishedAt: string;
  trackId: number;
  trackSlug: string;
  trackName: string;
}

const roundColumns = {
  id: rounds.id,
  slug: rounds.slug,
  name: rounds.name,
  location: rounds.location,
  startDate: rounds.startDate,
  endDate: rounds.endDate,
  datePrecision: rounds.datePrecision,
  dateNote: rounds.dateNote,
  publishedAt: rounds.publishedAt,
  trackId: rounds.trackId,
  trackSlug: tracks.slug,
  trackName: tracks.name,
};

/** A round whose scores are published; undefined for an unpublished or missing one. */
export function getPublishedRound(slug: string, db: Db = getDb()): PublishedRound | undefined {
  const row = db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(and(eq(rounds.slug, slug), isNotNull(rounds.publishedAt)))
    .get();
  return row ? { ...row, publishedAt: row.publishedAt! } : undefined;
}

/** The published rounds just before and after a round on the combined timeline, for navigation. */
export function getNeighbourRounds(round: PublishedRound, db: Db = getDb()) {
  const all = listPublishedRounds(db);
  const at = all.findIndex((r) => r.slug === round.slug);
  return { previous: at > 0 ? all[at - 1] : undefined, next: at >= 0 ? all[at + 1] : undefined };
}

/** Every published round on the combined timeline, oldest first. */
export function listPublishedRounds(db: Db = getDb()): PublishedRound[] {
  return db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(isNotNull(rounds.publishedAt))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** One page of the published rounds (of one track, if given), oldest first, with how many there are. */
export function listPublishedRoundsPage(trackSlug: string | undefined, page: { limit: number; offset: number }, db: Db = getDb()): { rows: PublishedRound[]; total: number } {
  const where = and(isNotNull(rounds.publishedAt), trackSlug ? eq(tracks.slug, trackSlug) : undefined);
  const rows = db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(where)
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt! }));
  const total = db.select({ n: count() }).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** One page of the tracks, in the order they were created, with how many there are. */
export function listTracksPage(page: { limit: number; offset: number }, db: Db = getDb()) {
  const rows = db
    .select({ slug: tracks.slug, name: tracks.name, shortName: tracks.shortName, description: tracks.description })
    .from(tracks)
    .orderBy(asc(tracks.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total: db.select({ n: count() }).from(tracks).get()?.n ?? 0 };
}
