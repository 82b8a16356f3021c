import "server-only";
// An editor's review of what reviewers added: draft statements, draft benchmarks and draft source
// links wait here until an editor approves, edits, merges or rejects them. Nothing is deleted: a
// rejected or merged row stays stored with the editor's note, which the reviewer who added it reads.
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Addressee, DatePrecision, ReviewState, StatementKind } from "@/lib/domain";
import { benchmarks, benchmarkSources, categories, organisations, rounds, statementPublishers, statements, users } from "../schema";
import { joinAlias, notApproved } from "../dialect";
import type { Executor } from "../transaction";

const addedBy = alias(users, "added_by");

export interface DraftStatement {
  id: number;
  slug: string;
  title: string;
  kind: StatementKind;
  date: string;
  datePrecision: DatePrecision;
  language: string;
  sourceUrl: string | null;
  summary: string;
  roundSlug: string | null;
  roundName: string | null;
  addedBy: string | null;
  createdAt: string;
  publishers: string[];
}

export interface DraftSource {
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkState: ReviewState;
  statementSlug: string;
  statementTitle: string;
  statementState: ReviewState;
  demand: string;
  state: ReviewState;
  addedBy: string | null;
}

export interface DraftBenchmark {
  id: number;
  slug: string;
  title: string;
  categorySlug: string;
  categoryName: string;
  addressee: Addressee;
  appliesFromSlug: string;
  appliesFromName: string;
  addedBy: string | null;
  createdAt: string;
  sources: DraftSource[];
}

export interface DraftQueue {
  statements: DraftStatement[];
  benchmarks: DraftBenchmark[];
  /** Draft links from a statement to a benchmark that is not itself a draft (those go with their benchmark). */
  sources: DraftSource[];
}

const sourceColumns = {
  benchmarkId: benchmarkSources.benchmarkId,
  benchmarkSlug: benchmarks.slug,
  benchmarkTitle: benchmarks.title,
  benchmarkState: benchmarks.reviewState,
  statementSlug: statements.slug,
  statementTitle: statements.title,
  statementState: statements.reviewState,
  demand: benchmarkSources.demand,
  state: benchmarkSources.reviewState,
  addedBy: addedBy.name,
};

/** Everything waiting for an editor, oldest first. */
export async function listDraftQueue(db: Executor): Promise<DraftQueue> {
  const statementRows = await db
    .select({
      id: statements.id,
      slug: statements.slug,
      title: statements.title,
      kind: statements.kind,
      date: statements.date,
      datePrecision: statements.datePrecision,
      language: statements.language,
      sourceUrl: statements.sourceUrl,
      summary: statements.summary,
      roundSlug: rounds.slug,
      roundName: rounds.name,
      addedBy: addedBy.name,
      createdAt: statements.createdAt,
    })
    .from(statements)
    .leftJoin(rounds, eq(rounds.id, statements.roundId))
    .leftJoin(joinAlias(addedBy), eq(addedBy.id, statements.createdBy))
    .where(eq(statements.reviewState, "draft"))
    .orderBy(asc(statements.createdAt), asc(statements.id));
  const publishers = new Map<number, string[]>();
  if (statementRows.length) {
    for (const p of await db
      .select({ statementId: statementPublishers.statementId, name: organisations.name })
      .from(statementPublishers)
      .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
      .where(inArray(statementPublishers.statementId, statementRows.map((s) => s.id)))) {
      publishers.set(p.statementId, [...(publishers.get(p.statementId) ?? []), p.name]);
    }
  }
  const benchmarkRows = await db
    .select({
      id: benchmarks.id,
      slug: benchmarks.slug,
      title: benchmarks.title,
      categorySlug: categories.slug,
      categoryName: categories.name,
      addressee: benchmarks.addressee,
      appliesFromSlug: rounds.slug,
      appliesFromName: rounds.name,
      addedBy: addedBy.name,
      createdAt: benchmarks.createdAt,
    })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .leftJoin(joinAlias(addedBy), eq(addedBy.id, benchmarks.createdBy))
    .where(and(notApproved(benchmarks.reviewState), eq(benchmarks.reviewState, "draft")))
    .orderBy(asc(benchmarks.createdAt), asc(benchmarks.id));
  const sourceRows = await db
    .select(sourceColumns)
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
    .leftJoin(joinAlias(addedBy), eq(addedBy.id, benchmarkSources.createdBy))
    .where(
      or(
        eq(benchmarkSources.reviewState, "draft"),
        benchmarkRows.length ? inArray(benchmarkSources.benchmarkId, benchmarkRows.map((b) => b.id)) : undefined,
      ),
    )
    .orderBy(asc(statements.date), asc(statements.id));
  const sourcesOf = new Map<number, DraftSource[]>();
  for (const { benchmarkId, ...source } of sourceRows) sourcesOf.set(benchmarkId, [...(sourcesOf.get(benchmarkId) ?? []), source]);
  return {
    statements: statementRows.map((s) => ({ ...s, publishers: publishers.get(s.id) ?? [] })),
    benchmarks: benchmarkRows.map((b) => ({ ...b, sources: sourcesOf.get(b.id) ?? [] })),
    sources: sourceRows.filter((s) => s.state === "draft" && s.benchmarkState !== "draft").map(({ benchmarkId: _id, ...s }) => s),
  };
}

/** How many items wait for an editor: for the count on /editor. */
export async function countDrafts(db: Executor): Promise<number> {
  const queue = await listDraftQueue(db);
  return queue.statements.length + queue.benchmarks.length + queue.sources.length;
}

/** What a reviewer added that is not (yet) public: drafts, and rejected or merged items with the editor's note. */
export async function listAdditionsAwaitingOrRefused(db: Executor, userId: string) {
  const [statementRows, benchmarkRows, sourceRows] = await Promise.all([
    db
      .select({ slug: statements.slug, title: statements.title, state: statements.reviewState, note: statements.reviewNote })
      .from(statements)
      .where(and(eq(statements.createdBy, userId), ne(statements.reviewState, "approved")))
      .orderBy(asc(statements.createdAt)),
    db
      .select({ slug: benchmarks.slug, title: benchmarks.title, state: benchmarks.reviewState, note: benchmarks.reviewNote })
      .from(benchmarks)
      .where(and(eq(benchmarks.createdBy, userId), notApproved(benchmarks.reviewState)))
      .orderBy(asc(benchmarks.createdAt)),
    db
      .select({ benchmarkTitle: benchmarks.title, statementSlug: statements.slug, statementTitle: statements.title, state: benchmarkSources.reviewState, note: benchmarkSources.reviewNote })
      .from(benchmarkSources)
      .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(and(eq(benchmarkSources.createdBy, userId), eq(benchmarkSources.reviewState, "rejected"))),
  ]);
  return { statements: statementRows, benchmarks: benchmarkRows, sources: sourceRows };
}

