import "server-only";
// An editor's decisions on what reviewers added: approve, edit, merge or reject a draft statement,
// benchmark or source link. Nothing is deleted: a rejected or merged row stays stored with the
// editor's note, which the reviewer who added it reads.
import { and, eq, ne, sql } from "drizzle-orm";
import { CodedRefusal, type RefusalCode, type RefusalParam } from "@/lib/refusal";
import type { Addressee, ReviewState } from "@/lib/domain";
import { benchmarks, benchmarkSources, categories, rounds, statements } from "../schema";
import { transaction, type Executor } from "../transaction";
import { recordAudit } from "./audit";
import type { DraftStatement } from "../queries/drafts";
import { mayApplyFrom } from "../queries/statements";
import { firstRow } from "../dialect";

/** A decision on a draft refused, said in English and matched by its sentence (catalogue draftAnswer). */
export class DraftError extends CodedRefusal<"draftAnswer"> {
  constructor(code: RefusalCode<"draftAnswer">, message: string, params: Record<string, RefusalParam> = {}) {
    super(code, message, params, "draftAnswer");
  }
}

/** A draft to act on: "statement:<slug>", "benchmark:<slug>" or "source:<benchmark slug>@<statement slug>". */
export type DraftTarget = { kind: "statement"; slug: string } | { kind: "benchmark"; slug: string } | { kind: "source"; benchmarkSlug: string; statementSlug: string };

const reviewed = (editorId: string, reviewState: ReviewState, reviewNote: string | null = null) => ({ reviewState, reviewedBy: editorId, reviewedAt: new Date().toISOString(), reviewNote });

async function draftStatement(tx: Executor, slug: string) {
  const row = await firstRow(tx.select({ id: statements.id, title: statements.title, reviewState: statements.reviewState }).from(statements).where(eq(statements.slug, slug)).limit(1));
  if (!row) throw new DraftError("statementGone", "That statement no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError("noLongerDraft", `“${row.title}” is no longer a draft (${row.reviewState}); nothing was changed.`, { title: row.title, state: { word: row.reviewState } });
  return row;
}

async function draftBenchmark(tx: Executor, slug: string) {
  const row = await firstRow(tx.select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState }).from(benchmarks).where(eq(benchmarks.slug, slug)).limit(1));
  if (!row) throw new DraftError("benchmarkGone", "That benchmark no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError("noLongerDraft", `“${row.title}” is no longer a draft (${row.reviewState}); nothing was changed.`, { title: row.title, state: { word: row.reviewState } });
  return row;
}

async function draftSource(tx: Executor, benchmarkSlug: string, statementSlug: string) {
  const row = await firstRow(tx
    .select({ benchmarkId: benchmarkSources.benchmarkId, statementId: benchmarkSources.statementId, reviewState: benchmarkSources.reviewState, benchmarkState: benchmarks.reviewState })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
    .where(and(eq(benchmarks.slug, benchmarkSlug), eq(statements.slug, statementSlug)))
    .limit(1));
  if (!row) throw new DraftError("sourceGone", "That source no longer exists.");
  if (row.reviewState !== "draft") throw new DraftError("sourceNoLongerDraft", `That source is no longer a draft (${row.reviewState}); nothing was changed.`, { state: { word: row.reviewState } });
  return row;
}

const sourceKey = (benchmarkId: number, statementId: number) => and(eq(benchmarkSources.benchmarkId, benchmarkId), eq(benchmarkSources.statementId, statementId));

/**
 * Approves a draft. A statement alone: its draft benchmarks stay drafts. A benchmark with its draft
 * source links and their draft statements, so that no approved benchmark is public without the
 * statement that raised it. A source link alone (it shows once its statement is approved too).
 */
export async function approveDraft(db: Executor, target: DraftTarget, editorId: string): Promise<string> {
  return await transaction(
    db,
    async (tx) => {
      const approved = reviewed(editorId, "approved");
      if (target.kind === "statement") {
        const statement = await draftStatement(tx, target.slug);
        await tx.update(statements).set(approved).where(eq(statements.id, statement.id));
        await recordAudit(tx, { userId: editorId, action: "statement.approve", entity: "statement", entityId: statement.id, before: { reviewState: "draft" }, after: { reviewState: "approved" } });
        return `Approved the statement “${statement.title}”: it is public now.`;
      }
      if (target.kind === "source") {
        const source = await draftSource(tx, target.benchmarkSlug, target.statementSlug);
        await tx.update(benchmarkSources).set(approved).where(sourceKey(source.benchmarkId, source.statementId));
        await recordAudit(tx, { userId: editorId, action: "benchmark_source.approve", entity: "benchmark", entityId: source.benchmarkId, before: { statementId: source.statementId, reviewState: "draft" }, after: { reviewState: "approved" } });
        return "Approved the source.";
      }
      const benchmark = await draftBenchmark(tx, target.slug);
      const links = await tx
        .select({ statementId: benchmarkSources.statementId, linkState: benchmarkSources.reviewState, statementState: statements.reviewState, statementTitle: statements.title })
        .from(benchmarkSources)
        .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
        .where(eq(benchmarkSources.benchmarkId, benchmark.id));
      const usable = links.filter((l) => l.linkState !== "rejected" && l.statementState !== "rejected");
      if (usable.length === 0) throw new DraftError("noSource", `“${benchmark.title}” has no source that is not rejected: reject it or merge it instead.`, { title: benchmark.title });
      const statementsApproved: string[] = [];
      for (const link of usable) {
        if (link.statementState === "draft") {
          await tx.update(statements).set(approved).where(eq(statements.id, link.statementId));
          await recordAudit(tx, { userId: editorId, action: "statement.approve", entity: "statement", entityId: link.statementId, before: { reviewState: "draft" }, after: { reviewState: "approved", with: `benchmark ${target.slug}` } });
          statementsApproved.push(link.statementTitle);
        }
        if (link.linkState === "draft") await tx.update(benchmarkSources).set(approved).where(sourceKey(benchmark.id, link.statementId));
      }
      await tx.update(benchmarks).set(approved).where(eq(benchmarks.id, benchmark.id));
      await recordAudit(tx, { userId: editorId, action: "benchmark.approve", entity: "benchmark", entityId: benchmark.id, before: { reviewState: "draft" }, after: { reviewState: "approved", statementsApproved } });
      const also = statementsApproved.length ? `, with its statement ${statementsApproved.map((t) => `“${t}”`).join(", ")}` : "";
      return `Approved the benchmark “${benchmark.title}”${also}: it is public and in the scoring queue now.`;
    },
  );
}

/**
 * Rejects a draft with a reason the reviewer will read. Rejecting a statement also rejects its draft
 * source links and the draft benchmarks that no other live statement raised.
 */
export async function rejectDraft(db: Executor, target: DraftTarget, reason: string, editorId: string): Promise<string> {
  return await transaction(
    db,
    async (tx) => {
      const rejected = reviewed(editorId, "rejected", reason);
      if (target.kind === "source") {
        const source = await draftSource(tx, target.benchmarkSlug, target.statementSlug);
        await tx.update(benchmarkSources).set(rejected).where(sourceKey(source.benchmarkId, source.statementId));
        await recordAudit(tx, { userId: editorId, action: "benchmark_source.reject", entity: "benchmark", entityId: source.benchmarkId, before: { statementId: source.statementId, reviewState: "draft" }, after: { reviewState: "rejected", reason } });
        return "Rejected the source; the reviewer sees your reason.";
      }
      if (target.kind === "benchmark") {
        const benchmark = await draftBenchmark(tx, target.slug);
        await tx.update(benchmarks).set(rejected).where(eq(benchmarks.id, benchmark.id));
        await recordAudit(tx, { userId: editorId, action: "benchmark.reject", entity: "benchmark", entityId: benchmark.id, before: { reviewState: "draft" }, after: { reviewState: "rejected", reason } });
        return `Rejected the benchmark “${benchmark.title}”; the reviewer sees your reason.`;
      }
      const statement = await draftStatement(tx, target.slug);
      await tx.update(statements).set(rejected).where(eq(statements.id, statement.id));
      const links = await tx
        .select({ benchmarkId: benchmarkSources.benchmarkId, linkState: benchmarkSources.reviewState, benchmarkState: benchmarks.reviewState })
        .from(benchmarkSources)
        .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
        .where(eq(benchmarkSources.statementId, statement.id));
      const withStatement = reviewed(editorId, "rejected", `Its statement was rejected: ${reason}`);
      const benchmarksRejected: number[] = [];
      for (const link of links) {
        if (link.linkState === "draft") await tx.update(benchmarkSources).set(withStatement).where(sourceKey(link.benchmarkId, statement.id));
        if (link.benchmarkState !== "draft") continue;
        const otherLiveSource = await firstRow(tx
          .select({ one: sql`1` })
          .from(benchmarkSources)
          .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
          .where(and(eq(benchmarkSources.benchmarkId, link.benchmarkId), ne(benchmarkSources.statementId, statement.id), ne(statements.reviewState, "rejected")))
          .limit(1));
        if (otherLiveSource) continue;
        await tx.update(benchmarks).set(withStatement).where(eq(benchmarks.id, link.benchmarkId));
        benchmarksRejected.push(link.benchmarkId);
      }
      await recordAudit(tx, { userId: editorId, action: "statement.reject", entity: "statement", entityId: statement.id, before: { reviewState: "draft" }, after: { reviewState: "rejected", reason, benchmarksRejected } });
      const also = benchmarksRejected.length ? ` and ${benchmarksRejected.length} draft benchmark${benchmarksRejected.length === 1 ? "" : "s"} raised only by it` : "";
      return `Rejected the statement “${statement.title}”${also}; the reviewer sees your reason.`;
    },
  );
}

/** The fields of a draft statement an editor may correct before approving it. */
export type DraftStatementEdit = Pick<DraftStatement, "slug" | "title" | "kind" | "date" | "datePrecision" | "language" | "sourceUrl" | "summary">;

/** An editor corrects a draft statement before approving it; the row before and after go to the audit log. */
export async function editDraftStatement(db: Executor, input: DraftStatementEdit, editorId: string): Promise<string> {
  return await transaction(
    db,
    async (tx) => {
      const statement = await draftStatement(tx, input.slug);
      const { slug: _slug, ...values } = input;
      const before = await firstRow(tx
        .select({ title: statements.title, kind: statements.kind, date: statements.date, datePrecision: statements.datePrecision, language: statements.language, sourceUrl: statements.sourceUrl, summary: statements.summary })
        .from(statements)
        .where(eq(statements.id, statement.id))
        .limit(1));
      const benchmarkRounds = await tx
        .select({ id: rounds.id, startDate: rounds.startDate, roundId: statements.roundId })
        .from(benchmarkSources)
        .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
        .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
        .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
        .where(eq(benchmarkSources.statementId, statement.id));
      if (benchmarkRounds.some((r) => !mayApplyFrom({ date: input.date, roundId: r.roundId }, r))) {
        throw new DraftError("tooEarly", "A benchmark this statement raised would then apply from a round before it: change that benchmark's round first.");
      }
      await tx.update(statements).set(values).where(eq(statements.id, statement.id));
      await recordAudit(tx, { userId: editorId, action: "statement.edit", entity: "statement", entityId: statement.id, before, after: values });
      return `Saved your changes to the draft statement “${input.title}”.`;
    },
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
export async function editDraftBenchmark(db: Executor, input: DraftBenchmarkEdit, editorId: string): Promise<string> {
  return await transaction(
    db,
    async (tx) => {
      const benchmark = await draftBenchmark(tx, input.slug);
      const category = await firstRow(tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).limit(1));
      const round = await firstRow(tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).limit(1));
      const statement = await firstRow(tx.select({ id: statements.id, date: statements.date, roundId: statements.roundId }).from(statements).where(eq(statements.slug, input.statementSlug)).limit(1));
      const link = statement ? await firstRow(tx.select({ demand: benchmarkSources.demand }).from(benchmarkSources).where(sourceKey(benchmark.id, statement.id)).limit(1)) : undefined;
      if (!category || !round || !statement || !link) throw new DraftError("referencesGone", "The category, round or source statement no longer exists.");
      if (!mayApplyFrom(statement, round)) throw new DraftError("beforeStatement", "A benchmark cannot apply from a round before the statement that raised it, other than the round it addresses.");
      const before = await firstRow(tx
        .select({ title: benchmarks.title, categoryId: benchmarks.categoryId, addressee: benchmarks.addressee, appliesFromRoundId: benchmarks.appliesFromRoundId })
        .from(benchmarks)
        .where(eq(benchmarks.id, benchmark.id))
        .limit(1));
      const values = { title: input.title, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id };
      await tx.update(benchmarks).set(values).where(eq(benchmarks.id, benchmark.id));
      await tx.update(benchmarkSources).set({ demand: input.demand }).where(sourceKey(benchmark.id, statement.id));
      await recordAudit(tx, { userId: editorId, action: "benchmark.edit", entity: "benchmark", entityId: benchmark.id, before: { ...before, demand: link.demand }, after: { ...values, demand: input.demand } });
      return `Saved your changes to the draft benchmark “${input.title}”.`;
    },
  );
}

/**
 * Merges a draft benchmark into the existing one it repeats: its source links move there (approved:
 * the editor has checked them; each shows once its statement is approved), with the candidate they
 * were confirmed from, and the draft stays stored as "merged" with a pointer. The draft's people and
 * laws do not move: adding one to a public benchmark could hide it (a confidential person) or change
 * what it claims.
 */
export async function mergeDraftBenchmark(db: Executor, input: { slug: string; intoSlug: string }, editorId: string): Promise<string> {
  return await transaction(
    db,
    async (tx) => {
      const draft = await draftBenchmark(tx, input.slug);
      const into = await firstRow(tx.select({ id: benchmarks.id, title: benchmarks.title, reviewState: benchmarks.reviewState }).from(benchmarks).where(eq(benchmarks.slug, input.intoSlug)).limit(1));
      if (!into || into.id === draft.id) throw new DraftError("chooseExisting", "Choose the existing benchmark the draft repeats.");
      if (into.reviewState !== "approved") throw new DraftError("notApproved", `“${into.title}” is not an approved benchmark: merge into an approved one.`, { title: into.title });
      const links = await tx
        .select({ statementId: benchmarkSources.statementId, demand: benchmarkSources.demand, candidateKey: benchmarkSources.candidateKey, reviewState: benchmarkSources.reviewState })
        .from(benchmarkSources)
        .where(eq(benchmarkSources.benchmarkId, draft.id));
      const note = `Merged by an editor from the draft “${draft.title}”.`;
      const moved: number[] = [];
      for (const link of links) {
        if (link.reviewState === "rejected") continue;
        const existing = await firstRow(tx.select({ candidateKey: benchmarkSources.candidateKey }).from(benchmarkSources).where(sourceKey(into.id, link.statementId)).limit(1));
        if (existing) {
          // The statement already cites the existing benchmark: that link stays and takes the candidate
          // key (unique per statement, so the draft's link goes first).
          await tx.delete(benchmarkSources).where(sourceKey(draft.id, link.statementId));
          if (!existing.candidateKey && link.candidateKey) await tx.update(benchmarkSources).set({ candidateKey: link.candidateKey }).where(sourceKey(into.id, link.statementId));
        } else {
          await tx
            .update(benchmarkSources)
            .set({ benchmarkId: into.id, ...reviewed(editorId, "approved", note) })
            .where(sourceKey(draft.id, link.statementId));
        }
        moved.push(link.statementId);
      }
      await tx
        .update(benchmarks)
        .set({ ...reviewed(editorId, "merged", `Merged into “${into.title}”.`), mergedIntoId: into.id })
        .where(eq(benchmarks.id, draft.id));
      await recordAudit(tx, { userId: editorId, action: "benchmark.merge", entity: "benchmark", entityId: draft.id, before: { reviewState: "draft", sources: links }, after: { reviewState: "merged", mergedIntoId: into.id, statementsMoved: moved } });
      return `Merged the draft “${draft.title}” into “${into.title}”: its source now cites the existing benchmark.`;
    },
  );
}
