import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { BenchmarkExportRow, ScoreExportRow } from "@/lib/export/rows";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
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
const evidenceList = sql<string>`coalesce((select group_concat(pe_title || ' <' || pe_url || '>', ${SEPARATOR}) from (select pe.title as pe_title, pe.url as pe_url from ${publishedEvidence} pe where pe.benchmark_id = ${publishedScores.benchmarkId} and pe.round_id = ${publishedScores.roundId} order by pe.position)), '')`;
const sourceList = sql<string>`coalesce((select group_concat(${statements.title}, ${SEPARATOR}) from ${benchmarkSources} join ${statements} on ${statements.id} = ${benchmarkSources.statementId} where ${benchmarkSources.benchmarkId} = ${benchmarks.id} and ${isPublicSource}), '')`;
const subjectList = (kind: "person" | "law") =>
  sql<string>`coalesce((select group_concat(${subjects.name} || coalesce(' (' || ${subjects.nameZh} || ')', ''), ${SEPARATOR}) from ${benchmarkSubjects} join ${subjects} on ${subjects.id} = ${benchmarkSubjects.subjectId} where ${benchmarkSubjects.benchmarkId} = ${benchmarks.id} and ${subjects.confidential} = 0 and ${kind === "person" ? sql`${subjects.kind} = 'person'` : sql`${subjects.kind} <> 'person'`}), '')`;


export interface ExportContext {
  resolved: ResolvedFilters;
  dataVersion: string | null;
}

export function getExportContext(filters: DashboardFilters, db: Db = getDb()): ExportContext {
  const resolved = resolveFilters(db, filters);
  const row = db.select({ latest: sql<string | null>`max(${rounds.publishedAt})` }).from(rounds).where(roundConditions(resolved)).get();
  return { resolved, dataVersion: row?.latest ?? null };
}

const scoreSelection = {
  roundSlug: rounds.slug,
  roundName: rounds.name,
  roundStart: rounds.startDate,
  track: tracks.name,
  benchmarkSlug: benchmarks.slug,
  benchmarkTitle: benchmarks.title,
  category: categories.name,
  addressee: benchmarks.addressee,
  status: publishedScores.status,
  basis: publishedScores.basis,
  rationale: assessments.rationale,
  evidence: evidenceList,
  sources: sourceList,
  people: subjectList("person"),
  laws: subjectList("law"),
  demo: publishedScores.isDemo,
  publishedAt: sql<string>`${rounds.publishedAt}`,
};

interface RoundInView {
  id: number;
  startDate: string;
  trackId: number;
}

function listRoundsInView(context: ExportContext, db: Db): RoundInView[] {
  return db
    .select({ id: rounds.id, startDate: rounds.startDate, trackId: rounds.trackId })
    .from(rounds)
    .where(roundConditions(context.resolved))
    .orderBy(asc(rounds.startDate), asc(rounds.id))
    .all();
}

/** True when the filters name benchmarks (category, addressee, statement, person or law). */
function hasBenchmarkFilter(context: ExportContext): boolean {
  const r = context.resolved;
  return r.categoryId !== undefined || r.filters.addressee !== undefined || r.statementId !== undefined || r.subjectId !== undefined;
}

// Rows are fetched by id in batches of this size once their order is known.
const DETAIL_BATCH = 500;

/** Whole export rows for some scores of one round, in the order of the benchmark ids given. */
function scoreRowsOf(db: Db, round: RoundInView, ids: number[]): ScoreExportRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ ...scoreSelection, benchmarkId: benchmarks.id })
    .from(publishedScores)
    .innerJoin(rounds, eq(rounds.id, publishedScores.roundId))
    .innerJoin(tracks, eq(tracks.id, rounds.trackId))
    .innerJoin(benchmarks, eq(benchmarks.id, publishedScores.benchmarkId))
    .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
    .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
    .where(and(eq(publishedScores.roundId, round.id), inArray(publishedScores.benchmarkId, ids)))
    .all();
  const redactor = getPublicRedactor(db);
  // Evidence is "title <url>" text here: a name in an address is withheld in place, like any other.
  const byId = new Map<number, ScoreExportRow>(
    rows.map(({ benchmarkId, ...row }) => [benchmarkId, { ...redactor.repeatedFields(redactor.fields(row, ["rationale", "evidence"]), ["benchmarkTitle", "sources", "people", "laws"]), demo: Boolean(row.demo) }]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Ids of the benchmarks with a public score at the round, in category/title order, a page of them:
 * walking benchmarks in index order for early pages, sorting the round's scores for late ones.
 * Only benchmarks that apply from this round or earlier can have a score in it; one whose scope
 * leaves the round's track out has none that counts.
 */
function scoredIdsOfRound(context: ExportContext, db: Db, round: RoundInView, inRound: number, page: IdPage): number[] {
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
 * them, so an export of millions of scores streams at constant memory.
 */
export function* iterateScoreRows(context: ExportContext, db: Db): Generator<ScoreExportRow> {
  const roundsInView = listRoundsInView(context, db);
  const perRound = countScoresPerRound(context, db, roundsInView);
  for (const round of roundsInView) {
    const n = perRound(round);
    if (n === 0) continue;
    const ids = scoredIdsOfRound(context, db, round, n, { limit: n, offset: 0 });
    for (let i = 0; i < ids.length; i += DETAIL_BATCH) yield* scoreRowsOf(db, round, ids.slice(i, i + DETAIL_BATCH));
  }
}

/**
 * How many public scores each round in view holds. Without benchmark filters: each round's count
 * from the index on published_scores, less the scores of the few hidden benchmarks and of those
 * whose scope leaves the round's track out; with them, counted from the benchmarks the filters
 * name. A round is counted when first asked for.
 */
interface RoundCounts {
  (round: RoundInView): number;
  /** Scores of hidden benchmarks in the rounds in view, when counted without benchmark filters. */
  hidden?: number;
}

function countScoresPerRound(context: ExportContext, db: Db, roundsInView: RoundInView[]): RoundCounts {
  if (roundsInView.length === 0) return () => 0;
  const ids = roundsInView.map((r) => r.id);
  if (hasBenchmarkFilter(context)) {
    const counts = new Map(
      db
        .all<{ roundId: number; n: number }>(
          sql`select ${publishedScores.roundId} as roundId, count(*) as n from ${benchmarks} cross join ${publishedScores} on ${publishedScores.benchmarkId} = ${benchmarks.id}
              where ${benchmarkConditions(db, context.resolved)} and ${inArray(publishedScores.roundId, ids)}
                and ${inScopeOf(sql`(select r.track_id from ${rounds} r where r.id = ${publishedScores.roundId})`)} group by 1`,
        )
        .map((r) => [r.roundId, r.n]),
    );
    return (round) => counts.get(round.id) ?? 0;
  }
  // Track by track: the benchmarks a track's rounds leave out are the hidden ones and those scoped elsewhere.
  const hidden = new Map(
    [...new Set(roundsInView.map((r) => r.trackId))].flatMap((trackId) =>
      db
        .all<{ roundId: number; n: number }>(
          sql`select ${publishedScores.roundId} as roundId, count(*) as n
              from (select id from (${hiddenBenchmarkSelect}) union select benchmark_id from (${outOfScopeSelect(trackId)})) hidden
              cross join ${publishedScores} on ${publishedScores.benchmarkId} = hidden.id
              where ${inArray(
                publishedScores.roundId,
                roundsInView.filter((r) => r.trackId === trackId).map((r) => r.id),
              )} group by 1`,
        )
        .map((r) => [r.roundId, r.n] as const),
    ),
  );
  const cache = new Map<number, number>();
  const counts: RoundCounts = (round) => {
    if (!cache.has(round.id)) {
      const n = db.get<{ n: number }>(sql`select count(*) as n from ${publishedScores} where ${publishedScores.roundId} = ${round.id}`)?.n ?? 0;
      cache.set(round.id, n - (hidden.get(round.id) ?? 0));
    }
    return cache.get(round.id)!;
  };
  counts.hidden = [...hidden.values()].reduce((a, b) => a + b, 0);
  return counts;
}

/** All public scores in view: without benchmark filters, the table's own count less what is out of view or hidden. */
function countScores(context: ExportContext, db: Db, roundsInView: RoundInView[], perRound: RoundCounts): number {
  const sum = () => roundsInView.reduce((total, r) => total + perRound(r), 0);
  if (perRound.hidden === undefined) return sum();
  const outOfView = db
    .select({ id: rounds.id })
    .from(rounds)
    .where(sql`not (${roundConditions(context.resolved)})`)
    .all()
    .map((r) => r.id);
  if (outOfView.length >= roundsInView.length) return sum();
  // SQLite counts a whole table far faster than it counts the entries of a range.
  const all = db.get<{ n: number }>(sql`select count(*) as n from ${publishedScores}`)?.n ?? 0;
  const out = outOfView.length ? (db.get<{ n: number }>(sql`select count(*) as n from ${publishedScores} where ${inArray(publishedScores.roundId, outOfView)}`)?.n ?? 0) : 0;
  return all - out - perRound.hidden;
}

/** How many score rows an export of the view holds, from index counts (see countScores). */
export function countScoreRows(context: ExportContext, db: Db = getDb()): number {
  const roundsInView = listRoundsInView(context, db);
  return countScores(context, db, roundsInView, countScoresPerRound(context, db, roundsInView));
}

/**
 * One page of the same rows, for the read API, with the total. The rounds the page spans are found
 * from per-round counts; within a round, its ids are read in order from the page's offset.
 */
export function listScoreRows(context: ExportContext, page: { limit: number; offset: number }, db: Db = getDb()): { rows: ScoreExportRow[]; total: number } {
  const roundsInView = listRoundsInView(context, db);
  const perRound = countScoresPerRound(context, db, roundsInView);
  const rows: ScoreExportRow[] = [];
  let start = 0;
  for (const round of roundsInView) {
    if (rows.length >= page.limit) break;
    const size = perRound(round);
    const from = page.offset + rows.length - start;
    start += size;
    if (from >= size) continue;
    rows.push(...scoreRowsOf(db, round, scoredIdsOfRound(context, db, round, size, { limit: page.limit - rows.length, offset: from })));
  }
  return { rows, total: countScores(context, db, roundsInView, perRound) };
}


const benchmarkSelection = {
  slug: benchmarks.slug,
  title: benchmarks.title,
  category: categories.name,
  addressee: benchmarks.addressee,
  appliesFrom: rounds.name,
  retiredOn: benchmarks.retiredOn,
  retiredReason: benchmarks.retiredReason,
  sources: sourceList,
  people: subjectList("person"),
  laws: subjectList("law"),
};

/** Every public benchmark in view in category/title order, read a batch at a time so the export streams. */
export function* iterateBenchmarkRows(context: ExportContext, db: Db): Generator<BenchmarkExportRow> {
  const ids = idsInBenchmarkOrder(db, benchmarkConditions(db, context.resolved) ?? sql`1`, "category", { limit: -1, offset: 0 });
  for (let i = 0; i < ids.length; i += DETAIL_BATCH) {
    const batch = ids.slice(i, i + DETAIL_BATCH);
    const rows = db
      .select({ ...benchmarkSelection, id: benchmarks.id })
      .from(benchmarks)
      .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
      .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
      .where(inArray(benchmarks.id, batch))
      .all();
    const scopes = listScopeTracks(batch, db);
    const redactor = getPublicRedactor(db);
    const byId = new Map(rows.map(({ id, ...row }) => [id, { ...redactor.fields(row, ["title", "retiredReason", "sources", "people", "laws"]), assessedAt: (scopes.get(id) ?? []).map((t) => t.name) }]));
    for (const id of batch) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}
