import "server-only";
// Reference records as their workspace pages edit them (/editor/records/…): every field, confidential
// and unpublished ones included, with what refers to each. Workspace only, never public pages.
import { and, asc, count, desc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { DatePrecision, SubjectEventKind, SubjectKind } from "@/lib/domain";
import type { Executor } from "../transaction";
import { assessments, benchmarks, benchmarkSubjects, benchmarkTracks, categories, editorDecisions, publishedScores, rounds, statements, subjectEvents, subjects, tracks } from "../schema";
import { isPublicBenchmark } from "./shared";
import { parseAliases } from "./withheld-names";
import { firstRow } from "../dialect";

export interface TrackRecord {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  description: string;
  nameZh: string | null;
  shortNameZh: string | null;
  descriptionZh: string | null;
}

export async function getTrackRecord(db: Executor, slug: string): Promise<TrackRecord | undefined> {
  return await firstRow(db.select({ id: tracks.id, slug: tracks.slug, name: tracks.name, shortName: tracks.shortName, description: tracks.description, nameZh: tracks.nameZh, shortNameZh: tracks.shortNameZh, descriptionZh: tracks.descriptionZh }).from(tracks).where(eq(tracks.slug, slug)).limit(1));
}

export interface RoundRecord {
  id: number;
  slug: string;
  name: string;
  nameZh: string | null;
  trackSlug: string;
  trackName: string;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  dateNote: string;
  location: string | null;
  publishedAt: string | null;
}

export async function getRoundRecord(db: Executor, slug: string): Promise<RoundRecord | undefined> {
  return await firstRow(db
    .select({
      id: rounds.id,
      slug: rounds.slug,
      name: rounds.name,
      nameZh: rounds.nameZh,
      trackSlug: tracks.slug,
      trackName: tracks.name,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      datePrecision: rounds.datePrecision,
      dateNote: rounds.dateNote,
      location: rounds.location,
      publishedAt: rounds.publishedAt,
    })
    .from(rounds)
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .where(eq(rounds.slug, slug))
    .limit(1));
}

export interface CategoryRecord {
  id: number;
  slug: string;
  name: string;
  description: string;
  nameZh: string | null;
  descriptionZh: string | null;
  position: number;
}

export async function getCategoryRecord(db: Executor, slug: string): Promise<CategoryRecord | undefined> {
  return await firstRow(db.select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, nameZh: categories.nameZh, descriptionZh: categories.descriptionZh, position: categories.position }).from(categories).where(eq(categories.slug, slug)).limit(1));
}

export interface SubjectRecord {
  id: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
  /** One name a line, as stored. */
  aliases: string[];
  role: string | null;
  roleZh: string | null;
  article: string | null;
  description: string;
  descriptionZh: string | null;
  confidential: boolean;
  mergedInto: { slug: string; name: string } | null;
}

/** One name a line, as the edit form shows them (the same reading as the withheld names). */
export const aliasLines = parseAliases;

export async function getSubjectRecord(db: Executor, slug: string): Promise<SubjectRecord | undefined> {
  const row = await firstRow(db
    .select({
      id: subjects.id,
      slug: subjects.slug,
      kind: subjects.kind,
      name: subjects.name,
      nameZh: subjects.nameZh,
      aliases: subjects.aliases,
      role: subjects.role,
      roleZh: subjects.roleZh,
      article: subjects.article,
      description: subjects.description,
      descriptionZh: subjects.descriptionZh,
      confidential: subjects.confidential,
      mergedIntoId: subjects.mergedIntoId,
    })
    .from(subjects)
    .where(eq(subjects.slug, slug))
    .limit(1));
  if (!row) return undefined;
  const { mergedIntoId, aliases, ...rest } = row;
  const mergedInto = mergedIntoId ? ((await firstRow(db.select({ slug: subjects.slug, name: subjects.name }).from(subjects).where(eq(subjects.id, mergedIntoId)).limit(1))) ?? null) : null;
  return { ...rest, aliases: aliasLines(aliases), mergedInto };
}

export interface SubjectEventRecord {
  id: number;
  subjectId: number;
  kind: SubjectEventKind;
  occurredOn: string;
  datePrecision: DatePrecision;
  description: string;
  descriptionZh: string | null;
  sourceUrl: string | null;
  withheld: boolean;
}

const eventColumns = {
  id: subjectEvents.id,
  subjectId: subjectEvents.subjectId,
  kind: subjectEvents.kind,
  occurredOn: subjectEvents.occurredOn,
  datePrecision: subjectEvents.datePrecision,
  description: subjectEvents.description,
  descriptionZh: subjectEvents.descriptionZh,
  sourceUrl: subjectEvents.sourceUrl,
  withheld: subjectEvents.withheld,
};

export async function listSubjectEventRecords(db: Executor, subjectId: number): Promise<SubjectEventRecord[]> {
  return db.select(eventColumns).from(subjectEvents).where(eq(subjectEvents.subjectId, subjectId)).orderBy(asc(subjectEvents.occurredOn), asc(subjectEvents.id));
}

export async function getSubjectEventRecord(db: Executor, id: number): Promise<SubjectEventRecord | undefined> {
  return await firstRow(db.select(eventColumns).from(subjectEvents).where(eq(subjectEvents.id, id)).limit(1));
}

/** What refers to a record, in words and counts ("3 rounds"); empty when nothing does and it may be deleted. */
export type References = Array<{ what: string; count: number }>;

async function counted(what: string, query: { n: number } | undefined | Promise<{ n: number } | undefined>): Promise<{ what: string; count: number }> {
  return { what, count: (await query)?.n ?? 0 };
}

const nonZero = (refs: Array<{ what: string; count: number }>): References => refs.filter((r) => r.count > 0);

export async function listTrackReferences(db: Executor, id: number): Promise<References> {
  return nonZero(
    await Promise.all([
      counted("rounds", (await firstRow(db.select({ n: count() }).from(rounds).where(eq(rounds.trackId, id)).limit(1)))),
      counted("benchmark scopes", (await firstRow(db.select({ n: count() }).from(benchmarkTracks).where(eq(benchmarkTracks.trackId, id)).limit(1)))),
    ]),
  );
}

export async function listCategoryReferences(db: Executor, id: number): Promise<References> {
  return nonZero([await counted("benchmarks", (await firstRow(db.select({ n: count() }).from(benchmarks).where(eq(benchmarks.categoryId, id)).limit(1))))]);
}

export async function listRoundReferences(db: Executor, id: number): Promise<References> {
  return nonZero(
    await Promise.all([
      counted("benchmarks applying from it", (await firstRow(db.select({ n: count() }).from(benchmarks).where(eq(benchmarks.appliesFromRoundId, id)).limit(1)))),
      counted("assessments", (await firstRow(db.select({ n: count() }).from(assessments).where(eq(assessments.roundId, id)).limit(1)))),
      counted("editor's decisions", (await firstRow(db.select({ n: count() }).from(editorDecisions).where(eq(editorDecisions.roundId, id)).limit(1)))),
      counted("published scores", (await firstRow(db.select({ n: count() }).from(publishedScores).where(eq(publishedScores.roundId, id)).limit(1)))),
      counted("statements addressed to it", (await firstRow(db.select({ n: count() }).from(statements).where(eq(statements.roundId, id)).limit(1)))),
    ]),
  );
}

export async function listSubjectReferences(db: Executor, id: number): Promise<References> {
  return nonZero(
    await Promise.all([
      counted("benchmarks", (await firstRow(db.select({ n: count() }).from(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, id)).limit(1)))),
      counted("events", (await firstRow(db.select({ n: count() }).from(subjectEvents).where(eq(subjectEvents.subjectId, id)).limit(1)))),
      counted("records merged into it", (await firstRow(db.select({ n: count() }).from(subjects).where(eq(subjects.mergedIntoId, id)).limit(1)))),
    ]),
  );
}

export const describeReferences = (refs: References): string => refs.map((r) => `${r.count} ${r.what}`).join(", ");

/** Whether the public sees a track: one of its rounds is published. */
export async function isTrackPublished(db: Executor, id: number): Promise<boolean> {
  return Boolean(await firstRow(db.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.trackId, id), isNotNull(rounds.publishedAt))).limit(1)));
}

/** Whether the public sees a category: one of its benchmarks is public (and so on a published scorecard). */
export async function isCategoryPublished(db: Executor, id: number): Promise<boolean> {
  return Boolean(await firstRow(db.select({ id: benchmarks.id }).from(benchmarks).where(and(eq(benchmarks.categoryId, id), isPublicBenchmark)).limit(1)));
}

export interface RecordIndex {
  tracks: Array<{ slug: string; name: string; nameZh: string | null }>;
  rounds: Array<{ slug: string; name: string; nameZh: string | null; trackName: string; trackNameZh: string | null; startDate: string; published: boolean }>;
  categories: Array<{ slug: string; name: string; nameZh: string | null }>;
  subjects: Array<{ slug: string; name: string; nameZh: string | null; kind: SubjectKind; confidential: boolean }>;
  /** Every statement, drafts included, newest first (workspace only: titles as written). */
  statements: Array<{ slug: string; title: string; titleZh: string | null; date: string; reviewState: string }>;
}

/** Every reference record an editor corrects, for the "Correct a record" index, with their Chinese names; merged people and laws left out. */
export async function listRecordIndex(db: Executor): Promise<RecordIndex> {
  const [trackRows, roundRows, categoryRows, subjectRows, statementRows] = await Promise.all([
    db.select({ slug: tracks.slug, name: tracks.name, nameZh: tracks.nameZh }).from(tracks).orderBy(asc(tracks.id)),
    db
      .select({
        slug: rounds.slug,
        name: rounds.name,
        nameZh: rounds.nameZh,
        trackName: tracks.name,
        trackNameZh: tracks.nameZh,
        startDate: rounds.startDate,
        published: sql<number>`${rounds.publishedAt} is not null`,
      })
      .from(rounds)
      .innerJoin(tracks, eq(tracks.id, rounds.trackId))
      .orderBy(asc(rounds.startDate), asc(rounds.id)),
    db.select({ slug: categories.slug, name: categories.name, nameZh: categories.nameZh }).from(categories).orderBy(asc(categories.position), asc(categories.id)),
    db
      .select({ slug: subjects.slug, name: subjects.name, nameZh: subjects.nameZh, kind: subjects.kind, confidential: subjects.confidential })
      .from(subjects)
      .where(isNull(subjects.mergedIntoId))
      .orderBy(asc(subjects.name)),
    db
      .select({ slug: statements.slug, title: statements.title, titleZh: statements.titleZh, date: statements.date, reviewState: statements.reviewState })
      .from(statements)
      .orderBy(desc(statements.date), desc(statements.id)),
  ]);
  return { tracks: trackRows, rounds: roundRows.map((r) => ({ ...r, published: Boolean(r.published) })), categories: categoryRows, subjects: subjectRows, statements: statementRows };
}

/** The people or laws a subject may be merged into: the same kind, not itself, not merged away. */
export async function listMergeTargets(db: Executor, subject: { id: number; kind: SubjectKind }): Promise<Array<{ slug: string; name: string; nameZh: string | null; confidential: boolean }>> {
  return db
    .select({ slug: subjects.slug, name: subjects.name, nameZh: subjects.nameZh, confidential: subjects.confidential })
    .from(subjects)
    .where(and(eq(subjects.kind, subject.kind), ne(subjects.id, subject.id), isNull(subjects.mergedIntoId)))
    .orderBy(asc(subjects.name));
}
