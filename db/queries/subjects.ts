import "server-only";
import { aliasedTable, and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { DatePrecision, Status, SubjectEventKind, SubjectKind } from "@/lib/domain";
import type { Executor } from "../transaction";
import { benchmarks, benchmarkSubjects, sourceDocuments, subjectEvents, subjects } from "../schema";
import { getPublicRedactor, publicTextSearch, type PublicRedactor } from "./public-text";
import { getCorrectedOn, listCorrectedOn } from "./record-history";
import { listCurrentStatuses } from "./scores";
import { isPublicBenchmark, isPublicEvent } from "./shared";
import { firstRow, joinAlias } from "../dialect";

/** People have their own pages; laws and practices share the law pages. */
export const SUBJECT_KINDS_OF_PAGE = { people: ["person"], laws: ["law", "practice"] } as const satisfies Record<string, SubjectKind[]>;
export type SubjectPage = keyof typeof SUBJECT_KINDS_OF_PAGE;

export interface PublicSubject {
  id: number;
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
  role: string | null;
  roleZh: string | null;
  article: string | null;
  description: string;
  descriptionZh: string | null;
}

const subjectColumns = {
  id: subjects.id,
  slug: subjects.slug,
  kind: subjects.kind,
  name: subjects.name,
  nameZh: subjects.nameZh,
  role: subjects.role,
  roleZh: subjects.roleZh,
  article: subjects.article,
  description: subjects.description,
  descriptionZh: subjects.descriptionZh,
};

const asPublic = (redactor: PublicRedactor, subject: PublicSubject) => redactor.fields(subject, ["name", "nameZh", "role", "roleZh", "article", "description", "descriptionZh"]);

/**
 * One page of the public subjects of a page type, in name order, optionally matching a search in
 * any of their names, with how many match. People are walked in name order through the index on
 * (kind, confidential, name); a search reads every subject of the kind, a few tens of thousands.
 * A search matches the texts as the public reads them: a withheld name finds nothing. The stored
 * text is tested first, so only the few that match are redacted to be tested again.
 */
export async function listPublicSubjectsPage(db: Executor, page: SubjectPage, search: string, range: { limit: number; offset: number }): Promise<{ rows: PublicSubject[]; total: number }> {
  const redactor = await getPublicRedactor(db);
  const term = search.trim();
  const scope = and(inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]]), eq(subjects.confidential, false), isNull(subjects.mergedIntoId));
  const searched = [subjects.name, subjects.nameZh, subjects.role, subjects.article, subjects.description];
  const where = and(scope, term ? await publicTextSearch(db, redactor, { table: subjects, id: subjects.id, columns: searched, scope }, term) : undefined);
  const rows = await db.select(subjectColumns).from(subjects).where(where).orderBy(asc(subjects.name), asc(subjects.id)).limit(range.limit).offset(range.offset);
  const total = (await firstRow(db.select({ n: count() }).from(subjects).where(where).limit(1)))?.n ?? 0;
  return { rows: rows.map((s) => asPublic(redactor, s)), total };
}

export async function getPublicSubject(db: Executor, page: SubjectPage, slug: string): Promise<PublicSubject | undefined> {
  const row = await firstRow(db
    .select(subjectColumns)
    .from(subjects)
    .where(and(eq(subjects.slug, slug), eq(subjects.confidential, false), isNull(subjects.mergedIntoId), inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]])))
    .limit(1));
  return row && asPublic(await getPublicRedactor(db), row);
}

const kept = aliasedTable(subjects, "kept");

/**
 * Where the old public address of a person or law merged into another leads: the kept record's slug,
 * only while both are public (a redirect from or to a confidential record would tie its names to the
 * other's), else undefined (the old address is a 404).
 */
export async function getMergedSubjectTarget(db: Executor, page: SubjectPage, slug: string): Promise<string | undefined> {
  const row = await firstRow(db
    .select({ slug: kept.slug })
    .from(subjects)
    .innerJoin(joinAlias(kept), and(eq(kept.id, subjects.mergedIntoId), eq(kept.confidential, false), isNull(kept.mergedIntoId)))
    .where(and(eq(subjects.slug, slug), eq(subjects.confidential, false), inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]])))
    .limit(1));
  return row?.slug;
}

export interface SubjectEvent {
  kind: SubjectEventKind;
  occurredOn: string;
  datePrecision: DatePrecision;
  description: string;
  descriptionZh: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
}

export async function listSubjectEvents(db: Executor, subjectId: number): Promise<SubjectEvent[]> {
  return listSubjectsEvents(db, [subjectId]);
}

/** Dated events of some subjects the public may see, each subject's in date order, with names withheld. */
export async function listSubjectsEvents(db: Executor, subjectIds: number[]): Promise<Array<SubjectEvent & { subjectId: number }>> {
  if (subjectIds.length === 0) return [];
  const redactor = await getPublicRedactor(db);
  return (await subjectsEventsQuery(db, subjectIds)).map((e) => publicEvent(redactor, e));
}

function subjectsEventsQuery(db: Executor, subjectIds: number[]) {
  return db
    .select({
      subjectId: subjectEvents.subjectId,
      kind: subjectEvents.kind,
      occurredOn: subjectEvents.occurredOn,
      datePrecision: subjectEvents.datePrecision,
      description: subjectEvents.description,
      descriptionZh: subjectEvents.descriptionZh,
      sourceTitle: sourceDocuments.title,
      sourceUrl: subjectEvents.sourceUrl,
    })
    .from(subjectEvents)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, subjectEvents.sourceDocumentId))
    .where(and(inArray(subjectEvents.subjectId, subjectIds), isPublicEvent))
    .orderBy(asc(subjectEvents.occurredOn), asc(subjectEvents.id));
}

const publicEvent = <E extends SubjectEvent>(redactor: PublicRedactor, e: E): E => ({ ...redactor.fields(e, ["description", "descriptionZh", "sourceTitle"]), sourceUrl: redactor.url(e.sourceUrl) });

/** Which public benchmarks each subject is linked to. */
export async function listSubjectBenchmarkLinks(db: Executor, subjectIds: number[]): Promise<Array<{ subjectId: number; benchmarkId: number }>> {
  if (subjectIds.length === 0) return [];
  return db
    .select({ subjectId: benchmarkSubjects.subjectId, benchmarkId: benchmarkSubjects.benchmarkId })
    .from(benchmarkSubjects)
    .innerJoin(benchmarks, and(eq(benchmarks.id, benchmarkSubjects.benchmarkId), isPublicBenchmark))
    .where(inArray(benchmarkSubjects.subjectId, subjectIds));
}

export interface SubjectIndexPage {
  rows: PublicSubject[];
  total: number;
  /** Each subject's public benchmarks, by id. */
  benchmarksOf: Map<number, number[]>;
  /** The current status of each of those benchmarks, with its public title. */
  current: Map<number, { status: Status; title: string; titleZh: string | null }>;
}

/** What the people or laws index shows for one page: the subjects, their benchmarks and each one's current status. */
export async function getSubjectIndexPage(db: Executor, page: SubjectPage, search: string, range: { limit: number; offset: number }): Promise<SubjectIndexPage> {
  const { rows, total } = await listPublicSubjectsPage(db, page, search, range);
  const links = await listSubjectBenchmarkLinks(
    db,
    rows.map((s) => s.id),
  );
  const current = await listCurrentStatuses(db, [...new Set(links.map((l) => l.benchmarkId))]);
  const benchmarksOf = new Map<number, number[]>();
  for (const l of links) benchmarksOf.set(l.subjectId, [...(benchmarksOf.get(l.subjectId) ?? []), l.benchmarkId]);
  return { rows, total, benchmarksOf, current };
}

/**
 * When a public person's or law's page last had its public text corrected: its own record or one of
 * its public events, as an ISO timestamp, or null. Only for a subject the public sees (the caller got
 * it from getPublicSubject), so a confidential record's corrections are dated nowhere.
 */
export async function getSubjectCorrectedOn(db: Executor, subjectId: number): Promise<string | null> {
  const eventIds = (await db.select({ id: subjectEvents.id }).from(subjectEvents).where(and(eq(subjectEvents.subjectId, subjectId), isPublicEvent))).map((e) => e.id);
  const dates = [await getCorrectedOn(db, { entity: "subject", id: subjectId }), ...(await listCorrectedOn(db, "subject_event", eventIds)).values()].filter((d): d is string => Boolean(d));
  return dates.length ? dates.sort().at(-1)! : null;
}
