import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DatePrecision, StatementKind } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { organisations, rounds, sourceDocuments, statementPublishers, statements, statementSignatories } from "../schema";

export interface StatementSummary {
  id: number;
  slug: string;
  title: string;
  kind: StatementKind;
  date: string;
  datePrecision: DatePrecision;
  language: string;
  summary: string;
  sourceUrl: string | null;
  roundSlug: string | null;
  roundName: string | null;
  sourceTitle: string | null;
  sourcePublisher: string | null;
}

const statementColumns = {
  id: statements.id,
  slug: statements.slug,
  title: statements.title,
  kind: statements.kind,
  date: statements.date,
  datePrecision: statements.datePrecision,
  language: statements.language,
  summary: statements.summary,
  sourceUrl: statements.sourceUrl,
  roundSlug: rounds.slug,
  roundName: rounds.name,
  sourceTitle: sourceDocuments.title,
  sourcePublisher: sourceDocuments.publisher,
};

export function listStatements(db: Db = getDb()): StatementSummary[] {
  return db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, eq(rounds.id, statements.roundId))
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .orderBy(asc(statements.date), asc(statements.id))
    .all();
}

export function getStatement(slug: string, db: Db = getDb()): StatementSummary | undefined {
  return db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, eq(rounds.id, statements.roundId))
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .where(eq(statements.slug, slug))
    .get();
}

/** Publishing organisations of each statement, in name order. */
export function listPublishers(statementIds: number[], db: Db = getDb()): Map<number, string[]> {
  const result = new Map<number, string[]>();
  if (statementIds.length === 0) return result;
  for (const row of db
    .select({ statementId: statementPublishers.statementId, name: organisations.name })
    .from(statementPublishers)
    .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
    .where(inArray(statementPublishers.statementId, statementIds))
    .orderBy(asc(organisations.name))
    .all()) {
    result.set(row.statementId, [...(result.get(row.statementId) ?? []), row.name]);
  }
  return result;
}

export function listSignatories(statementId: number, db: Db = getDb()) {
  return db
    .select({ name: statementSignatories.name, role: statementSignatories.role })
    .from(statementSignatories)
    .where(eq(statementSignatories.statementId, statementId))
    .orderBy(asc(statementSignatories.position))
    .all();
}
