import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { SubjectKind } from "@/lib/domain";
import { auditLog, benchmarks, categories, rounds, statements, subjectEvents, subjects, tracks, users } from "../schema";
import type { Executor } from "../transaction";
import { firstRow } from "../dialect";

export interface AuditFilter {
  userId?: string;
  entity?: string;
  entityId?: string;
  /** ISO dates, both days included. */
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

/** What an entry is about, by name: the records its entity id and its round and benchmark fields point to. */
export interface AuditRefs {
  round?: { slug: string; name: string };
  benchmark?: { slug: string; title: string; confidential: boolean };
  user?: { id: string; name: string; email: string };
  subject?: { slug: string; name: string; kind: SubjectKind; confidential: boolean };
  track?: { slug: string; name: string };
  category?: { slug: string; name: string };
  statement?: { slug: string; title: string };
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  refs: AuditRefs;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function conditions(filter: AuditFilter) {
  return and(
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entity && filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    // Timestamps are ISO strings: a day's entries sort between the day and the next.
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, nextDay(filter.to)) : undefined,
  );
}

/** A page of the audit log, newest first, narrowed by the filter, with how many entries match and names for what each is about. */
export async function listAuditEntries(db: Executor, filter: AuditFilter = {}): Promise<{ entries: AuditEntry[]; total: number }> {
  const where = conditions(filter);
  const total = (await firstRow(db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).limit(1)))?.n ?? 0;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      userEmail: users.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  return { entries: await describeEntries(db, rows), total };
}

const numberField = (value: unknown, key: string): number | undefined => {
  const field = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "number" && Number.isInteger(field) ? field : undefined;
};
const textField = (value: unknown, key: string): string | undefined => {
  const field = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "string" ? field : undefined;
};

/** The ids an entry points to, from its entity and id ("published_score 49@8" is benchmark 49 at round 8) and its after/before fields. */
function pointers(entry: Omit<AuditEntry, "refs">) {
  const id = /^\d+$/.test(entry.entityId) ? Number(entry.entityId) : undefined;
  const [scoreBenchmark, scoreRound] = entry.entity === "published_score" ? entry.entityId.split("@").map(Number) : [];
  const field = (key: string) => numberField(entry.after, key) ?? numberField(entry.before, key);
  return {
    roundId: entry.entity === "round" ? id : (scoreRound ?? field("roundId")),
    benchmarkId: entry.entity === "benchmark" ? id : (scoreBenchmark ?? field("benchmarkId")),
    userId: entry.entity === "user" ? entry.entityId : undefined,
    subjectId: entry.entity === "subject" ? id : undefined,
    subjectSlug: entry.entity === "subject_event" ? textField(entry.after, "subjectSlug") : undefined,
    // An event's correction stores only what changed: its person or law is found through the event.
    subjectEventId: entry.entity === "subject_event" && textField(entry.after, "subjectSlug") === undefined ? id : undefined,
    trackId: entry.entity === "track" ? id : undefined,
    categoryId: entry.entity === "category" ? id : undefined,
    statementId: entry.entity === "statement" ? id : undefined,
  };
}

async function describeEntries(db: Executor, rows: Array<Omit<AuditEntry, "refs">>): Promise<AuditEntry[]> {
  const pointed = rows.map((row) => ({ row, to: pointers(row) }));
  const ids = <K extends keyof ReturnType<typeof pointers>>(key: K) =>
    [...new Set(pointed.map((p) => p.to[key]).filter((v): v is NonNullable<typeof v> => v !== undefined && (typeof v !== "number" || Number.isFinite(v))))] as Array<NonNullable<ReturnType<typeof pointers>[K]>>;
  const byId = <T extends { id: number | string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  const roundIds = ids("roundId");
  const benchmarkIds = ids("benchmarkId");
  const userIds = ids("userId");
  const subjectIds = ids("subjectId");
  const subjectSlugs = ids("subjectSlug");
  const subjectEventIds = ids("subjectEventId");
  const trackIds = ids("trackId");
  const categoryIds = ids("categoryId");
  const statementIds = ids("statementId");
  const subjectColumns = { id: subjects.id, slug: subjects.slug, name: subjects.name, kind: subjects.kind, confidential: subjects.confidential };
  const [roundRows, benchmarkRows, userRows, subjectRows, subjectSlugRows, trackRows, categoryRows, statementRows, eventSubjectRows] = await Promise.all([
    roundIds.length ? db.select({ id: rounds.id, slug: rounds.slug, name: rounds.name }).from(rounds).where(inArray(rounds.id, roundIds)) : [],
    benchmarkIds.length ? db.select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, confidential: benchmarks.confidential }).from(benchmarks).where(inArray(benchmarks.id, benchmarkIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds)) : [],
    subjectIds.length ? db.select(subjectColumns).from(subjects).where(inArray(subjects.id, subjectIds)) : [],
    subjectSlugs.length ? db.select(subjectColumns).from(subjects).where(inArray(subjects.slug, subjectSlugs)) : [],
    trackIds.length ? db.select({ id: tracks.id, slug: tracks.slug, name: tracks.name }).from(tracks).where(inArray(tracks.id, trackIds)) : [],
    categoryIds.length ? db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories).where(inArray(categories.id, categoryIds)) : [],
    statementIds.length ? db.select({ id: statements.id, slug: statements.slug, title: statements.title }).from(statements).where(inArray(statements.id, statementIds)) : [],
    subjectEventIds.length
      ? db.select({ ...subjectColumns, eventId: subjectEvents.id }).from(subjectEvents).innerJoin(subjects, eq(subjects.id, subjectEvents.subjectId)).where(inArray(subjectEvents.id, subjectEventIds))
      : [],
  ]);
  const subjectsByEventId = new Map(eventSubjectRows.map(({ eventId, ...subject }) => [eventId, subject]));
  const roundsById = byId(roundRows);
  const benchmarksById = byId(benchmarkRows);
  const usersById = byId(userRows);
  const subjectsById = byId(subjectRows);
  const subjectsBySlug = new Map(subjectSlugRows.map((s) => [s.slug, s]));
  const tracksById = byId(trackRows);
  const categoriesById = byId(categoryRows);
  const statementsById = byId(statementRows);
  const strip = <T extends { id: unknown }>(item: T | undefined) => {
    if (!item) return undefined;
    const { id: _id, ...rest } = item;
    return rest;
  };
  return pointed.map(({ row, to }) => ({
    ...row,
    refs: {
      round: strip(to.roundId === undefined ? undefined : roundsById.get(to.roundId)),
      benchmark: strip(to.benchmarkId === undefined ? undefined : benchmarksById.get(to.benchmarkId)),
      user: to.userId === undefined ? undefined : usersById.get(to.userId),
      subject: strip(
        to.subjectId !== undefined
          ? subjectsById.get(to.subjectId)
          : to.subjectSlug !== undefined
            ? subjectsBySlug.get(to.subjectSlug)
            : to.subjectEventId !== undefined
              ? subjectsByEventId.get(to.subjectEventId)
              : undefined,
      ),
      track: strip(to.trackId === undefined ? undefined : tracksById.get(to.trackId)),
      category: strip(to.categoryId === undefined ? undefined : categoriesById.get(to.categoryId)),
      statement: strip(to.statementId === undefined ? undefined : statementsById.get(to.statementId)),
    },
  }));
}

/** The kinds of record the log has entries about, for the filter. */
export async function listAuditEntities(db: Executor): Promise<string[]> {
  return (await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity))).map((r) => r.entity);
}

/** Everyone who appears in the log as the one who made a change, for the filter. */
export async function listAuditUsers(db: Executor): Promise<Array<{ id: string; name: string; email: string }>> {
  return await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, db.selectDistinct({ id: sql<string>`${auditLog.userId}` }).from(auditLog)))
    .orderBy(asc(users.name));
}

