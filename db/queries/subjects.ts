import "server-only";
import { and, asc, eq, inArray, like, or } from "drizzle-orm";
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

/** Public subjects of a page type, optionally matching a search in any of their names. */
export function listPublicSubjects(page: SubjectPage, search = "", db: Db = getDb()): PublicSubject[] {
  const term = search.trim();
  const pattern = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select(subjectColumns)
    .from(subjects)
    .where(
      and(
        eq(subjects.confidential, false),
        inArray(subjects.kind, [...SUBJECT_KINDS_OF_PAGE[page]]),
        term
          ? or(
              like(subjects.name, pattern),
              like(subjects.nameZh, pattern),
              like(subjects.role, pattern),
              like(subjects.article, pattern),
              like(subjects.description, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(subjects.name))
    .all();
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
  return db
    .select({
      kind: subjectEvents.kind,
      occurredOn: subjectEvents.occurredOn,
      datePrecision: subjectEvents.datePrecision,
      description: subjectEvents.description,
      sourceTitle: sourceDocuments.title,
      sourceUrl: subjectEvents.sourceUrl,
    })
    .from(subjectEvents)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, subjectEvents.sourceDocumentId))
    .where(eq(subjectEvents.subjectId, subjectId))
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
