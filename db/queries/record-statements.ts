import "server-only";
// A statement's and a benchmark's editable fields as stored, whatever their review state, under the
// names the edit form, the audit entry and the history use (lists as arrays). Workspace only: they
// hold confidential names, drafts and unpublished rounds as they are.
import { and, asc, eq, ne } from "drizzle-orm";
import { signatoryLine } from "@/lib/validation/records-statements";
import { benchmarks, benchmarkSources, benchmarkSubjects, benchmarkTracks, categories, organisations, rounds, statementPublishers, statements, statementSignatories, subjects, tracks } from "../schema";
import type { Executor } from "../transaction";
import { isPublicBenchmark, isPublicStatement } from "./shared";
import { conditionFlag, firstRow } from "../dialect";

/** A statement's editable fields, under the names the audit entry and the history use. */
export async function readStatementFields(tx: Executor, id: number) {
  const row = await firstRow(tx
    .select({
      title: statements.title,
      titleZh: statements.titleZh,
      kind: statements.kind,
      date: statements.date,
      datePrecision: statements.datePrecision,
      language: statements.language,
      sourceUrl: statements.sourceUrl,
      round: rounds.slug,
      summary: statements.summary,
      summaryZh: statements.summaryZh,
      fullText: statements.fullText,
    })
    .from(statements)
    .leftJoin(rounds, eq(rounds.id, statements.roundId))
    .where(eq(statements.id, id))
    .limit(1));
  if (!row) return undefined;
  const publishers = (
    await tx
      .select({ name: organisations.name })
      .from(statementPublishers)
      .innerJoin(organisations, eq(organisations.id, statementPublishers.organisationId))
      .where(eq(statementPublishers.statementId, id))
      .orderBy(asc(organisations.name))
  ).map((p) => p.name);
  const signatories = await tx
    .select({ name: statementSignatories.name, role: statementSignatories.role })
    .from(statementSignatories)
    .where(eq(statementSignatories.statementId, id))
    .orderBy(asc(statementSignatories.position));
  return { ...row, publishers, signatories: signatories.map(signatoryLine) };
}


/** One source's restated demand as the audit entry and the history list it. */
export const demandLine = (statementSlug: string, demand: string) => `${statementSlug}: ${demand}`;

/** The Chinese wordings of the demands, one line per source that has one. */
export const demandZhLines = (sources: ReadonlyArray<{ statementSlug: string; demandZh: string | null }>) => sources.filter((s) => s.demandZh).map((s) => demandLine(s.statementSlug, s.demandZh!));

/** A benchmark's editable fields, under the names the audit entry and the history use. */
export async function readBenchmarkFields(tx: Executor, id: number) {
  const row = await firstRow(tx
    .select({ title: benchmarks.title, titleZh: benchmarks.titleZh, category: categories.slug, addressee: benchmarks.addressee, appliesFrom: rounds.slug })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(eq(benchmarks.id, id))
    .limit(1));
  if (!row) return undefined;
  const [scope, linked, sources] = await Promise.all([
    tx.select({ slug: tracks.slug }).from(benchmarkTracks).innerJoin(tracks, eq(tracks.id, benchmarkTracks.trackId)).where(eq(benchmarkTracks.benchmarkId, id)).orderBy(asc(tracks.slug)),
    tx.select({ slug: subjects.slug }).from(benchmarkSubjects).innerJoin(subjects, eq(subjects.id, benchmarkSubjects.subjectId)).where(eq(benchmarkSubjects.benchmarkId, id)).orderBy(asc(subjects.slug)),
    tx
      .select({ statementId: benchmarkSources.statementId, statementSlug: statements.slug, statementTitle: statements.title, demand: benchmarkSources.demand, demandZh: benchmarkSources.demandZh, date: statements.date, roundId: statements.roundId, reviewState: benchmarkSources.reviewState })
      .from(benchmarkSources)
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(eq(benchmarkSources.benchmarkId, id))
      .orderBy(asc(statements.date), asc(statements.id)),
  ]);
  return {
    fields: { ...row, scope: scope.map((t) => t.slug), subjects: linked.map((s) => s.slug), demands: sources.map((s) => demandLine(s.statementSlug, s.demand)), demandsZh: demandZhLines(sources) },
    sources,
  };
}


/** A statement for its workspace page: who may see it and its fields. */
export async function getStatementRecord(db: Executor, slug: string) {
  const row = await firstRow(db
    .select({ id: statements.id, slug: statements.slug, reviewState: statements.reviewState, withheld: statements.withheld, public: conditionFlag(isPublicStatement) })
    .from(statements)
    .where(eq(statements.slug, slug))
    .limit(1));
  if (!row) return undefined;
  return { ...row, public: row.public === 1, fields: (await readStatementFields(db, row.id))! };
}

/** A benchmark for its workspace page: whether the public sees it, where it was merged, and its fields. */
export async function getBenchmarkRecord(db: Executor, slug: string) {
  const row = await firstRow(db
    .select({ id: benchmarks.id, slug: benchmarks.slug, reviewState: benchmarks.reviewState, confidential: benchmarks.confidential, mergedIntoId: benchmarks.mergedIntoId })
    .from(benchmarks)
    .where(eq(benchmarks.slug, slug))
    .limit(1));
  if (!row) return undefined;
  const [read, isPublic, mergedInto] = await Promise.all([
    readBenchmarkFields(db, row.id),
    (await firstRow(db.select({ id: benchmarks.id }).from(benchmarks).where(and(eq(benchmarks.id, row.id), isPublicBenchmark)).limit(1))),
    row.mergedIntoId ? (await firstRow(db.select({ slug: benchmarks.slug, title: benchmarks.title }).from(benchmarks).where(eq(benchmarks.id, row.mergedIntoId)).limit(1))) : undefined,
  ]);
  return { ...row, public: !!isPublic, mergedInto: mergedInto ?? null, ...read! };
}

/** The approved benchmarks another may be merged into, for the merge form. */
export async function listMergeTargets(db: Executor, exceptId: number) {
  return db
    .select({ slug: benchmarks.slug, title: benchmarks.title, titleZh: benchmarks.titleZh })
    .from(benchmarks)
    .where(and(eq(benchmarks.reviewState, "approved"), ne(benchmarks.id, exceptId)))
    .orderBy(asc(benchmarks.title));
}

/**
 * Where a benchmark's old public address leads: the benchmark it was merged into (following merges of
 * merges), when that one is public and the merged one was not confidential, so that a redirect never
 * names or confirms anything hidden. Undefined for anything else.
 */
export async function findMergedBenchmarkTarget(db: Executor, slug: string): Promise<string | undefined> {
  let current = await firstRow(db.select({ mergedIntoId: benchmarks.mergedIntoId, confidential: benchmarks.confidential }).from(benchmarks).where(and(eq(benchmarks.slug, slug), eq(benchmarks.reviewState, "merged"))).limit(1));
  if (!current?.mergedIntoId || current.confidential) return undefined;
  for (let hops = 0; hops < 10 && current?.mergedIntoId; hops++) {
    const next: { slug: string; mergedIntoId: number | null; reviewState: string; confidential: boolean } | undefined = await firstRow(db
      .select({ slug: benchmarks.slug, mergedIntoId: benchmarks.mergedIntoId, reviewState: benchmarks.reviewState, confidential: benchmarks.confidential })
      .from(benchmarks)
      .where(eq(benchmarks.id, current.mergedIntoId))
      .limit(1));
    if (!next || next.confidential) return undefined;
    if (next.reviewState !== "merged") {
      const visible = await firstRow(db.select({ slug: benchmarks.slug }).from(benchmarks).where(and(eq(benchmarks.slug, next.slug), isPublicBenchmark)).limit(1));
      return visible?.slug;
    }
    current = next;
  }
  return undefined;
}

/** Every round, published or not, for the workspace's forms. */
export async function listRoundOptions(db: Executor) {
  return db.select({ slug: rounds.slug, name: rounds.name, nameZh: rounds.nameZh, publishedAt: rounds.publishedAt }).from(rounds).orderBy(asc(rounds.startDate), asc(rounds.id));
}
