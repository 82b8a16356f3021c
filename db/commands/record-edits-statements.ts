import "server-only";
// An editor's corrections of any statement or benchmark, whatever its review state, and the merge of
// one benchmark into another. Each refuses a form opened before another change (assertUnchangedSince)
// and writes one audit entry with what changed (recordEdit). Drafts keep their own path as well
// (db/commands/drafts.ts, "corrected the draft").
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { FieldChange } from "@/lib/record-changes";
import { CodedRefusal } from "@/lib/refusal";
import type { BenchmarkEditInput, BenchmarkMergeInput, StatementEditInput } from "@/lib/validation/records-statements";
import { signatoryLine } from "@/lib/validation/records-statements";
import {
  assessments,
  benchmarks,
  benchmarkSources,
  benchmarkSubjects,
  benchmarkTracks,
  categories,
  editorDecisions,
  publishedEvidence,
  publishedScores,
  rounds,
  statementPublishers,
  statements,
  statementSignatories,
  subjects,
} from "../schema";
import { transaction, type Executor } from "../transaction";
import { resolveTrackSlugs } from "../queries/benchmark-scope";
import { isPublicBenchmark, isPublicStatement } from "../queries/shared";
import { mayApplyFrom } from "../queries/statements";
import { demandLine, demandZhLines, readBenchmarkFields as readBenchmark, readStatementFields as readStatement } from "../queries/record-statements";
import { replaceBenchmarkScope } from "./benchmark-scope";
import { assertUnchangedSince, recordEdit } from "./record-edits";
import { ensureFirstRelease, recordRelease } from "./releases";
import { recordAudit } from "./audit";
import { findOrCreateOrganisation } from "./statements";
import { allRows, conditionFlag, firstRow } from "../dialect";

/** A refusal of an edit or a merge: its sentence's key in the refusal catalogue, the English kept for logs. */
export class RecordEditError extends CodedRefusal {}

export const NOTHING_CHANGED = "Nothing changed.";

/** The full text is never public and can be long: the audit entry names its length and a fingerprint, which still tells two versions apart. */
export function describeFullText(text: string | null): string | null {
  if (!text) return null;
  return `${text.length.toLocaleString("en")} characters · ${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

/** The fields a statement's public page shows: changing one of a public statement is a correction. */
export const STATEMENT_PUBLIC_FIELDS = ["title", "titleZh", "kind", "date", "datePrecision", "language", "sourceUrl", "round", "publishers", "signatories", "summary", "summaryZh"] as const;

async function readStatementFields(tx: Executor, id: number) {
  const fields = await readStatement(tx, id);
  if (!fields) throw new RecordEditError("statementGone", "That statement no longer exists.");
  return fields;
}

async function readBenchmarkFields(tx: Executor, id: number) {
  const read = await readBenchmark(tx, id);
  if (!read) throw new RecordEditError("benchmarkGone", "That benchmark no longer exists.");
  return read;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface EditResult {
  message: string;
  changes: FieldChange[];
}

/**
 * Corrects a statement: its texts, date, round addressed, publishers (organisations, created when
 * new) and signatories. A public statement (approved, not withheld) whose public text changes is
 * "corrected"; its page dates that.
 */
export async function editStatement(db: Executor, input: StatementEditInput, editorId: string): Promise<EditResult> {
  return await transaction(db, async (tx) => {
    const statement = await firstRow(tx.select({ id: statements.id, public: conditionFlag(isPublicStatement) }).from(statements).where(eq(statements.slug, input.slug)).limit(1));
    if (!statement) throw new RecordEditError("statementGone", "That statement no longer exists.");
    const record = { entity: "statement" as const, id: statement.id };
    await assertUnchangedSince(tx, record, input.version);
    const round = input.roundSlug ? await firstRow(tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.roundSlug)).limit(1)) : null;
    if (input.roundSlug && !round) throw new RecordEditError("chooseRoundOrNone", "Choose an existing round, or none.");
    const roundId = round?.id ?? null;
    const before = await readStatementFields(tx, statement.id);
    if (before.date !== input.date || before.round !== input.roundSlug) await assertBenchmarksStillApply(tx, statement.id, { date: input.date, roundId });
    const signatoryLines = input.signatories.map(signatoryLine);
    const after = {
      title: input.title,
      titleZh: input.titleZh,
      kind: input.kind,
      date: input.date,
      datePrecision: input.datePrecision,
      language: input.language,
      sourceUrl: input.sourceUrl,
      round: input.roundSlug,
      publishers: [...input.publishers].sort(byName),
      signatories: signatoryLines,
      summary: input.summary,
      summaryZh: input.summaryZh,
      fullText: describeFullText(input.fullText),
    };
    const auditBefore = { ...before, fullText: describeFullText(before.fullText) };
    const changes = await recordEdit(tx, { userId: editorId, record, before: auditBefore, after, publicFields: STATEMENT_PUBLIC_FIELDS, published: statement.public === 1 });
    if (changes.length === 0) return { message: NOTHING_CHANGED, changes };

    const changed = new Set(changes.map((c) => c.field));
    await tx
      .update(statements)
      .set({ title: input.title, titleZh: input.titleZh, kind: input.kind, date: input.date, datePrecision: input.datePrecision, language: input.language, sourceUrl: input.sourceUrl, roundId, summary: input.summary, summaryZh: input.summaryZh, fullText: input.fullText })
      .where(eq(statements.id, statement.id));
    if (changed.has("publishers")) {
      await tx.delete(statementPublishers).where(eq(statementPublishers.statementId, statement.id));
      for (const name of input.publishers) {
        const organisationId = await findOrCreateOrganisation(tx, name);
        await tx.insert(statementPublishers).values({ statementId: statement.id, organisationId }).onConflictDoNothing();
      }
    }
    if (changed.has("signatories")) {
      await tx.delete(statementSignatories).where(eq(statementSignatories.statementId, statement.id));
      if (input.signatories.length) await tx.insert(statementSignatories).values(input.signatories.map((s, i) => ({ statementId: statement.id, position: i + 1, name: s.name, role: s.role })));
    }
    return { message: `Saved your changes to the statement “${input.title}”.`, changes };
  });
}

/**
 * A benchmark applies from a round no earlier than the first statement that raised it (or the round
 * that statement addresses): a statement's new date or round must leave each of its benchmarks one
 * source that still allows its first round.
 */
async function assertBenchmarksStillApply(tx: Executor, statementId: number, changed: { date: string; roundId: number | null }) {
  const raised = await tx
    .select({ benchmarkId: benchmarks.id, title: benchmarks.title, id: rounds.id, startDate: rounds.startDate })
    .from(benchmarkSources)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(and(eq(benchmarkSources.statementId, statementId), sql`${benchmarks.reviewState} in ('draft', 'approved')`));
  const early: string[] = [];
  for (const b of raised) {
    const others = await tx
      .select({ date: statements.date, roundId: statements.roundId })
      .from(benchmarkSources)
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(and(eq(benchmarkSources.benchmarkId, b.benchmarkId), sql`${benchmarkSources.statementId} <> ${statementId}`, sql`${benchmarkSources.reviewState} <> 'rejected'`));
    if (![changed, ...others].some((s) => mayApplyFrom(s, b))) early.push(`“${b.title}”`);
  }
  if (early.length) throw new RecordEditError("appliesTooEarly", `The benchmark ${early.join(", ")} raised by this statement would then apply from a round before any statement that raised it: change that benchmark's round first.`, { slugs: early.join(", ") });
}

/** The fields a benchmark's public page shows. */
export const BENCHMARK_PUBLIC_FIELDS = ["title", "titleZh", "category", "addressee", "appliesFrom", "scope", "subjects", "demands", "demandsZh"] as const;

async function isPublic(tx: Executor, benchmarkId: number): Promise<boolean> {
  return !!(await firstRow(tx.select({ id: benchmarks.id }).from(benchmarks).where(and(eq(benchmarks.id, benchmarkId), isPublicBenchmark)).limit(1)));
}

/**
 * Corrects a benchmark: title, category, addressee, applies-from round, scope, people and laws, and
 * each source's restated demand. A public benchmark (approved, not confidential, about no confidential
 * person or law, from a published round) whose public text changes is "corrected"; its page dates
 * that. Linking a confidential person hides the benchmark, as everywhere (db/queries/shared.ts).
 */
export async function editBenchmark(db: Executor, input: BenchmarkEditInput, editorId: string): Promise<EditResult & { hidden: boolean; hiddenBecause: "confidential" | "unpublished" | null }> {
  return await transaction(db, async (tx) => {
    const benchmark = await firstRow(tx.select({ id: benchmarks.id, reviewState: benchmarks.reviewState }).from(benchmarks).where(eq(benchmarks.slug, input.slug)).limit(1));
    if (!benchmark) throw new RecordEditError("benchmarkGone", "That benchmark no longer exists.");
    if (benchmark.reviewState === "merged") throw new RecordEditError("benchmarkMerged", "This benchmark was merged into another: edit the one it was merged into.");
    const record = { entity: "benchmark" as const, id: benchmark.id };
    await assertUnchangedSince(tx, record, input.version);
    const category = await firstRow(tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.categorySlug)).limit(1));
    if (!category) throw new RecordEditError("chooseCategory", "Choose an existing category.");
    const round = await firstRow(tx.select({ id: rounds.id, startDate: rounds.startDate }).from(rounds).where(eq(rounds.slug, input.appliesFromRoundSlug)).limit(1));
    if (!round) throw new RecordEditError("chooseAppliesFrom", "Choose an existing round for it to apply from.");
    const scope = await resolveTrackSlugs(tx, input.scopeTrackSlugs);
    if (scope.unknown.length) throw new RecordEditError("trackGone", "One of the tracks ticked no longer exists.");
    const wantedSubjects = [...new Set(input.subjectSlugs)];
    const subjectRows = wantedSubjects.length ? await tx.select({ id: subjects.id, slug: subjects.slug, confidential: subjects.confidential }).from(subjects).where(inArray(subjects.slug, wantedSubjects)) : [];
    if (subjectRows.length !== wantedSubjects.length) throw new RecordEditError("subjectGone", "One of the people or laws no longer exists.");

    const { fields: before, sources } = await readBenchmarkFields(tx, benchmark.id);
    const bySlug = new Map(sources.map((s) => [s.statementSlug, s]));
    const newDemands = new Map(sources.map((s) => [s.statementSlug, s.demand]));
    const newDemandsZh = new Map(sources.map((s) => [s.statementSlug, s.demandZh]));
    for (const d of input.demands) {
      if (!bySlug.has(d.statementSlug)) throw new RecordEditError("sourceGone", "Reload the page: one of the statements is no longer a source of this benchmark.");
      newDemands.set(d.statementSlug, d.demand);
      if (d.demandZh !== undefined) newDemandsZh.set(d.statementSlug, d.demandZh);
    }
    if (before.appliesFrom !== input.appliesFromRoundSlug && !sources.some((s) => s.reviewState !== "rejected" && mayApplyFrom(s, round))) {
      throw new RecordEditError("beforeFirstStatement", "A benchmark cannot apply from a round before the first statement that raised it, other than the round that statement addresses.");
    }

    const published = await isPublic(tx, benchmark.id);
    const scopeSlugs = [...new Set(input.scopeTrackSlugs)].sort(byName);
    const after = {
      title: input.title,
      titleZh: input.titleZh,
      category: input.categorySlug,
      addressee: input.addressee,
      appliesFrom: input.appliesFromRoundSlug,
      scope: scopeSlugs,
      subjects: [...wantedSubjects].sort(byName),
      demands: sources.map((s) => demandLine(s.statementSlug, newDemands.get(s.statementSlug)!)),
      demandsZh: demandZhLines(sources.map((s) => ({ statementSlug: s.statementSlug, demandZh: newDemandsZh.get(s.statementSlug) ?? null }))),
    };
    const changes = await recordEdit(tx, { userId: editorId, record, before, after, publicFields: BENCHMARK_PUBLIC_FIELDS, published });
    if (changes.length === 0) return { message: NOTHING_CHANGED, changes, hidden: false, hiddenBecause: null };

    const changed = new Set(changes.map((c) => c.field));
    await tx.update(benchmarks).set({ title: input.title, titleZh: input.titleZh, categoryId: category.id, addressee: input.addressee, appliesFromRoundId: round.id }).where(eq(benchmarks.id, benchmark.id));
    if (changed.has("scope")) await replaceBenchmarkScope(tx, benchmark.id, scope.ids);
    if (changed.has("subjects")) {
      await tx.delete(benchmarkSubjects).where(eq(benchmarkSubjects.benchmarkId, benchmark.id));
      if (subjectRows.length) await tx.insert(benchmarkSubjects).values(subjectRows.map((s) => ({ benchmarkId: benchmark.id, subjectId: s.id })));
    }
    if (changed.has("demands") || changed.has("demandsZh")) {
      for (const s of sources) {
        const demand = newDemands.get(s.statementSlug)!;
        const demandZh = newDemandsZh.get(s.statementSlug) ?? null;
        if (demand !== s.demand || demandZh !== s.demandZh) {
          await tx.update(benchmarkSources).set({ demand, demandZh }).where(and(eq(benchmarkSources.benchmarkId, benchmark.id), eq(benchmarkSources.statementId, s.statementId)));
        }
      }
    }
    const hidden = published && !(await isPublic(tx, benchmark.id));
    const hiddenBecause = hidden ? (subjectRows.some((s) => s.confidential) ? ("confidential" as const) : ("unpublished" as const)) : null;
    const why = hiddenBecause === "confidential" ? " It now names a confidential person or law, so it has left every public page, figure and export." : hiddenBecause ? " It has left the public pages (its round is not published)." : "";
    return { message: `Saved your changes to the benchmark “${input.title}”.${why}`, changes, hidden, hiddenBecause };
  });
}

/** The rounds at which a benchmark has anything scored: an assessment, an editor's decision or a published score. */
async function scoredRounds(tx: Executor, benchmarkId: number): Promise<Set<number>> {
  const rows = await allRows<{ roundId: number }>(tx, sql`
    select ${assessments.roundId} as roundId from ${assessments} where ${assessments.benchmarkId} = ${benchmarkId}
    union select ${editorDecisions.roundId} from ${editorDecisions} where ${editorDecisions.benchmarkId} = ${benchmarkId}
    union select ${publishedScores.roundId} from ${publishedScores} where ${publishedScores.benchmarkId} = ${benchmarkId}`);
  return new Set(rows.map((r) => r.roundId));
}

export interface MergeResult {
  message: string;
  fromTitle: string;
  intoTitle: string;
  sourcesMoved: number;
  intoSlug: string;
  roundsMoved: string[];
  roundsKept: string[];
}

/**
 * Merges an approved benchmark into another (the one kept). Everything of the merged one moves to the
 * kept one: its sources (where both cite one statement the kept link stays, and the merged one's wording
 * is kept in the audit entry), its people and laws, its scope (the union: every track when either had
 * every track), an earlier applies-from round, its confidentiality, and its assessments with their
 * evidence, editors' decisions and published scores at each round where the kept one has none. Where
 * both were scored at one round the merge is refused, listing those rounds, unless the editor chose to
 * keep the kept benchmark's scores there: the merged one's then stay stored on it, in its history.
 * The merged one stays stored as "merged" with a pointer, and its public address redirects.
 */
export async function mergeBenchmarks(db: Executor, input: BenchmarkMergeInput, editorId: string): Promise<MergeResult> {
  return await transaction(db, async (tx) => {
    const columns = { id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, titleZh: benchmarks.titleZh, reviewState: benchmarks.reviewState, confidential: benchmarks.confidential, appliesFromRoundId: benchmarks.appliesFromRoundId };
    const from = await firstRow(tx.select(columns).from(benchmarks).where(eq(benchmarks.slug, input.slug)).limit(1));
    if (!from) throw new RecordEditError("benchmarkGone", "That benchmark no longer exists.");
    await assertUnchangedSince(tx, { entity: "benchmark", id: from.id }, input.version);
    if (from.reviewState !== "approved") {
      const draft = from.reviewState === "draft";
      throw new RecordEditError(
        "notApproved",
        `“${from.title}” is ${draft ? "a draft: merge it from the drafts page" : `${from.reviewState}, not an approved benchmark`}; nothing was changed.`,
        { title: { en: from.title, zh: from.titleZh }, state: draft ? { word: "draftMergeElsewhere" } : { word: "notApprovedState", values: { state: { word: from.reviewState } } } },
      );
    }
    const into = await firstRow(tx.select(columns).from(benchmarks).where(eq(benchmarks.slug, input.intoSlug)).limit(1));
    if (!into || into.id === from.id) throw new RecordEditError("chooseOther", "Choose another benchmark to keep.");
    if (into.reviewState !== "approved") throw new RecordEditError("intoNotApproved", `“${into.title}” is not an approved benchmark: merge into an approved one.`, { title: { en: into.title, zh: into.titleZh } });

    const roundNames = new Map((await tx.select({ id: rounds.id, name: rounds.name, nameZh: rounds.nameZh }).from(rounds)).map((r) => [r.id, r]));
    const [fromRounds, intoRounds] = await Promise.all([scoredRounds(tx, from.id), scoredRounds(tx, into.id)]);
    const both = [...fromRounds].filter((r) => intoRounds.has(r));
    const names = (ids: number[]) => ids.map((id) => roundNames.get(id)?.name ?? String(id));
    const namesZh = (ids: number[]) => ids.map((id) => roundNames.get(id)?.nameZh || roundNames.get(id)?.name || String(id));
    if (both.length && !input.keepTheirs) {
      throw new RecordEditError(
        "bothScored",
        `Both benchmarks were scored at ${names(both).join(", ")}. Nothing was merged. Settle those rounds first, or tick the box to keep “${into.title}”'s scores there (the scores of “${from.title}” at those rounds then stay stored with it, in its history).`,
        { rounds: { en: names(both).join(", "), zh: namesZh(both).join("、") }, into: { en: into.title, zh: into.titleZh }, from: { en: from.title, zh: from.titleZh } },
      );
    }
    const moving = [...fromRounds].filter((r) => !intoRounds.has(r));
    const [fromBefore, intoBefore] = await Promise.all([readBenchmarkFields(tx, from.id), readBenchmarkFields(tx, into.id)]);

    // Scores, round by round: the published score is copied first so its evidence can follow it (their key refers to it).
    if (moving.length) {
      await tx.update(assessments).set({ benchmarkId: into.id }).where(and(eq(assessments.benchmarkId, from.id), inArray(assessments.roundId, moving)));
      await tx.update(editorDecisions).set({ benchmarkId: into.id }).where(and(eq(editorDecisions.benchmarkId, from.id), inArray(editorDecisions.roundId, moving)));
      const scores = await tx.select().from(publishedScores).where(and(eq(publishedScores.benchmarkId, from.id), inArray(publishedScores.roundId, moving)));
      if (scores.length) {
        await tx.insert(publishedScores).values(scores.map((s) => ({ ...s, benchmarkId: into.id })));
        await tx.update(publishedEvidence).set({ benchmarkId: into.id }).where(and(eq(publishedEvidence.benchmarkId, from.id), inArray(publishedEvidence.roundId, moving)));
        await tx.delete(publishedScores).where(and(eq(publishedScores.benchmarkId, from.id), inArray(publishedScores.roundId, moving)));
        // Published scores moved: a release of its own (no titles in its note: one may be withheld later).
        await ensureFirstRelease(tx);
        await recordRelease(tx, { roundIds: [...new Set(scores.map((s) => s.roundId))], firstTime: new Set(), userId: editorId, kind: "other", note: "Two benchmarks that repeated one demand were merged: their published scores are now one benchmark's." });
      }
    }

    // Sources: each statement once on the kept benchmark.
    const keptStatements = new Set(intoBefore.sources.map((s) => s.statementId));
    const sourcesMoved: string[] = [];
    const wordingsDropped: string[] = [];
    for (const link of fromBefore.sources) {
      if (keptStatements.has(link.statementId)) {
        const kept = await firstRow(tx.select({ candidateKey: benchmarkSources.candidateKey }).from(benchmarkSources).where(and(eq(benchmarkSources.benchmarkId, into.id), eq(benchmarkSources.statementId, link.statementId))).limit(1));
        const candidate = (await firstRow(tx.select({ key: benchmarkSources.candidateKey }).from(benchmarkSources).where(and(eq(benchmarkSources.benchmarkId, from.id), eq(benchmarkSources.statementId, link.statementId))).limit(1)))?.key;
        await tx.delete(benchmarkSources).where(and(eq(benchmarkSources.benchmarkId, from.id), eq(benchmarkSources.statementId, link.statementId)));
        if (!kept?.candidateKey && candidate) await tx.update(benchmarkSources).set({ candidateKey: candidate }).where(and(eq(benchmarkSources.benchmarkId, into.id), eq(benchmarkSources.statementId, link.statementId)));
        wordingsDropped.push(demandLine(link.statementSlug, link.demand));
      } else {
        await tx.update(benchmarkSources).set({ benchmarkId: into.id }).where(and(eq(benchmarkSources.benchmarkId, from.id), eq(benchmarkSources.statementId, link.statementId)));
        sourcesMoved.push(link.statementSlug);
      }
    }

    // People and laws: the union (the merged one keeps its links too, for its history).
    const fromSubjects = await tx.select({ subjectId: benchmarkSubjects.subjectId }).from(benchmarkSubjects).where(eq(benchmarkSubjects.benchmarkId, from.id));
    if (fromSubjects.length) await tx.insert(benchmarkSubjects).values(fromSubjects.map((s) => ({ benchmarkId: into.id, subjectId: s.subjectId }))).onConflictDoNothing();

    // Scope: the union of the two; every track when either is assessed at every track.
    const scopeIds = async (id: number) => (await tx.select({ trackId: benchmarkTracks.trackId }).from(benchmarkTracks).where(eq(benchmarkTracks.benchmarkId, id))).map((t) => t.trackId);
    const [fromScope, intoScope] = await Promise.all([scopeIds(from.id), scopeIds(into.id)]);
    await replaceBenchmarkScope(tx, into.id, fromScope.length === 0 || intoScope.length === 0 ? [] : [...fromScope, ...intoScope]);

    // The earlier first round, so that scores moved from before the kept one's first round still count;
    // not an unpublished one, which would hide the kept benchmark.
    const firstRounds = await tx.select({ id: rounds.id, startDate: rounds.startDate, publishedAt: rounds.publishedAt }).from(rounds).where(inArray(rounds.id, [from.appliesFromRoundId, into.appliesFromRoundId]));
    const fromFirst = firstRounds.find((r) => r.id === from.appliesFromRoundId)!;
    const intoFirst = firstRounds.find((r) => r.id === into.appliesFromRoundId)!;
    const appliesFromRoundId = fromFirst.startDate < intoFirst.startDate && (fromFirst.publishedAt || !intoFirst.publishedAt) ? fromFirst.id : intoFirst.id;
    await tx.update(benchmarks).set({ appliesFromRoundId, confidential: into.confidential || from.confidential }).where(eq(benchmarks.id, into.id));

    const now = new Date().toISOString();
    await tx
      .update(benchmarks)
      .set({ reviewState: "merged", mergedIntoId: into.id, reviewedBy: editorId, reviewedAt: now, reviewNote: `Merged into “${into.title}”.` })
      .where(eq(benchmarks.id, from.id));

    const roundsMoved = names(moving);
    const roundsKept = names(both);
    await recordAudit(tx, {
      userId: editorId,
      action: "benchmark.merge-into",
      entity: "benchmark",
      entityId: from.id,
      before: { reviewState: "approved", ...fromBefore.fields },
      after: { reviewState: "merged", mergedInto: into.slug, sourcesMoved, roundsMoved, roundsKeptHere: roundsKept },
    });
    const intoAfter = await readBenchmarkFields(tx, into.id);
    await recordAudit(tx, {
      userId: editorId,
      action: "benchmark.merge-from",
      entity: "benchmark",
      entityId: into.id,
      before: { ...intoBefore.fields, confidential: into.confidential },
      after: { ...intoAfter.fields, confidential: into.confidential || from.confidential, mergedFrom: from.slug, roundsMoved, wordingsDropped },
    });
    const kept = roundsKept.length ? ` At ${roundsKept.join(", ")} the kept benchmark's scores stand; the other's stay stored with it.` : "";
    const moved = roundsMoved.length ? ` Its scores at ${roundsMoved.join(", ")} moved with it.` : "";
    return {
      message: `Merged “${from.title}” into “${into.title}”: ${sourcesMoved.length} source${sourcesMoved.length === 1 ? "" : "s"} moved.${moved}${kept} Its old address now leads to the kept benchmark.`,
      fromTitle: from.title,
      intoTitle: into.title,
      sourcesMoved: sourcesMoved.length,
      intoSlug: into.slug,
      roundsMoved,
      roundsKept,
    };
  });
}
