import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Addressee, DatePrecision, ReviewState, Role, StatementKind } from "@/lib/domain";
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
import { getPublicRedactorSync as getPublicRedactor, type PublicRedactor } from "./public-text";
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

/** A statement the public may see (approved by an editor, not hidden), its texts as the public reads them; undefined for a draft, rejected, hidden or missing one. */
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

/** Who adds something: a reviewer's additions are drafts until an editor approves them; an editor's are approved (and audited). */
export interface Author {
  id: string;
  role: Role;
}

const approvedBy = (editorId: string) => ({ reviewState: "approved" as const, reviewedBy: editorId, reviewedAt: new Date().toISOString() });

/** Records a statement with its publishers (creating organisations it does not know yet). */
export function createStatement(input: NewStatement, author: Author, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const roundId = input.roundSlug ? tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.roundSlug)).get()?.id : null;
      if (input.roundSlug && !roundId) throw new StatementError("Choose an existing round, or none.");
      const slug = uniqueSlug(input.title, (s) => !!tx.select({ id: statements.id }).from(statements).where(eq(statements.slug, s)).get());
      const { roundSlug: _round, publishers, ...values } = input;
      const review = author.role === "editor" ? approvedBy(author.id) : { reviewState: "draft" as const };
      const [row] = tx
        .insert(statements)
        .values({ ...values, slug, roundId: roundId ?? null, createdBy: author.id, ...review })
        .returning({ id: statements.id })
        .all();
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
      recordAudit(tx, {
        userId: author.id,
        action: "statement.create",
        entity: "statement",
        entityId: row!.id,
        after: { ...input, fullText: input.fullText ? `${input.fullText.length} characters` : null, reviewState: review.reviewState },
      });
      return slug;
    },
    { behavior: "immediate" },
  );
}

export class StatementError extends Error {}

/** The statement with its pasted text and review state, for the workspace (never shown on public pages). */
export function getStatementForReview(slug: string, db: Db = getDb()) {
  return db
    .select({
      id: statements.id,
      slug: statements.slug,
      title: statements.title,
      date: statements.date,
      fullText: statements.fullText,
      roundId: statements.roundId,
      reviewState: statements.reviewState,
      reviewNote: statements.reviewNote,
    })
    .from(statements)
    .where(eq(statements.slug, slug))
    .get();
}

/**
 * A benchmark may apply from the round its statement addresses (a letter sent during a session still
 * addresses it), or from any round that starts on or after the statement's date.
 */
export function mayApplyFrom(statement: { date: string; roundId: number | null }, round: { id: number; startDate: string }): boolean {
  return round.id === statement.roundId || round.startDate >= statement.date;
}

/** What confirming a candidate gave: the benchmark it went to, and whether this call created anything. */
export interface ConfirmedCandidate {
  benchmarkSlug: string;
  benchmarkTitle: string;
  reviewState: ReviewState;
  created: boolean;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The benchmark a statement's candidate was already confirmed into, if it was. */
function findConfirmedCandidate(tx: Tx | Db, statementId: number, key: string): Omit<ConfirmedCandidate, "created"> | undefined {
  return tx
    .select({ benchmarkSlug: benchmarks.slug, benchmarkTitle: benchmarks.title, reviewState: benchmarks.reviewState })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .where(and(eq(benchmarkSources.statementId, statementId), eq(benchmarkSources.candidateKey, key)))
    .get();
}

function getOpenStatement(tx: Tx, slug: string) {
  const statement = tx
    .select({ id: statements.id, date: statements.date, roundId: statements.roundId, reviewState: statements.reviewState })
    .from(statements)
    .where(eq(statements.slug, slug))
    .get();
  if (statement?.reviewState === "rejected") throw new StatementError("An editor rejected this statement: nothing more can be added to it.");
  return statement;
}

/**
 * Confirms a candidate demand as a new benchmark. Idempotent per candidate: if the statement's
 * candidate was confirmed before (a double click, a replayed request, another tab), the first
 * benchmark is returned and nothing is written; the unique index on (statement, candidate key)
 * holds this even against a writer that skips the check. A reviewer's benchmark is a draft; an
 * editor's is approved at once when its statement is, and otherwise waits with it.
 */
export function createBenchmarkFromDemand(
  input: {
    statementSlug: string;
    candidateKey: string;
    demand: string;
    title: string;
    categorySlug: string;
    addressee: Addressee;
    appliesFromRoundSlug: string;
    /** The tracks at whose rounds it is assessed; [] for every track. */
    scopeTrackSlugs: string[];
    subjectSlugs: string[];
  },
  author: Author,
  db: Db = getDb(),
): ConfirmedCandidate {
  return db.transaction(
    (tx) => {
      const statement = getOpenStatement(tx, input.statementSlug);
      if (statement) {
        const confirmed = findConfirmedCandidate(tx, statement.id, input.candidateKey);
        if (confirmed) return { ...confirmed, created: false };
      }
      const category = tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).get();
      const round = tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).get();
      if (!statement || !category || !round) throw new StatementError("The statement, category or round no longer exists.");
      if (!mayApplyFrom(statement, round)) throw new StatementError("A benchmark cannot apply from a round before the statement that raised it, other than the round it addresses.");
      const subjectRows = input.subjectSlugs.length ? tx.select({ id: subjects.id }).from(subjects).where(inArray(subjects.slug, input.subjectSlugs)).all() : [];
      if (subjectRows.length !== input.subjectSlugs.length) throw new StatementError("One of the people or laws no longer exists.");
      const scope = resolveTrackSlugs(input.scopeTrackSlugs, tx);
      if (scope.unknown.length) throw new StatementError("One of the tracks ticked no longer exists.");
      const slug = uniqueSlug(input.title, (s) => !!tx.select({ id: benchmarks.id }).from(benchmarks).where(eq(benchmarks.slug, s)).get());
      const review = author.role === "editor" && statement.reviewState === "approved" ? approvedBy(author.id) : { reviewState: "draft" as const };
      const [row] = tx
        .insert(benchmarks)
        .values({ slug, title: input.title, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id, createdBy: author.id, ...review })
        .returning({ id: benchmarks.id })
        .all();
      tx.insert(benchmarkSources)
        .values({ benchmarkId: row!.id, statementId: statement.id, demand: input.demand, candidateKey: input.candidateKey, createdBy: author.id, ...review })
        .run();
      if (subjectRows.length) tx.insert(benchmarkSubjects).values(subjectRows.map((s) => ({ benchmarkId: row!.id, subjectId: s.id }))).run();
      replaceBenchmarkScope(tx, row!.id, scope.ids);
      recordAudit(tx, { userId: author.id, action: "benchmark.create", entity: "benchmark", entityId: row!.id, after: { ...input, slug, reviewState: review.reviewState } });
      return { benchmarkSlug: slug, benchmarkTitle: input.title, reviewState: review.reviewState, created: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * Adds a statement as a further source of an existing benchmark; idempotent per candidate like
 * createBenchmarkFromDemand. The link is a draft unless an editor adds it to an approved statement.
 */
export function addBenchmarkSource(input: { statementSlug: string; benchmarkSlug: string; demand: string; candidateKey: string }, author: Author, db: Db = getDb()): ConfirmedCandidate {
  return db.transaction(
    (tx) => {
      const statement = getOpenStatement(tx, input.statementSlug);
      if (statement) {
        const confirmed = findConfirmedCandidate(tx, statement.id, input.candidateKey);
        if (confirmed) return { ...confirmed, created: false };
      }
      const benchmark = tx
        .select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState })
        .from(benchmarks)
        .where(eq(benchmarks.slug, input.benchmarkSlug))
        .get();
      if (!statement || !benchmark) throw new StatementError("The statement or benchmark no longer exists.");
      if (benchmark.reviewState === "rejected" || benchmark.reviewState === "merged") throw new StatementError("That benchmark was rejected or merged by an editor: choose another.");
      const existing = tx
        .select({ demand: benchmarkSources.demand })
        .from(benchmarkSources)
        .where(and(eq(benchmarkSources.benchmarkId, benchmark.id), eq(benchmarkSources.statementId, statement.id)))
        .get();
      if (existing) throw new StatementError("This statement is already a source of that benchmark; nothing was changed.");
      const review = author.role === "editor" && statement.reviewState === "approved" ? approvedBy(author.id) : { reviewState: "draft" as const };
      tx.insert(benchmarkSources)
        .values({ benchmarkId: benchmark.id, statementId: statement.id, demand: input.demand, candidateKey: input.candidateKey, createdBy: author.id, ...review })
        .run();
      recordAudit(tx, { userId: author.id, action: "benchmark_source.create", entity: "benchmark", entityId: benchmark.id, after: { ...input, reviewState: review.reviewState } });
      return { benchmarkSlug: input.benchmarkSlug, benchmarkTitle: benchmark.title, reviewState: benchmark.reviewState, created: true };
    },
    { behavior: "immediate" },
  );
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

export function listCandidateOutcomes(statementId: number, db: Db = getDb()): Map<string, CandidateOutcome> {
  const rows = db
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
    .where(and(eq(benchmarkSources.statementId, statementId), isNotNull(benchmarkSources.candidateKey)))
    .all();
  return new Map(rows.map(({ key, ...outcome }) => [key!, outcome]));
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
