import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Addressee, DatePrecision, StatementKind } from "@/lib/domain";
import { uniqueSlug } from "@/lib/slug";
import { getDb, type Db } from "../client";
import {
  benchmarks,
  benchmarkSources,
  benchmarkSubjects,
  categories,
  organisations,
  rounds,
  sourceDocuments,
  statementPublishers,
  statements,
  statementSignatories,
  subjects,
} from "../schema";
import { recordAudit } from "./audit";
import { replaceBenchmarkScope, resolveTrackSlugs } from "./benchmark-scope";
import { getPublicRedactor, type PublicRedactor } from "./public-text";
import { isPublicBenchmark, isPublicSource, isPublicStatement } from "./shared";

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

// The round a statement addresses, for the public: an unpublished round is named nowhere, so the statement shows without it.
const publishedRoundAddressed = and(eq(rounds.id, statements.roundId), isNotNull(rounds.publishedAt));

function asPublic(redactor: PublicRedactor, statement: StatementSummary): StatementSummary {
  return { ...redactor.fields(statement, ["title", "summary", "sourceTitle", "sourcePublisher"]), sourceUrl: redactor.url(statement.sourceUrl) };
}

/** A statement the public may see, its texts as the public reads them. */
export function getStatement(slug: string, db: Db = getDb()): StatementSummary | undefined {
  const row = db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, publishedRoundAddressed)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .where(and(eq(statements.slug, slug), isPublicStatement))
    .get();
  return row && asPublic(getPublicRedactor(db), row);
}

/** Publishing organisations of each statement, in name order. */
export function listPublishers(statementIds: number[], db: Db = getDb()): Map<number, string[]> {
  const result = new Map<number, string[]>();
  if (statementIds.length === 0) return result;
  const redactor = getPublicRedactor(db);
  for (const row of db
    .select({ statementId: statementPublishers.statementId, name: organisations.name })
    .from(statementPublishers)
    .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
    .where(inArray(statementPublishers.statementId, statementIds))
    .orderBy(asc(organisations.name))
    .all()) {
    result.set(row.statementId, [...(result.get(row.statementId) ?? []), redactor.text(row.name)]);
  }
  return result;
}

export function listSignatories(statementId: number, db: Db = getDb()) {
  const redactor = getPublicRedactor(db);
  return db
    .select({ name: statementSignatories.name, role: statementSignatories.role })
    .from(statementSignatories)
    .where(eq(statementSignatories.statementId, statementId))
    .orderBy(asc(statementSignatories.position))
    .all()
    .map((s) => redactor.fields(s, ["name", "role"]));
}

export interface NewStatement {
  title: string;
  kind: StatementKind;
  date: string;
  datePrecision: DatePrecision;
  language: string;
  sourceUrl: string | null;
  roundSlug: string | null;
  publishers: string[];
  summary: string;
  fullText: string | null;
}

/** Records a statement with its publishers (creating organisations it does not know yet). */
export function createStatement(input: NewStatement, userId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const roundId = input.roundSlug ? tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.roundSlug)).get()?.id : null;
      if (input.roundSlug && !roundId) throw new StatementError("Choose an existing round, or none.");
      const slug = uniqueSlug(input.title, (s) => !!tx.select({ id: statements.id }).from(statements).where(eq(statements.slug, s)).get());
      const { roundSlug: _round, publishers, ...values } = input;
      const [row] = tx.insert(statements).values({ ...values, slug, roundId: roundId ?? null }).returning({ id: statements.id }).all();
      for (const name of publishers) {
        const existing = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
        const organisationId =
          existing?.id ??
          tx
            .insert(organisations)
            .values({ name, kind: "ngo", slug: uniqueSlug(name, (s) => !!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, s)).get()) })
            .returning({ id: organisations.id })
            .all()[0]!.id;
        tx.insert(statementPublishers).values({ statementId: row!.id, organisationId }).onConflictDoNothing().run();
      }
      recordAudit(tx, { userId, action: "statement.create", entity: "statement", entityId: row!.id, after: { ...input, fullText: input.fullText ? `${input.fullText.length} characters` : null } });
      return slug;
    },
    { behavior: "immediate" },
  );
}

export class StatementError extends Error {}

/** The statement with its pasted text, for the workspace (never shown on public pages). */
export function getStatementForReview(slug: string, db: Db = getDb()) {
  return db
    .select({ id: statements.id, slug: statements.slug, title: statements.title, date: statements.date, fullText: statements.fullText, roundId: statements.roundId })
    .from(statements)
    .where(eq(statements.slug, slug))
    .get();
}

export function createBenchmarkFromDemand(
  input: {
    statementSlug: string;
    demand: string;
    title: string;
    categorySlug: string;
    addressee: Addressee;
    appliesFromRoundSlug: string;
    /** The tracks at whose rounds it is assessed; [] for every track. */
    scopeTrackSlugs: string[];
    subjectSlugs: string[];
  },
  userId: string,
  db: Db = getDb(),
): string {
  return db.transaction(
    (tx) => {
      const statement = tx.select({ id: statements.id, date: statements.date }).from(statements).where(eq(statements.slug, input.statementSlug)).get();
      const category = tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).get();
      const round = tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).get();
      if (!statement || !category || !round) throw new StatementError("The statement, category or round no longer exists.");
      if (round.startDate < statement.date) throw new StatementError("A benchmark cannot apply from a round before the statement that raised it.");
      const subjectRows = input.subjectSlugs.length ? tx.select({ id: subjects.id }).from(subjects).where(inArray(subjects.slug, input.subjectSlugs)).all() : [];
      if (subjectRows.length !== input.subjectSlugs.length) throw new StatementError("One of the people or laws no longer exists.");
      const scope = resolveTrackSlugs(input.scopeTrackSlugs, tx);
      if (scope.unknown.length) throw new StatementError("One of the tracks ticked no longer exists.");
      const slug = uniqueSlug(input.title, (s) => !!tx.select({ id: benchmarks.id }).from(benchmarks).where(eq(benchmarks.slug, s)).get());
      const [row] = tx
        .insert(benchmarks)
        .values({ slug, title: input.title, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id })
        .returning({ id: benchmarks.id })
        .all();
      tx.insert(benchmarkSources).values({ benchmarkId: row!.id, statementId: statement.id, demand: input.demand }).run();
      if (subjectRows.length) tx.insert(benchmarkSubjects).values(subjectRows.map((s) => ({ benchmarkId: row!.id, subjectId: s.id }))).run();
      replaceBenchmarkScope(tx, row!.id, scope.ids);
      recordAudit(tx, { userId, action: "benchmark.create", entity: "benchmark", entityId: row!.id, after: { ...input, slug } });
      return slug;
    },
    { behavior: "immediate" },
  );
}

export function addBenchmarkSource(input: { statementSlug: string; benchmarkSlug: string; demand: string }, userId: string, db: Db = getDb()): void {
  db.transaction(
    (tx) => {
      const statement = tx.select({ id: statements.id }).from(statements).where(eq(statements.slug, input.statementSlug)).get();
      const benchmark = tx.select({ id: benchmarks.id }).from(benchmarks).where(eq(benchmarks.slug, input.benchmarkSlug)).get();
      if (!statement || !benchmark) throw new StatementError("The statement or benchmark no longer exists.");
      const existing = tx
        .select({ demand: benchmarkSources.demand })
        .from(benchmarkSources)
        .where(and(eq(benchmarkSources.benchmarkId, benchmark.id), eq(benchmarkSources.statementId, statement.id)))
        .get();
      if (existing) throw new StatementError("This statement is already a source of that benchmark; nothing was changed.");
      tx.insert(benchmarkSources).values({ benchmarkId: benchmark.id, statementId: statement.id, demand: input.demand }).run();
      recordAudit(tx, { userId, action: "benchmark_source.create", entity: "benchmark", entityId: benchmark.id, after: input });
    },
    { behavior: "immediate" },
  );
}

/** One page of the public statements, oldest first, with how many there are. */
export function listStatementsPage(page: { limit: number; offset: number }, db: Db = getDb()): { rows: StatementSummary[]; total: number } {
  const redactor = getPublicRedactor(db);
  const rows = db
    .select(statementColumns)
    .from(statements)
    .leftJoin(rounds, publishedRoundAddressed)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, statements.sourceDocumentId))
    .where(isPublicStatement)
    .orderBy(asc(statements.date), asc(statements.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows: rows.map((s) => asPublic(redactor, s)), total: db.select({ n: count() }).from(statements).where(isPublicStatement).get()?.n ?? 0 };
}

/** How many public benchmarks each statement raised, for some statements. */
export function countPublicDemands(statementIds: number[], db: Db = getDb()): Map<number, number> {
  if (statementIds.length === 0) return new Map();
  return new Map(
    db
      .select({ statementId: benchmarkSources.statementId, n: count() })
      .from(benchmarkSources)
      .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
      .where(and(inArray(benchmarkSources.statementId, statementIds), isPublicBenchmark, isPublicSource))
      .groupBy(benchmarkSources.statementId)
      .all()
      .map((r) => [r.statementId, r.n]),
  );
}
