import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ContentLang } from "@/lib/domain";
import type { BenchmarkExportRow, ScoreExportRow } from "@/lib/export/rows";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { ALWAYS, groupConcat, isFalse, joinInOrder, firstRow, oneRow, allRows } from "../dialect";
import type { Executor } from "../transaction";
import {
  assessments,
  benchmarkSources,
  benchmarks,
  benchmarkSubjects,
  categories,
  publishedEvidence,
  publishedScores,
  rounds,
  statements,
  subjects,
  tracks,
} from "../schema";
import { benchmarkConditions, resolveFilters, roundConditions, type ResolvedFilters } from "./filters";
import { allOf, hasScore, idsInBenchmarkOrder, idsOfRoundScores, walkBenchmarks, type IdPage } from "./ordered";
import { inScopeOf, listScopeTracks, outOfScopeSelect } from "./benchmark-scope";
import { getPublicRedactor } from "./public-text";
import { hiddenBenchmarkSelect, isPublicSource } from "./shared";

export type { BenchmarkExportRow, ScoreExportRow } from "@/lib/export/rows";

// Lists inside one cell, joined with a separator that never occurs in the data.
const SEPARATOR = " | ";

// In publication order: the subquery's order is the order group_concat reads.
const evidenceList = sql<string>`coalesce((select ${groupConcat(sql`pe_title || ' <' || pe_url || '>'`, SEPARATOR)} from (select pe.title as pe_title, pe.url as pe_url from ${publishedEvidence} pe where pe.benchmark_id = ${publishedScores.benchmarkId} and pe.round_id = ${publishedScores.roundId} order by pe.position) as ordered_evidence), '')`;
const sourceListOf = (title: SQL) =>
  sql<string>`coalesce((select ${groupConcat(title, SEPARATOR)} from ${benchmarkSources} join ${statements} on ${statements.id} = ${benchmarkSources.statementId} where ${benchmarkSources.benchmarkId} = ${benchmarks.id} and ${isPublicSource}), '')`;
const sourceList = sourceListOf(sql`${statements.title}`);
/** In Chinese: each statement's Chinese title where it has one; only read for an export asked for in Chinese. */
const sourceListZh = (lang: ContentLang) => (lang === "zh" ? sourceListOf(sql`coalesce(nullif(${statements.titleZh}, ''), ${statements.title})`) : sql<string | null>`null`);
const subjectList = (kind: "person" | "law") =>
  sql<string>`coalesce((select ${groupConcat(sql`${subjects.name} || coalesce(' (' || ${subjects.nameZh} || ')', '')`, SEPARATOR)} from ${benchmarkSubjects} join ${subjects} on ${subjects.id} = ${benchmarkSubjects.subjectId} where ${benchmarkSubjects.benchmarkId} = ${benchmarks.id} and ${isFalse(subjects.confidential)} and ${kind === "person" ? sql`${subjects.kind} = 'person'` : sql`${subjects.kind} <> 'person'`}), '')`;

export interface ExportContext {
  resolved: ResolvedFilters;
  dataVersion: string | null;
  /** The language asked for: in Chinese, the rows carry the Chinese lists too. */
  lang: ContentLang;
}

export async function getExportContext(db: Executor, filters: DashboardFilters, lang: ContentLang = "en"): Promise<ExportContext> {
  const resolved = await resolveFilters(db, filters);
  const row = await firstRow(db.select({ latest: sql<string | null>`max(${rounds.publishedAt})` }).from(rounds).where(roundConditions(resolved)).limit(1));
  return { resolved, dataVersion: row?.latest ?? null, lang };
}

const scoreSelection = (lang: ContentLang) => ({
  roundSlug: rounds.slug,
  roundName: rounds.name,
  roundNameZh: rounds.nameZh,
  roundStart: rounds.startDate,
  track: tracks.name,
  trackZh: tracks.nameZh,
  benchmarkSlug: benchmarks.slug,
  benchmarkTitle: benchmarks.title,
  benchmarkTitleZh: benchmarks.titleZh,
  category: categories.name,
  categoryZh: categories.nameZh,
  addressee: benchmarks.addressee,
  status: publishedScores.status,
  basis: publishedScores.basis,
  rationale: assessments.rationale,
  rationaleLang: assessments.rationaleLang,
  publicRecord: assessments.publicRecord,
  evidence: evidenceList,
  sources: sourceList,
  sourcesZh: sourceListZh(lang),
  people: subjectList("person"),
  laws: subjectList("law"),
  demo: publishedScores.isDemo,
  publishedAt: sql<string>`${rounds.publishedAt}`,
});

interface RoundInView {
  id: number;
  startDate: string;
  trackId: number;
}

async function listRoundsInView(db: Executor, context: ExportContext): Promise<RoundInView[]> {
  return db
    .select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId })
    .from(rounds)
    .where(roundConditions(context.resolved))
    .orderBy(asc(rounds.startDate), asc(rounds.id));
}

/** True when the filters name benchmarks (category, addressee, statement, person or law). */
function hasBenchmarkFilter(context: ExportContext): boolean {
  const r = context.resolved;
  return r.categoryId !== undefined || r.filters.addressee !== undefined || r.statementId !== undefined || r.subjectId !== undefined;
}

// Rows are fetched by id in batches of this size once their order is known.
const DETAIL_BATCH = 500;

/** Whole export rows for some scores of one round, in the order of the benchmark ids given. */
async function scoreRowsOf(db: Executor, round: RoundInView, ids: number[], lang: ContentLang): Promise<ScoreExportRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ ...scoreSelection(lang), benchmarkId: benchmarks.id })
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .innerJoin(benchmarks, eq(benchmarks.id, publishedScores.benchmarkId))
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
    .where(and(eq(publishedScores.roundId, round.id), inArray(publishedScores.benchmarkId, ids)));
  const redactor = await getPublicRedactor(db);
  // Evidence is "title <url>" text here: a name in an address is withheld in place, like any other.
  const byId = new Map<number, ScoreExportRow>(
    rows.map(({ benchmarkId, ...row }) => [benchmarkId, { ...redactor.repeatedFields(redactor.fields(row, ["rationale", "evidence"]), ["benchmarkTitle", "benchmarkTitleZh", "sources", "sourcesZh", "people", "laws"]), demo: Boolean(row.demo), publicRecord: Boolean(row.publicRecord) }]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Ids of the benchmarks with a public score at the round, in category/title order, a page of them:
 * walking benchmarks in index order for early pages, sorting the round's scores for late ones.
 * Only benchmarks that apply from this round or earlier can have a score in it; one whose scope
 * leaves the round's track out has none that counts.
 */
async function scoredIdsOfRound(db: Executor, context: ExportContext, round: RoundInView, inRound: number, page: IdPage): Promise<number[]> {
  const filters = allOf(benchmarkConditions(db, context.resolved), inScopeOf(round.trackId));
  if (walkBenchmarks(page, inRound, inRound)) {
    const appliesBy = sql`${benchmarks.appliesFromRoundId} in (select ${rounds.id} from ${rounds} where ${rounds.startDate} <= ${round.startDate})`;
    return idsInBenchmarkOrder(db, allOf(appliesBy, filters, hasScore(round.id)), "category", page);
  }
  return idsOfRoundScores(db, round.id, undefined, filters, "category", page);
}

/**
 * Every published score in view, one row per benchmark × round, round by round in category/title
 * order. Only a round's ids are held at once; rows are read a batch at a time as the client takes
 * them, so an export of millions of scores streams at constant memory. An async generator: each
 * batch is one awaited query, and the stream asks for the next only when the client has read the
 * last. Run it on its own read connection (openReadConnection), which the route closes at the end.
 */
export async function* iterateScoreRows(db: Executor, context: ExportContext): AsyncGenerator<ScoreExportRow> {
  const roundsInView = await listRoundsInView(db, context);
  const perRound = await countScoresPerRound(db, context, roundsInView);
  for (const round of roundsInView) {
    const n = await perRound.of(round);
    if (n === 0) continue;
    const ids = await scoredIdsOfRound(db, context, round, n, { limit: n, offset: 0 });
    for (let i = 0; i < ids.length; i += DETAIL_BATCH) yield* await scoreRowsOf(db, round, ids.slice(i, i + DETAIL_BATCH), context.lang);
  }
}

/**
 * How many public scores each round in view holds. Without benchmark filters: each round's count
 * from the index on published_scores, less the scores of the few hidden benchmarks and of those
 * whose scope leaves the round's track out; with them, counted from the benchmarks the filters
 * name. A round is counted when first asked for.
 */
interface RoundCounts {
  of(round: RoundInView): Promise<number>;
  /** Scores of hidden benchmarks in the rounds in view, when counted without benchmark filters. */
  hidden?: number;
}

async function countScoresPerRound(db: Executor, context: ExportContext, roundsInView: RoundInView[]): Promise<RoundCounts> {
  if (roundsInView.length === 0) return { of: async () => 0 };
  if (hasBenchmarkFilter(context)) {
    const counts = await countFilteredScoresPerRound(db, context, roundsInView);
    return { of: async (round) => counts.get(round.id) ?? 0 };
  }
  const hidden = await countHiddenScoresPerRound(db, roundsInView);
  const cache = new Map<number, number>();
  return {
    of: async (round) => {
      if (!cache.has(round.id)) {
        const n = (await oneRow<{ n: number }>(db, sql`select count(*) as n from ${publishedScores} where ${publishedScores.roundId} = ${round.id}`))?.n ?? 0;
        cache.set(round.id, n - (hidden.get(round.id) ?? 0));
      }
      return cache.get(round.id)!;
    },
    hidden: [...hidden.values()].reduce((a, b) => a + b, 0),
  };
}

/** With benchmark filters: each round's public scores counted from the benchmarks the filters name, within their scope. */
async function countFilteredScoresPerRound(db: Executor, context: ExportContext, roundsInView: RoundInView[]): Promise<Map<number, number>> {
  const rows = await allRows<{ roundId: number; n: number }>(db, sql`select ${publishedScores.roundId} as roundId, count(*) as n from ${benchmarks} ${joinInOrder(publishedScores, sql`${publishedScores.benchmarkId} = ${benchmarks.id}`)}
        where ${benchmarkConditions(db, context.resolved)} and ${inArray(
          publishedScores.roundId,
          roundsInView.map((r) => r.id),
        )}
          and ${inScopeOf(sql`(select r.track_id from ${rounds} r where r.id = ${publishedScores.roundId})`)} group by 1`);
  return new Map(rows.map((r) => [r.roundId, r.n]));
}

/** Track by track: the scores a track's rounds leave out, of the hidden benchmarks and of those scoped elsewhere. */
async function countHiddenScoresPerRound(db: Executor, roundsInView: RoundInView[]): Promise<Map<number, number>> {
  const perTrack = await Promise.all(
    [...new Set(roundsInView.map((r) => r.trackId))].map(async (trackId) =>
      (await allRows<{ roundId: number; n: number }>(db, sql`select ${publishedScores.roundId} as roundId, count(*) as n
            from (select id from (${hiddenBenchmarkSelect}) as hidden_here union select benchmark_id from (${outOfScopeSelect(trackId)}) as scoped_elsewhere) hidden
            ${joinInOrder(publishedScores, sql`${publishedScores.benchmarkId} = hidden.id`)}
            where ${inArray(
              publishedScores.roundId,
              roundsInView.filter((r) => r.trackId === trackId).map((r) => r.id),
            )} group by 1`)),
    ),
  );
  return new Map(perTrack.flat().map((r) => [r.roundId, r.n] as const));
}

/** All public scores in view: without benchmark filters, the table's own count less what is out of view or hidden. */
async function countScores(db: Executor, context: ExportContext, roundsInView: RoundInView[], perRound: RoundCounts): Promise<number> {
  const sum = async () => (await Promise.all(roundsInView.map((r) => perRound.of(r)))).reduce((total, n) => total + n, 0);
  if (perRound.hidden === undefined) return sum();
  const outOfView = (
    await db
      .select({ id: rounds.id })
      .from(rounds)
      .where(sql`not (${roundConditions(context.resolved)})`)
  ).map((r) => r.id);
  if (outOfView.length >= roundsInView.length) return sum();
  // SQLite counts a whole table far faster than it counts the entries of a range.
  const all = (await oneRow<{ n: number }>(db, sql`select count(*) as n from ${publishedScores}`))?.n ?? 0;
  const out = outOfView.length ? ((await oneRow<{ n: number }>(db, sql`select count(*) as n from ${publishedScores} where ${inArray(publishedScores.roundId, outOfView)}`))?.n ?? 0) : 0;
  return all - out - perRound.hidden;
}

/** How many score rows an export of the view holds, from index counts (see countScores). */
export async function countScoreRows(db: Executor, context: ExportContext): Promise<number> {
  const roundsInView = await listRoundsInView(db, context);
  return countScores(db, context, roundsInView, await countScoresPerRound(db, context, roundsInView));
}

/**
 * One page of the same rows, for the read API, with the total. The rounds the page spans are found
 * from per-round counts; within a round, its ids are read in order from the page's offset.
 */
export async function listScoreRows(db: Executor, context: ExportContext, page: { limit: number; offset: number }): Promise<{ rows: ScoreExportRow[]; total: number }> {
  const roundsInView = await listRoundsInView(db, context);
  const perRound = await countScoresPerRound(db, context, roundsInView);
  const rows: ScoreExportRow[] = [];
  let start = 0;
  for (const round of roundsInView) {
    if (rows.length >= page.limit) break;
    const size = await perRound.of(round);
    const from = page.offset + rows.length - start;
    start += size;
    if (from >= size) continue;
    rows.push(...(await scoreRowsOf(db, round, await scoredIdsOfRound(db, context, round, size, { limit: page.limit - rows.length, offset: from }), context.lang)));
  }
  return { rows, total: await countScores(db, context, roundsInView, perRound) };
}

const benchmarkSelection = (lang: ContentLang) => ({
  slug: benchmarks.slug,
  title: benchmarks.title,
  titleZh: benchmarks.titleZh,
  category: categories.name,
  categoryZh: categories.nameZh,
  addressee: benchmarks.addressee,
  appliesFrom: rounds.name,
  appliesFromZh: rounds.nameZh,
  retiredOn: benchmarks.retiredOn,
  retiredReason: benchmarks.retiredReason,
  sources: sourceList,
  sourcesZh: sourceListZh(lang),
  people: subjectList("person"),
  laws: subjectList("law"),
});

/**
 * Every public benchmark in view in category/title order, read a batch at a time so the export
 * streams (an async generator on its own read connection, as iterateScoreRows). Only the ids are
 * held whole: one number per benchmark.
 */
export async function* iterateBenchmarkRows(db: Executor, context: ExportContext): AsyncGenerator<BenchmarkExportRow> {
  const ids = await idsInBenchmarkOrder(db, benchmarkConditions(db, context.resolved) ?? ALWAYS, "category");
  for (let i = 0; i < ids.length; i += DETAIL_BATCH) yield* await benchmarkRowsOf(db, ids.slice(i, i + DETAIL_BATCH), context.lang);
}

/** Whole export rows for some benchmarks, in the order of the ids given. */
async function benchmarkRowsOf(db: Executor, ids: number[], lang: ContentLang): Promise<BenchmarkExportRow[]> {
  const rows = await db
    .select({ ...benchmarkSelection(lang), id: benchmarks.id })
    .from(benchmarks)
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
    .where(inArray(benchmarks.id, ids));
  // listScopeTracks (benchmark-scope.ts, another area's) is still synchronous.
  const scopes = await listScopeTracks(db, ids);
  const redactor = await getPublicRedactor(db);
  const byId = new Map(rows.map(({ id, ...row }) => [id, {
        ...redactor.fields(row, ["title", "titleZh", "retiredReason", "sources", "sourcesZh", "people", "laws"]),
        assessedAt: (scopes.get(id) ?? []).map((t) => t.name),
        assessedAtZh: (scopes.get(id) ?? []).map((t) => t.nameZh || t.name),
      }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
