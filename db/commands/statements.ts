import "server-only";
// What reviewers and editors add: statements, the benchmarks confirmed from their demands, and
// further sources of existing benchmarks. A reviewer's additions are drafts for an editor.
import { and, eq, inArray } from "drizzle-orm";
import type { Addressee, DatePrecision, ReviewState, Role, StatementKind } from "@/lib/domain";
import { CodedRefusal } from "@/lib/refusal";
import { uniqueSlug } from "@/lib/slug";
import { benchmarks, benchmarkSources, benchmarkSubjects, categories, organisations, rounds, statementPublishers, statements, subjects } from "../schema";
import { transaction, type Executor } from "../transaction";
import { resolveTrackSlugs } from "../queries/benchmark-scope";
import { replaceBenchmarkScope } from "./benchmark-scope";
import { mayApplyFrom } from "../queries/statements";
import { recordAudit } from "./audit";
import { firstRow } from "../dialect";

export class StatementError extends CodedRefusal {}

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
export async function createStatement(db: Executor, input: NewStatement, author: Author): Promise<string> {
  return await transaction(db, async (tx) => {
    const roundId = input.roundSlug ? (await firstRow(tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.roundSlug)).limit(1)))?.id : null;
    if (input.roundSlug && !roundId) throw new StatementError("chooseRoundOrNone", "Choose an existing round, or none.");
    const slug = await uniqueSlug(input.title, async (s) => !!(await firstRow(tx.select({ id: statements.id }).from(statements).where(eq(statements.slug, s)).limit(1))));
    const { roundSlug: _round, publishers, ...values } = input;
    const review = author.role === "editor" ? approvedBy(author.id) : { reviewState: "draft" as const };
    const [row] = await tx
      .insert(statements)
      .values({ ...values, slug, roundId: roundId ?? null, createdBy: author.id, ...review })
      .returning({ id: statements.id });
    for (const name of publishers) {
      const organisationId = await findOrCreateOrganisation(tx, name);
      await tx.insert(statementPublishers).values({ statementId: row!.id, organisationId }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      userId: author.id,
      action: "statement.create",
      entity: "statement",
      entityId: row!.id,
      after: { ...input, fullText: input.fullText ? `${input.fullText.length} characters` : null, reviewState: review.reviewState },
    });
    return slug;
  });
}

/** A publisher named on a statement: the organisation of that name, or a new one (an NGO until an editor says otherwise). */
export async function findOrCreateOrganisation(tx: Executor, name: string): Promise<number> {
  const existing = await firstRow(tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).limit(1));
  if (existing) return existing.id;
  const slug = await uniqueSlug(name, async (s) => !!(await firstRow(tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, s)).limit(1))));
  const [created] = await tx.insert(organisations).values({ name, kind: "ngo", slug }).returning({ id: organisations.id });
  return created!.id;
}

/** What confirming a candidate gave: the benchmark it went to, and whether this call created anything. */
export interface ConfirmedCandidate {
  benchmarkSlug: string;
  benchmarkTitle: string;
  reviewState: ReviewState;
  created: boolean;
}

/** The benchmark a statement's candidate was already confirmed into, if it was. */
async function findConfirmedCandidate(tx: Executor, statementId: number, key: string): Promise<Omit<ConfirmedCandidate, "created"> | undefined> {
  return await firstRow(tx
    .select({ benchmarkSlug: benchmarks.slug, benchmarkTitle: benchmarks.title, reviewState: benchmarks.reviewState })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .where(and(eq(benchmarkSources.statementId, statementId), eq(benchmarkSources.candidateKey, key)))
    .limit(1));
}

async function getOpenStatement(tx: Executor, slug: string) {
  const statement = await firstRow(tx
    .select({ id: statements.id, date: statements.date, roundId: statements.roundId, reviewState: statements.reviewState })
    .from(statements)
    .where(eq(statements.slug, slug))
    .limit(1));
  if (statement?.reviewState === "rejected") throw new StatementError("statementRejected", "An editor rejected this statement: nothing more can be added to it.");
  return statement;
}

export interface DemandToConfirm {
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
}

/**
 * Confirms a candidate demand as a new benchmark. Idempotent per candidate: if the statement's
 * candidate was confirmed before (a double click, a replayed request, another tab), the first
 * benchmark is returned and nothing is written; the unique index on (statement, candidate key)
 * holds this even against a writer that skips the check. A reviewer's benchmark is a draft; an
 * editor's is approved at once when its statement is, and otherwise waits with it.
 */
export async function createBenchmarkFromDemand(db: Executor, input: DemandToConfirm, author: Author): Promise<ConfirmedCandidate> {
  return await transaction(db, async (tx) => {
    const statement = await getOpenStatement(tx, input.statementSlug);
    if (statement) {
      const confirmed = await findConfirmedCandidate(tx, statement.id, input.candidateKey);
      if (confirmed) return { ...confirmed, created: false };
    }
    const category = await firstRow(tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).limit(1));
    const round = await firstRow(tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).limit(1));
    if (!statement || !category || !round) throw new StatementError("statementCategoryRoundGone", "The statement, category or round no longer exists.");
    if (!mayApplyFrom(statement, round)) throw new StatementError("appliesBeforeStatement", "A benchmark cannot apply from a round before the statement that raised it, other than the round it addresses.");
    const subjectRows = input.subjectSlugs.length ? await tx.select({ id: subjects.id }).from(subjects).where(inArray(subjects.slug, input.subjectSlugs)) : [];
    if (subjectRows.length !== input.subjectSlugs.length) throw new StatementError("subjectGone", "One of the people or laws no longer exists.");
    const scope = await resolveTrackSlugs(tx, input.scopeTrackSlugs);
    if (scope.unknown.length) throw new StatementError("trackGone", "One of the tracks ticked no longer exists.");
    const slug = await uniqueSlug(input.title, async (s) => !!(await firstRow(tx.select({ id: benchmarks.id }).from(benchmarks).where(eq(benchmarks.slug, s)).limit(1))));
    const review = author.role === "editor" && statement.reviewState === "approved" ? approvedBy(author.id) : { reviewState: "draft" as const };
    const [row] = await tx
      .insert(benchmarks)
      .values({ slug, title: input.title, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id, createdBy: author.id, ...review })
      .returning({ id: benchmarks.id });
    await tx.insert(benchmarkSources).values({ benchmarkId: row!.id, statementId: statement.id, demand: input.demand, candidateKey: input.candidateKey, createdBy: author.id, ...review });
    if (subjectRows.length) await tx.insert(benchmarkSubjects).values(subjectRows.map((s) => ({ benchmarkId: row!.id, subjectId: s.id })));
    await replaceBenchmarkScope(tx, row!.id, scope.ids);
    await recordAudit(tx, { userId: author.id, action: "benchmark.create", entity: "benchmark", entityId: row!.id, after: { ...input, slug, reviewState: review.reviewState } });
    return { benchmarkSlug: slug, benchmarkTitle: input.title, reviewState: review.reviewState, created: true };
  });
}

/**
 * Adds a statement as a further source of an existing benchmark; idempotent per candidate like
 * createBenchmarkFromDemand. The link is a draft unless an editor adds it to an approved statement.
 */
export async function addBenchmarkSource(db: Executor, input: { statementSlug: string; benchmarkSlug: string; demand: string; candidateKey: string }, author: Author): Promise<ConfirmedCandidate> {
  return await transaction(db, async (tx) => {
    const statement = await getOpenStatement(tx, input.statementSlug);
    if (statement) {
      const confirmed = await findConfirmedCandidate(tx, statement.id, input.candidateKey);
      if (confirmed) return { ...confirmed, created: false };
    }
    const benchmark = await firstRow(tx
      .select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState })
      .from(benchmarks)
      .where(eq(benchmarks.slug, input.benchmarkSlug))
      .limit(1));
    if (!statement || !benchmark) throw new StatementError("statementBenchmarkGone", "The statement or benchmark no longer exists.");
    if (benchmark.reviewState === "rejected" || benchmark.reviewState === "merged") throw new StatementError("benchmarkRejectedOrMerged", "That benchmark was rejected or merged by an editor: choose another.");
    const existing = await firstRow(tx
      .select({ demand: benchmarkSources.demand })
      .from(benchmarkSources)
      .where(and(eq(benchmarkSources.benchmarkId, benchmark.id), eq(benchmarkSources.statementId, statement.id)))
      .limit(1));
    if (existing) throw new StatementError("alreadySource", "This statement is already a source of that benchmark; nothing was changed.");
    const review = author.role === "editor" && statement.reviewState === "approved" ? approvedBy(author.id) : { reviewState: "draft" as const };
    await tx.insert(benchmarkSources).values({ benchmarkId: benchmark.id, statementId: statement.id, demand: input.demand, candidateKey: input.candidateKey, createdBy: author.id, ...review });
    await recordAudit(tx, { userId: author.id, action: "benchmark_source.create", entity: "benchmark", entityId: benchmark.id, after: { ...input, reviewState: review.reviewState } });
    return { benchmarkSlug: input.benchmarkSlug, benchmarkTitle: benchmark.title, reviewState: benchmark.reviewState, created: true };
  });
}
