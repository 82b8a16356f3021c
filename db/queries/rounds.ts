import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
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
