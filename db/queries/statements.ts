import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DatePrecision, ReviewState, StatementKind } from "@/lib/domain";
import { benchmarks, benchmarkSources, organisations, rounds, sourceDocuments, statementPublishers, statements, statementSignatories } from "../schema";
import type { Executor } from "../transaction";
import { getPublicRedactor, type PublicRedactor } from "./public-text";
import { isPublicBenchmark, isPublicSource, isPublicStatement } from "./shared";
import { firstRow } from "../dialect";

export interface StatementSummary {
  id: number;
  slug: string;
  title: string;
  titleZh: string | null;
  kind: StatementKind;
  date: string;
  datePrecision: DatePrecision;
  language: string;
  summary: string;
  summaryZh: string | null;
  sourceUrl: string | null;
  roundSlug: string | null;
  roundName: string | null;
  roundNameZh: string | null;
  sourceTitle: string | null;
  sourcePublisher: string | null;
}

const statementColumns = {
  id: statements.id,
  slug: statements.slug,
  title: statements.title,
  titleZh: statements.titleZh,
  kind: statements.kind,
  date: statements.date,
  datePrecision: statements.datePrecision,
  language: statements.language,
  summary: statements.summary,
  summaryZh: statements.summaryZh,
  sourceUrl: statements.sourceUrl,
  roundSlug: rounds.slug,
  roundName: rounds.name,
  roundNameZh: rounds.nameZh,
  sourceTitle: sourceDocuments.title,
  sourcePublisher: sourceDocuments.publisher,
};

// The round a statement addresses, for the public: an unpublished round is named nowhere, so the statement shows without it.
const publishedRoundAddressed = and(eq(rounds.id, statements.roundId), isNotNull(rounds.publishedAt));

function asPublic(redactor: PublicRedactor, statement: StatementSummary): StatementSummary {
  return { ...redactor.fields(statement, ["title", "titleZh", "summary", "summaryZh", "sourceTitle", "sourcePublisher"]), sourceUrl: redactor.url(statement.sourceUrl) };
}

/** A statement the public may see (approved by an editor, not hidden), its texts as the public reads them; undefined for a draft, rejected, hidden or missing one. */
export async function getStatement(db: Executor, slug: string): Promise<StatementSummary | undefined> {
  const row = await firstRow(db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, publishedRoundAddressed)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .where(and(eq(statements.slug, slug), isPublicStatement))
    .limit(1));
  return row && asPublic(await getPublicRedactor(db), row);
}

/** Publishing organisations of each statement, in name order. */
export async function listPublishers(db: Executor, statementIds: number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (statementIds.length === 0) return result;
  const redactor = await getPublicRedactor(db);
  for (const row of await db
    .select({ statementId: statementPublishers.statementId, name: organisations.name })
    .from(statementPublishers)
    .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
    .where(inArray(statementPublishers.statementId, statementIds))
    .orderBy(asc(organisations.name))) {
    result.set(row.statementId, [...(result.get(row.statementId) ?? []), redactor.text(row.name)]);
  }
  return result;
}

export async function listSignatories(db: Executor, statementId: number) {
  const redactor = await getPublicRedactor(db);
  const rows = await db
    .select({ name: statementSignatories.name, role: statementSignatories.role })
    .from(statementSignatories)
    .where(eq(statementSignatories.statementId, statementId))
    .orderBy(asc(statementSignatories.position));
  return rows.map((s) => redactor.fields(s, ["name", "role"]));
}

/** The statement with its pasted text and review state, for the workspace (never shown on public pages). */
export async function getStatementForReview(db: Executor, slug: string) {
  return await firstRow(db
    .select({
      id: statements.id,
      slug: statements.slug,
      title: statements.title,
      titleZh: statements.titleZh,
      date: statements.date,
      fullText: statements.fullText,
      roundId: statements.roundId,
      reviewState: statements.reviewState,
      reviewNote: statements.reviewNote,
    })
    .from(statements)
    .where(eq(statements.slug, slug))
    .limit(1));
}

/**
 * A benchmark may apply from the round its statement addresses (a letter sent during a session still
 * addresses it), or from any round that starts on or after the statement's date.
 */
export function mayApplyFrom(statement: { date: string; roundId: number | null }, round: { id: number; startDate: string }): boolean {
  return round.id === statement.roundId || round.startDate >= statement.date;
}

/** What became of a statement's confirmed candidates, by candidate key: the benchmark each went to and where its review stands. */
export interface CandidateOutcome {
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkState: ReviewState;
  benchmarkNote: string | null;
  linkState: ReviewState;
  linkNote: string | null;
  demand: string;
}

export async function listCandidateOutcomes(db: Executor, statementId: number): Promise<Map<string, CandidateOutcome>> {
  const rows = await db
    .select({
      key: benchmarkSources.candidateKey,
      benchmarkSlug: benchmarks.slug,
      benchmarkTitle: benchmarks.title,
      benchmarkState: benchmarks.reviewState,
      benchmarkNote: benchmarks.reviewNote,
      linkState: benchmarkSources.reviewState,
      linkNote: benchmarkSources.reviewNote,
      demand: benchmarkSources.demand,
    })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .where(and(eq(benchmarkSources.statementId, statementId), isNotNull(benchmarkSources.candidateKey)));
  return new Map(rows.map(({ key, ...outcome }) => [key!, outcome]));
}

/** One page of the public statements, oldest first, with how many there are. */
export async function listStatementsPage(db: Executor, page: { limit: number; offset: number }): Promise<{ rows: StatementSummary[]; total: number }> {
  const redactor = await getPublicRedactor(db);
  const rows = await db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, publishedRoundAddressed)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .where(isPublicStatement)
    .orderBy(asc(statements.date), asc(statements.id))
    .limit(page.limit)
    .offset(page.offset);
  const total = (await firstRow(db.select({ n: count() }).from(statements).where(isPublicStatement).limit(1)))?.n ?? 0;
  return { rows: rows.map((s) => asPublic(redactor, s)), total };
}

/** How many public benchmarks each statement raised, for some statements. */
export async function countPublicDemands(db: Executor, statementIds: number[]): Promise<Map<number, number>> {
  if (statementIds.length === 0) return new Map();
  const rows = await db
    .select({ statementId: benchmarkSources.statementId, n: count() })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .where(and(inArray(benchmarkSources.statementId, statementIds), isPublicBenchmark, isPublicSource))
    .groupBy(benchmarkSources.statementId);
  return new Map(rows.map((r) => [r.statementId, r.n]));
}
