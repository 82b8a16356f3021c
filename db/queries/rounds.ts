import "server-only";
import { and, asc, count, eq, isNotNull, max } from "drizzle-orm";
import type { DatePrecision } from "@/lib/domain";
import type { Executor } from "../transaction";
import { rounds, tracks } from "../schema";
import { firstRow } from "../dialect";

export interface PublishedRound {
  id: number;
  slug: string;
  name: string;
  /** The Chinese name, where an editor wrote one (lib/localized.ts falls back to the English). */
  nameZh: string | null;
  location: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  dateNote: string;
  publishedAt: string;
  trackId: number;
  trackSlug: string;
  trackName: string;
  trackNameZh: string | null;
}

const roundColumns = {
  id: rounds.id,
  slug: rounds.slug,
  name: rounds.name,
  nameZh: rounds.nameZh,
  location: rounds.location,
  startDate: rounds.startDate,
  endDate: rounds.endDate,
  datePrecision: rounds.datePrecision,
  dateNote: rounds.dateNote,
  publishedAt: rounds.publishedAt,
  trackId: rounds.trackId,
  trackSlug: tracks.slug,
  trackName: tracks.name,
  trackNameZh: tracks.nameZh,
};

/** A round whose scores are published; undefined for an unpublished or missing one. */
export async function getPublishedRound(db: Executor, slug: string): Promise<PublishedRound | undefined> {
  const row = await firstRow(db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(and(eq(rounds.slug, slug), isNotNull(rounds.publishedAt)))
    .limit(1));
  return row ? { ...row, publishedAt: row.publishedAt! } : undefined;
}

/** The published rounds just before and after a round on the combined timeline, for navigation. */
export async function getNeighbourRounds(db: Executor, round: PublishedRound) {
  const all = await listPublishedRounds(db);
  const at = all.findIndex((r) => r.slug === round.slug);
  return { previous: at > 0 ? all[at - 1] : undefined, next: at >= 0 ? all[at + 1] : undefined };
}

/** Every published round on the combined timeline, oldest first. */
export async function listPublishedRounds(db: Executor): Promise<PublishedRound[]> {
  const rows = await db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(isNotNull(rounds.publishedAt))
    .orderBy(asc(rounds.startDate), asc(rounds.id));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** When the latest publication (of one track's rounds, if given) happened: the version of the data; null before any. */
export async function getLatestPublicationDate(db: Executor, trackSlug?: string): Promise<string | null> {
  const row = await firstRow(db
    .select({ latest: max(rounds.publishedAt) })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(and(isNotNull(rounds.publishedAt), trackSlug ? eq(tracks.slug, trackSlug) : undefined))
    .limit(1));
  return row?.latest ?? null;
}

/** One page of the published rounds (of one track, if given), oldest first, with how many there are. */
export async function listPublishedRoundsPage(db: Executor, trackSlug: string | undefined, page: { limit: number; offset: number }): Promise<{ rows: PublishedRound[]; total: number }> {
  const where = and(isNotNull(rounds.publishedAt), trackSlug ? eq(tracks.slug, trackSlug) : undefined);
  const rows = await db
    .select(roundColumns)
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(where)
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .limit(page.limit)
    .offset(page.offset);
  const total = (await firstRow(db.select({ n: count() }).from(rounds).innerJoin(tracks, eq(tracks.id, rounds.trackId)).where(where).limit(1)))?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r, publishedAt: r.publishedAt! })), total };
}

/** One page of the tracks, in the order they were created, with how many there are. */
export async function listTracksPage(db: Executor, page: { limit: number; offset: number }) {
  const rows = await db
    .select({
      slug: tracks.slug,
      name: tracks.name,
      shortName: tracks.shortName,
      description: tracks.description,
      nameZh: tracks.nameZh,
      shortNameZh: tracks.shortNameZh,
      descriptionZh: tracks.descriptionZh,
    })
    .from(tracks)
    .orderBy(asc(tracks.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: (await firstRow(db.select({ n: count() }).from(tracks).limit(1)))?.n ?? 0 };
}
