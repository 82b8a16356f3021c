import "server-only";
// An editor's review of what reviewers added: draft statements, draft benchmarks and draft source
// links wait here until an editor approves, edits, merges or rejects them. Nothing is deleted: a
// rejected or merged row stays stored with the editor's note, which the reviewer who added it reads.
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Addressee, DatePrecision, ReviewState, StatementKind } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { benchmarks, benchmarkSources, categories, organisations, rounds, statementPublishers, statements, users } from "../schema";
import { recordAudit } from "./audit";
import { mayApplyFrom, StatementError } from "./statements";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export class DraftError extends StatementError {}

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
export function listDraftQueue(db: Db = getDb()): DraftQueue {
  const statementRows = db
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
    .leftJoin(addedBy, eq(addedBy.id, statements.createdBy))
    .where(eq(statements.reviewState, "draft"))
    .orderBy(asc(statements.createdAt), asc(statements.id))
    .all();
  const publishers = new Map<number, string[]>();
  if (statementRows.length) {
    for (const p of db
      .select({ statementId: statementPublishers.statementId, name: organisations.name })
      .from(statementPublishers)
      .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
      .where(inArray(statementPublishers.statementId, statementRows.map((s) => s.id)))
      .all()) {
      publishers.set(p.statementId, [...(publishers.get(p.statementId) ?? []), p.name]);
    }
  }
  const benchmarkRows = db
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
    .leftJoin(addedBy, eq(addedBy.id, benchmarks.createdBy))
    // The first term lets SQLite read the few unapproved benchmarks from benchmarks_unapproved_idx.
    .where(sql`${benchmarks.reviewState} <> 'approved' and ${benchmarks.reviewState} = 'draft'`)
    .orderBy(asc(benchmarks.createdAt), asc(benchmarks.id))
    .all();
  const sourceRows = db
    .select(sourceColumns)
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
    .leftJoin(addedBy, eq(addedBy.id, benchmarkSources.createdBy))
    .where(
      or(
        eq(benchmarkSources.reviewState, "draft"),
        benchmarkRows.length ? inArray(benchmarkSources.benchmarkId, benchmarkRows.map((b) => b.id)) : undefined,
      ),
    )
    .orderBy(asc(statements.date), asc(statements.id))
    .all();
  const sourcesOf = new Map<number, DraftSource[]>();
  for (const { benchmarkId, ...source } of sourceRows) sourcesOf.set(benchmarkId, [...(sourcesOf.get(benchmarkId) ?? []), source]);
  return {
    statements: statementRows.map((s) => ({ ...s, publishers: publishers.get(s.id) ?? [] })),
    benchmarks: benchmarkRows.map((b) => ({ ...b, sources: sourcesOf.get(b.id) ?? [] })),
    sources: sourceRows.filter((s) => s.state === "draft" && s.benchmarkState !== "draft").map(({ benchmarkId: _id, ...s }) => s),
  };
}

/** How many items wait for an editor: for the count on /editor. */
export function countDrafts(db: Db = getDb()): number {
  const queue = listDraftQueue(db);
  return queue.statements.length + queue.benchmarks.length + queue.sources.length;
}

/** What a reviewer added that is not (yet) public: drafts, and rejected or merged items with the editor's note. */
export function listAdditionsAwaitingOrRefused(userId: string, db: Db = getDb()) {
  return {
    statements: db
      .select({ slug: statements.slug, title: statements.title, state: statements.reviewState, note: statements.reviewNote })
      .from(statements)
      .where(and(eq(statements.createdBy, userId), ne(statements.reviewState, "approved")))
      .orderBy(asc(statements.createdAt))
      .all(),
    benchmarks: db
      .select({ slug: benchmarks.slug, title: benchmarks.title, state: benchmarks.reviewState, note: benchmarks.reviewNote })
      .from(benchmarks)
      .where(and(eq(benchmarks.createdBy, userId), sql`${benchmarks.reviewState} <> 'approved'`))
      .orderBy(asc(benchmarks.createdAt))
      .all(),
    sources: db
      .select({ benchmarkTitle: benchmarks.title, statementSlug: statements.slug, statementTitle: statements.title, state: benchmarkSources.reviewState, note: benchmarkSources.reviewNote })
      .from(benchmarkSources)
      .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(and(eq(benchmarkSources.createdBy, userId), eq(benchmarkSources.reviewState, "rejected")))
      .all(),
  };
}

/** A draft to act on: "statement:<slug>", "benchmark:<slug>" or "source:<benchmark slug>@<statement slug>". */
export type DraftTarget = { kind: "statement"; slug: string } | { kind: "benchmark"; slug: string } | { kind: "source"; benchmarkSlug: string; statementSlug: string };

const reviewed = (editorId: string, reviewState: ReviewState, reviewNote: string | null = null) => ({ reviewState, reviewedBy: editorId, reviewedAt: new Date().toISOString(), reviewNote });

function draftStatement(tx: Tx, slug: string) {
  const row = tx.select({ id: statements.id, title: statements.title, reviewState: statements.reviewState }).from(statements).where(eq(statements.slug, slug)).get();
  if (!row) throw new DraftError("That statement no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError(`“${row.title}” is no longer a draft (${row.reviewState}); nothing was changed.`);
  return row;
}

function draftBenchmark(tx: Tx, slug: string) {
  const row = tx.select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState }).from(benchmarks).where(eq(benchmarks.slug, slug)).get();
  if (!row) throw new DraftError("That benchmark no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError(`“${row.title}” is no longer a draft (${row.reviewState}); nothing was changed.`);
  return row;
}

function draftSource(tx: Tx, benchmarkSlug: string, statementSlug: string) {
  const row = tx
    .select({ benchmarkId: benchmarkSources.benchmarkId, statementId: benchmarkSources.statementId, reviewState: benchmarkSources.reviewState, benchmarkState: benchmarks.reviewState })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
    .where(and(eq(benchmarks.slug, benchmarkSlug), eq(statements.slug, statementSlug)))
    .get();
  if (!row) throw new DraftError("That source no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError(`That source is no longer a draft (${row.reviewState}); nothing was changed.`);
  return row;
}

const sourceKey = (benchmarkId: number, statementId: number) => and(eq(benchmarkSources.benchmarkId, benchmarkId), eq(benchmarkSources.statementId, statementId));

/**
 * Approves a draft. A statement alone: its draft benchmarks stay drafts. A benchmark with its draft
 * source links and their draft statements, so that no approved benchmark is public without the
 * statement that raised it. A source link alone (it shows once its statement is approved too).
 */
export function approveDraft(target: DraftTarget, editorId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const approved = reviewed(editorId, "approved");
      if (target.kind === "statement") {
        const statement = draftStatement(tx, target.slug);
        tx.update(statements).set(approved).where(eq(statements.id, statement.id)).run();
        recordAudit(tx, { userId: editorId, action: "statement.approve", entity: "statement", entityId: statement.id, before: { reviewState: "draft" }, after: { reviewState: "approved" } });
        return `Approved the statement “${statement.title}”: it is public now.`;
      }
      if (target.kind === "source") {
        const source = draftSource(tx, target.benchmarkSlug, target.statementSlug);
        tx.update(benchmarkSources).set(approved).where(sourceKey(source.benchmarkId, source.statementId)).run();
        recordAudit(tx, { userId: editorId, action: "benchmark_source.approve", entity: "benchmark", entityId: source.benchmarkId, before: { statementId: source.statementId, reviewState: "draft" }, after: { reviewState: "approved" } });
        return "Approved the source.";
      }
      const benchmark = draftBenchmark(tx, target.slug);
      const links = tx
        .select({ statementId: benchmarkSources.statementId, linkState: benchmarkSources.reviewState, statementState: statements.reviewState, statementTitle: statements.title })
        .from(benchmarkSources)
        .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
        .where(eq(benchmarkSources.benchmarkId, benchmark.id))
        .all();
      const usable = links.filter((l) => l.linkState !== "rejected" && l.statementState !== "rejected");
      if (usable.length === 0) throw new DraftError(`“${benchmark.title}” has no source that is not rejected: reject it or merge it instead.`);
      const statementsApproved: string[] = [];
      for (const link of usable) {
        if (link.statementState === "draft") {
          tx.update(statements).set(approved).where(eq(statements.id, link.statementId)).run();
          recordAudit(tx, { userId: editorId, action: "statement.approve", entity: "statement", entityId: link.statementId, before: { reviewState: "draft" }, after: { reviewState: "approved", with: `benchmark ${target.slug}` } });
          statementsApproved.push(link.statementTitle);
        }
        if (link.linkState === "draft") tx.update(benchmarkSources).set(approved).where(sourceKey(benchmark.id, link.statementId)).run();
      }
      tx.update(benchmarks).set(approved).where(eq(benchmarks.id, benchmark.id)).run();
      recordAudit(tx, { userId: editorId, action: "benchmark.approve", entity: "benchmark", entityId: benchmark.id, before: { reviewState: "draft" }, after: { reviewState: "approved", statementsApproved } });
      const also = statementsApproved.length ? `, with its statement ${statementsApproved.map((t) => `“${t}”`).join(", ")}` : "";
      return `Approved the benchmark “${benchmark.title}”${also}: it is public and in the scoring queue now.`;
    },
    { behavior: "immediate" },
  );
}

/**
 * Rejects a draft with a reason the reviewer will read. Rejecting a statement also rejects its draft
 * source links and the draft benchmarks that no other live statement raised.
 */
export function rejectDraft(target: DraftTarget, reason: string, editorId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const rejected = reviewed(editorId, "rejected", reason);
      if (target.kind === "source") {
        const source = draftSource(tx, target.benchmarkSlug, target.statementSlug);
        tx.update(benchmarkSources).set(rejected).where(sourceKey(source.benchmarkId, source.statementId)).run();
        recordAudit(tx, { userId: editorId, action: "benchmark_source.reject", entity: "benchmark", entityId: source.benchmarkId, before: { statementId: source.statementId, reviewState: "draft" }, after: { reviewState: "rejected", reason } });
        return "Rejected the source; the reviewer sees your reason.";
      }
      if (target.kind === "benchmark") {
        const benchmark = draftBenchmark(tx, target.slug);
        tx.update(benchmarks).set(rejected).where(eq(benchmarks.id, benchmark.id)).run();
        recordAudit(tx, { userId: editorId, action: "benchmark.reject", entity: "benchmark", entityId: benchmark.id, before: { reviewState: "draft" }, after: { reviewState: "rejected", reason } });
        return `Rejected the benchmark “${benchmark.title}”; the reviewer sees your reason.`;
      }
      const statement = draftStatement(tx, target.slug);
      tx.update(statements).set(rejected).where(eq(statements.id, statement.id)).run();
      const links = tx
        .select({ benchmarkId: benchmarkSources.benchmarkId, linkState: benchmarkSources.reviewState, benchmarkState: benchmarks.reviewState })
        .from(benchmarkSources)
        .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
        .where(eq(benchmarkSources.statementId, statement.id))
        .all();
      const withStatement = reviewed(editorId, "rejected", `Its statement was rejected: ${reason}`);
      const benchmarksRejected: number[] = [];
      for (const link of links) {
        if (link.linkState === "draft") tx.update(benchmarkSources).set(withStatement).where(sourceKey(link.benchmarkId, statement.id)).run();
        if (link.benchmarkState !== "draft") continue;
        const otherLiveSource = tx
          .select({ one: sql`1` })
          .from(benchmarkSources)
          .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
          .where(and(eq(benchmarkSources.benchmarkId, link.benchmarkId), ne(benchmarkSources.statementId, statement.id), ne(statements.reviewState, "rejected")))
          .get();
        if (otherLiveSource) continue;
        tx.update(benchmarks).set(withStatement).where(eq(benchmarks.id, link.benchmarkId)).run();
        benchmarksRejected.push(link.benchmarkId);
      }
      recordAudit(tx, { userId: editorId, action: "statement.reject", entity: "statement", entityId: statement.id, before: { reviewState: "draft" }, after: { reviewState: "rejected", reason, benchmarksRejected } });
      const also = benchmarksRejected.length ? ` and ${benchmarksRejected.length} draft benchmark${benchmarksRejected.length === 1 ? "" : "s"} raised only by it` : "";
      return `Rejected the statement “${statement.title}”${also}; the reviewer sees your reason.`;
    },
    { behavior: "immediate" },
  );
}

export interface DraftStatementEdit {
  slug: string;
  title: string;
  kind: StatementKind;
  date: string;
  datePrecision: DatePrecision;
  language: string;
  sourceUrl: string | null;
  summary: string;
}

/** An editor corrects a draft statement before approving it; the row before and after go to the audit log. */
export function editDraftStatement(input: DraftStatementEdit, editorId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const statement = draftStatement(tx, input.slug);
      const { slug: _slug, ...values } = input;
      const before = tx
        .select({ title: statements.title, kind: statements.kind, date: statements.date, datePrecision: statements.datePrecision, language: statements.language, sourceUrl: statements.sourceUrl, summary: statements.summary })
        .from(statements)
        .where(eq(statements.id, statement.id))
        .get();
      const benchmarkRounds = tx
        .select({ id: rounds.id, startDate: rounds.startDate, roundId: statements.roundId })
        .from(benchmarkSources)
        .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
        .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
        .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
        .where(eq(benchmarkSources.statementId, statement.id))
        .all();
      if (benchmarkRounds.some((r) => !mayApplyFrom({ date: input.date, roundId: r.roundId }, r))) {
        throw new DraftError("A benchmark this statement raised would then apply from a round before it: change that benchmark's round first.");
      }
      tx.update(statements).set(values).where(eq(statements.id, statement.id)).run();
      recordAudit(tx, { userId: editorId, action: "statement.edit", entity: "statement", entityId: statement.id, before, after: values });
      return `Saved your changes to the draft statement “${input.title}”.`;
    },
    { behavior: "immediate" },
  );
}

export interface DraftBenchmarkEdit {
  slug: string;
  title: string;
  categorySlug: string;
  addressee: Addressee;
  appliesFromRoundSlug: string;
  /** The statement whose wording of the demand is edited. */
  statementSlug: string;
  demand: string;
}

/** An editor corrects a draft benchmark (title, category, addressee, round, the demand's wording) before approving it. */
export function editDraftBenchmark(input: DraftBenchmarkEdit, editorId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const benchmark = draftBenchmark(tx, input.slug);
      const category = tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).get();
      const round = tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).get();
      const statement = tx.select({ id: statements.id, date: statements.date, roundId: statements.roundId }).from(statements).where(eq(statements.slug, input.statementSlug)).get();
      const link = statement ? tx.select({ demand: benchmarkSources.demand }).from(benchmarkSources).where(sourceKey(benchmark.id, statement.id)).get() : undefined;
      if (!category || !round || !statement || !link) throw new DraftError("The category, round or source statement no longer exists.");
      if (!mayApplyFrom(statement, round)) throw new DraftError("A benchmark cannot apply from a round before the statement that raised it, other than the round it addresses.");
      const before = tx
        .select({ title: benchmarks.title, categoryId: benchmarks.categoryId, addressee: benchmarks.addressee, appliesFromRoundId: benchmarks.appliesFromRoundId })
        .from(benchmarks)
        .where(eq(benchmarks.id, benchmark.id))
        .get();
      const values = { title: input.title, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id };
      tx.update(benchmarks).set(values).where(eq(benchmarks.id, benchmark.id)).run();
      tx.update(benchmarkSources).set({ demand: input.demand }).where(sourceKey(benchmark.id, statement.id)).run();
      recordAudit(tx, { userId: editorId, action: "benchmark.edit", entity: "benchmark", entityId: benchmark.id, before: { ...before, demand: link.demand }, after: { ...values, demand: input.demand } });
      return `Saved your changes to the draft benchmark “${input.title}”.`;
    },
    { behavior: "immediate" },
  );
}

/**
 * Merges a draft benchmark into the existing one it repeats: its source links move there (approved:
 * the editor has checked them; each shows once its statement is approved), with the candidate they
 * were confirmed from, and the draft stays stored as "merged" with a pointer. The draft's people and
 * laws do not move: adding one to a public benchmark could hide it (a confidential person) or change
 * what it claims.
 */
export function mergeDraftBenchmark(input: { slug: string; intoSlug: string }, editorId: string, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const draft = draftBenchmark(tx, input.slug);
      const into = tx.select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState }).from(benchmarks).where(eq(benchmarks.slug, input.intoSlug)).get();
      if (!into || into.id === draft.id) throw new DraftError("Choose the existing benchmark the draft repeats.");
      if (into.reviewState !== "approved") throw new DraftError(`“${into.title}” is not an approved benchmark: merge into an approved one.`);
      const links = tx
        .select({ statementId: benchmarkSources.statementId, demand: benchmarkSources.demand, candidateKey: benchmarkSources.candidateKey, reviewState: benchmarkSources.reviewState })
        .from(benchmarkSources)
        .where(eq(benchmarkSources.benchmarkId, draft.id))
        .all();
      const note = `Merged by an editor from the draft “${draft.title}”.`;
      const moved: number[] = [];
      for (const link of links) {
        if (link.reviewState === "rejected") continue;
        const existing = tx.select({ candidateKey: benchmarkSources.candidateKey }).from(benchmarkSources).where(sourceKey(into.id, link.statementId)).get();
        if (existing) {
          // The statement already cites the existing benchmark: that link stays and takes the candidate
          // key (unique per statement, so the draft's link goes first).
          tx.delete(benchmarkSources).where(sourceKey(draft.id, link.statementId)).run();
          if (!existing.candidateKey && link.candidateKey) tx.update(benchmarkSources).set({ candidateKey: link.candidateKey }).where(sourceKey(into.id, link.statementId)).run();
        } else {
          tx.update(benchmarkSources)
            .set({ benchmarkId: into.id, ...reviewed(editorId, "approved", note) })
            .where(sourceKey(draft.id, link.statementId))
            .run();
        }
        moved.push(link.statementId);
      }
      tx.update(benchmarks)
        .set({ ...reviewed(editorId, "merged", `Merged into “${into.title}”.`), mergedIntoId: into.id })
        .where(eq(benchmarks.id, draft.id))
        .run();
      recordAudit(tx, { userId: editorId, action: "benchmark.merge", entity: "benchmark", entityId: draft.id, before: { reviewState: "draft", sources: links }, after: { reviewState: "merged", mergedIntoId: into.id, statementsMoved: moved } });
      return `Merged the draft “${draft.title}” into “${into.title}”: its source now cites the existing benchmark.`;
    },
    { behavior: "immediate" },
  );
}
