import "server-only";
import { and, asc, count, eq, inArray, like, or } from "drizzle-orm";
import type { DatePrecision, SubjectEventKind, SubjectKind } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { benchmarks, benchmarkSubjects, sourceDocuments, subjectEvents, subjects } from "../schema";
import { isPublicBenchmark } from "./shared";

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
  article: string | null;
  description: string;
}

const subjectColumns = {
  id: subjects.id,
  slug: subjects.slug,
  kind: subjects.kind,
  name: subjects.name,
  nameZh: subjects.nameZh,
  role: subjects.role,
  article: subjects.article,
  description: subjects.description,
};

/**
 * One page of the public subjects of a page type, in name order, optionally matching a search in
 * any of their names, with how many match. People are walked in name order through the index on
 * (kind, confidential, name); a search reads every subject of the kind, a few tens of thousands.
 */
export function listPublicSubjectsPage(page: SubjectPage, search: string, range: { limit: number; offset: number }, db: Db = getDb()): { rows: PublicSubject[]; total: number } {
  const term = search.trim();
  const pattern = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const where = and(
    inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]]),
    eq(subjects.confidential, false),
    term
      ? or(
          like(subjects.name, pattern),
          like(subjects.nameZh, pattern),
          like(subjects.role, pattern),
          like(subjects.article, pattern),
          like(subjects.description, pattern),
        )
      : undefined,
  );
  const rows = db.select(subjectColumns).from(subjects).where(where).orderBy(asc(subjects.name), asc(subjects.id)).limit(range.limit).offset(range.offset).all();
  return { rows, total: db.select({ n: count() }).from(subjects).where(where).get()?.n ?? 0 };
}

export function getPublicSubject(page: SubjectPage, slug: string, db: Db = getDb()): PublicSubject | undefined {
  return db
    .select(subjectColumns)
    .from(subjects)
    .where(and(eq(subjects.slug, slug), eq(subjects.confidential, false), inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]])))
    .get();
}

export interface SubjectEvent {
  kind: SubjectEventKind;
  occurredOn: string;
  datePrecision: DatePrecision;
  description: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
}

export function listSubjectEvents(subjectId: number, db: Db = getDb()): SubjectEvent[] {
  return listSubjectsEvents([subjectId], db);
}

/** Dated events of some subjects, each subject's in date order. */
export function listSubjectsEvents(subjectIds: number[], db: Db = getDb()): Array<SubjectEvent & { subjectId: number }> {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      subjectId: subjectEvents.subjectId,
      kind: subjectEvents.kind,
      occurredOn: subjectEvents.occurredOn,
      datePrecision: subjectEvents.datePrecision,
      description: subjectEvents.description,
      sourceTitle: sourceDocuments.title,
      sourceUrl: subjectEvents.sourceUrl,
    })
    .from(subjectEvents)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, subjectEvents.sourceDocumentId))
    .where(inArray(subjectEvents.subjectId, subjectIds))
    .orderBy(asc(subjectEvents.occurredOn), asc(subjectEvents.id))
    .all();
}

/** Which public benchmarks each subject is linked to. */
export function listSubjectBenchmarkLinks(subjectIds: number[], db: Db = getDb()): Array<{ subjectId: number; benchmarkId: number }> {
  if (subjectIds.length === 0) return [];
  return db
    .select({ subjectId: benchmarkSubjects.subjectId, benchmarkId: benchmarkSubjects.benchmarkId })
    .from(benchmarkSubjects)
    .innerJoin(benchmarks, and(eq(benchmarks.id, benchmarkSubjects.benchmarkId), isPublicBenchmark))
    .where(inArray(benchmarkSubjects.subjectId, subjectIds))
    .all();
}
