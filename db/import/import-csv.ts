// Bulk import of benchmarks or scores from CSV in the shape the exports write. Every row is checked
// first, against the file and against the database; one bad row and nothing of the file is written.
// Otherwise everything is written in one transaction, with one audit entry. The rules:
// - a benchmark is matched by its ID (the slug). A new ID creates the benchmark; a known one must
//   agree with the stored benchmark in every column the file has, or the row is an error: an import
//   never changes a stored benchmark.
// - a score becomes an assessment by the importing editor, appended like any reviewer's, never
//   replacing anyone's. It reaches the public only through the usual agreement or decision and a
//   publication. A row that repeats the published score, or the importer's latest assessment, is
//   skipped, so importing the same file twice adds nothing.
// Used by the editor's import page (through db/commands/import.ts) and by npm run import; it takes
// the connection as an argument and has no server-only marker, so the command line can load it.
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Addressee, Status } from "@/lib/domain";
import { ADDRESSEE_LABELS } from "@/lib/domain";
import { readImportCsv, type ImportProblem } from "@/lib/import/csv";
import type { ImportSummary } from "@/lib/import/summary";

export type { ImportSummary } from "@/lib/import/summary";
import { isApplicable, isInScope } from "@/lib/scoring";
import type { BenchmarkImportRow, ScoreImportRow } from "@/lib/validation/import";
import { recordAudit } from "../commands/audit";
import { replaceBenchmarkScope } from "../commands/benchmark-scope";
import { listScopeTrackIds } from "../queries/benchmark-scope";
import { inBatches } from "../queries/shared";
import { compileWithheldNames, listWithheldItems } from "../queries/withheld-names";
import {
  assessments,
  benchmarks,
  benchmarkSources,
  benchmarkSubjects,
  categories,
  evidenceLinks,
  publishedEvidence,
  publishedScores,
  rounds,
  statements,
  subjects,
  tracks,
} from "../schema";
import { transaction, type Executor } from "../transaction";
import { detectTextLang } from "@/lib/localized";

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; rowsRead: number; problems: ImportProblem[] };

export interface Importer {
  id: string;
}

class Refused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super("refused");
  }
}

export async function importCsv(db: Executor, text: string, importer: Importer, fileName: string): Promise<ImportResult> {
  const read = readImportCsv(text);
  if (!read.ok) return { ok: false, rowsRead: 0, problems: read.problems };
  const rowsRead = read.rows.length + read.problems.length;
  try {
    return await transaction(
      db,
      async (tx) => {
        const problems = [...read.problems];
        const summary = read.kind === "benchmarks" ? await importBenchmarks(tx, read.rows, importer, problems) : await importScores(tx, read.rows, importer, problems);
        if (problems.length > 0) throw new Refused(problems);
        const full: ImportSummary = { kind: read.kind, rowsRead, ...summary };
        const sha256 = createHash("sha256").update(text).digest("hex");
        await recordAudit(tx, {
          userId: importer.id,
          action: "import.csv",
          entity: "import",
          entityId: `${read.kind}-${sha256.slice(0, 12)}`,
          after: { file: fileName, sha256, ...full, benchmarksCreated: full.benchmarksCreated.length, benchmarkSlugs: full.benchmarksCreated.slice(0, 100) },
        });
        return { ok: true as const, summary: full };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, rowsRead, problems: error.problems.sort((a, b) => a.line - b.line) };
    throw error;
  }
}

type Summary = Omit<ImportSummary, "kind" | "rowsRead">;

const lower = (s: string) => s.trim().toLowerCase();

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** The reference data rows point to, looked up by name or ID as the exports write them. */
async function loadReferences(tx: Executor) {
  const [categoryRows, roundRows, statementRows, subjectRows, trackRows] = await Promise.all([
    tx.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories),
    tx
      .select({ id: rounds.id, slug: rounds.slug, name: rounds.name, startDate: rounds.startDate, publishedAt: rounds.publishedAt, trackId: rounds.trackId, track: tracks.name })
      .from(rounds)
      .innerJoin(tracks, eq(tracks.id, rounds.trackId)),
    tx.select({ id: statements.id, title: statements.title, date: statements.date }).from(statements),
    tx.select({ id: subjects.id, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, confidential: subjects.confidential }).from(subjects),
    tx.select({ id: tracks.id, slug: tracks.slug, name: tracks.name }).from(tracks),
  ]);
  const trackByName = groupBy(trackRows, (t) => lower(t.name));
  const trackBySlug = new Map(trackRows.map((t) => [t.slug, t]));
  const categoryByName = groupBy(categoryRows, (c) => lower(c.name));
  const categoryBySlug = new Map(categoryRows.map((c) => [c.slug, c]));
  const roundByName = groupBy(roundRows, (r) => lower(r.name));
  const roundBySlug = new Map(roundRows.map((r) => [r.slug, r]));
  // The exports withhold confidential names: a text as an export wrote it stands for the stored one.
  const publicText = compileWithheldNames(await listWithheldItems(tx)).redact;
  const statementByTitle = groupBy(statementRows, (s) => lower(s.title));
  for (const s of statementRows) {
    const exported = lower(publicText(s.title));
    if (exported !== lower(s.title)) statementByTitle.set(exported, [...(statementByTitle.get(exported) ?? []), s]);
  }
  const display = (s: { name: string; nameZh: string | null }) => (s.nameZh ? `${s.name} (${s.nameZh})` : s.name);
  const subjectByDisplay = groupBy(subjectRows, (s) => `${s.kind === "person" ? "person" : "law"}:${lower(display(s))}`);
  const subjectByName = groupBy(subjectRows, (s) => `${s.kind === "person" ? "person" : "law"}:${lower(s.name)}`);

  const one = <T>(found: T[] | undefined, what: string, value: string, hint: string): T | string => {
    if (!found || found.length === 0) return `${what} “${value}” does not exist${hint}.`;
    if (found.length > 1) return `${what} “${value}” names ${found.length} different records; rename one of them first.`;
    return found[0]!;
  };
  return {
    publicText,
    round: (slug: string) => roundBySlug.get(slug),
    category: (value: string) => categoryBySlug.get(value.trim()) ?? one(categoryByName.get(lower(value)), "The category", value, ": add it in the workspace's reference data first"),
    appliesFrom: (value: string) => roundBySlug.get(value.trim()) ?? one(roundByName.get(lower(value)), "The round", value, ": add it on the editor page first"),
    track: (value: string) => trackBySlug.get(value.trim()) ?? one(trackByName.get(lower(value)), "The track", value, ": add it in the workspace's reference data first"),
    statement: (title: string) => one(statementByTitle.get(lower(title)), "The statement", title, ": record it under Statements first"),
    subject: (kind: "person" | "law", value: string) =>
      one(subjectByDisplay.get(`${kind}:${lower(value)}`) ?? subjectByName.get(`${kind}:${lower(value)}`), kind === "person" ? "The person" : "The law or practice", value, ": add it in the workspace's reference data first"),
  };
}

type References = Awaited<ReturnType<typeof loadReferences>>;

interface StoredBenchmark {
  id: number;
  slug: string;
  title: string;
  categoryId: number;
  categoryName: string;
  addressee: Addressee;
  appliesFromRoundId: number;
  appliesFromName: string;
  appliesFromDate: string;
  retiredOn: string | null;
  retiredReason: string | null;
  scopeTrackIds: number[];
  sourceIds: Set<number>;
  subjects: Array<{ id: number; kind: string; confidential: boolean }>;
}

async function loadBenchmarks(tx: Executor, slugs: string[]): Promise<Map<string, StoredBenchmark>> {
  const unique = [...new Set(slugs)];
  const rows: Array<Omit<StoredBenchmark, "sourceIds" | "subjects" | "scopeTrackIds">> = [];
  for (let i = 0; i < unique.length; i += 500) {
    rows.push(
      ...(await tx
        .select({
          id: benchmarks.id,
          slug: benchmarks.slug,
          title: benchmarks.title,
          categoryId: benchmarks.categoryId,
          categoryName: categories.name,
          addressee: benchmarks.addressee,
          appliesFromRoundId: benchmarks.appliesFromRoundId,
          appliesFromName: rounds.name,
          appliesFromDate: rounds.startDate,
          retiredOn: benchmarks.retiredOn,
          retiredReason: benchmarks.retiredReason,
        })
        .from(benchmarks)
        .innerJoin(rounds, eq(rounds.id, benchmarks.appliesFromRoundId))
        .innerJoin(categories, eq(categories.id, benchmarks.categoryId))
        .where(inArray(benchmarks.slug, unique.slice(i, i + 500)))),
    );
  }
  const ids = rows.map((r) => r.id);
  const sources = groupBy(
    await inBatches(ids, async (batch) => (await tx.select({ benchmarkId: benchmarkSources.benchmarkId, statementId: benchmarkSources.statementId }).from(benchmarkSources).where(inArray(benchmarkSources.benchmarkId, batch)))),
    (s) => String(s.benchmarkId),
  );
  const linked = groupBy(
    await inBatches(ids, async (batch) =>
      (await tx
        .select({ benchmarkId: benchmarkSubjects.benchmarkId, id: subjects.id, kind: subjects.kind, confidential: subjects.confidential })
        .from(benchmarkSubjects)
        .innerJoin(subjects, eq(subjects.id, benchmarkSubjects.subjectId))
        .where(inArray(benchmarkSubjects.benchmarkId, batch))),
    ),
    (s) => String(s.benchmarkId),
  );
  const scopes = await listScopeTrackIds(tx, ids);
  return new Map(
    rows.map((r) => [
      r.slug,
      { ...r, scopeTrackIds: scopes.get(r.id) ?? [], sourceIds: new Set((sources.get(String(r.id)) ?? []).map((s) => s.statementId)), subjects: linked.get(String(r.id)) ?? [] },
    ]),
  );
}

/** The benchmark columns a row may carry; undefined means the column is left out or empty. */
interface BenchmarkClaim {
  title?: string;
  category?: string;
  addressee?: Addressee;
  appliesFrom?: string;
  /** Track names or IDs; [] every track. */
  assessedAt?: string[];
  retiredOn?: string | null;
  retiredReason?: string | null;
  sources?: string[];
  people?: string[];
  laws?: string[];
}

/** Resolves the names a row gives; each name that matches nothing (or several things) is a problem. */
function resolveClaim(claim: BenchmarkClaim, refs: References, problems: string[]) {
  const pick = <T>(value: T | string): T | undefined => {
    if (typeof value === "string") {
      problems.push(value);
      return undefined;
    }
    return value;
  };
  return {
    category: claim.category === undefined ? undefined : pick(refs.category(claim.category)),
    appliesFrom: claim.appliesFrom === undefined ? undefined : pick(refs.appliesFrom(claim.appliesFrom)),
    scope: claim.assessedAt?.map((track) => pick(refs.track(track))),
    sources: claim.sources?.map((title) => pick(refs.statement(title))),
    people: claim.people?.map((name) => pick(refs.subject("person", name))),
    laws: claim.laws?.map((name) => pick(refs.subject("law", name))),
  };
}

type Resolved = ReturnType<typeof resolveClaim>;

/** Where a row disagrees with the stored benchmark, in words. */
function differences(stored: StoredBenchmark, claim: BenchmarkClaim, resolved: Resolved, publicText: (text: string) => string): string[] {
  const out: string[] = [];
  const quote = (v: string | null) => (v === null ? "none" : `“${v}”`);
  if (claim.title !== undefined && claim.title !== stored.title && claim.title !== publicText(stored.title)) out.push(`its title is ${quote(stored.title)}, the file says ${quote(claim.title)}`);
  if (resolved.category && resolved.category.id !== stored.categoryId) out.push(`its category is ${quote(stored.categoryName)}, the file says ${quote(claim.category!)}`);
  if (claim.addressee !== undefined && claim.addressee !== stored.addressee) {
    out.push(`it is addressed to the ${ADDRESSEE_LABELS[stored.addressee]}, the file says the ${ADDRESSEE_LABELS[claim.addressee]}`);
  }
  if (resolved.appliesFrom && resolved.appliesFrom.id !== stored.appliesFromRoundId) out.push(`it applies from ${quote(stored.appliesFromName)}, the file says ${quote(claim.appliesFrom!)}`);
  if (resolved.scope && resolved.scope.every(Boolean)) {
    const ids = new Set(resolved.scope.map((t) => t!.id));
    if (ids.size !== stored.scopeTrackIds.length || stored.scopeTrackIds.some((id) => !ids.has(id))) out.push("the tracks at whose rounds it is assessed differ");
  }
  if (claim.retiredOn !== undefined && claim.retiredOn !== stored.retiredOn) out.push(`its retirement date is ${quote(stored.retiredOn)}, the file says ${quote(claim.retiredOn)}`);
  if (claim.retiredReason !== undefined && claim.retiredReason !== stored.retiredReason && claim.retiredReason !== (stored.retiredReason && publicText(stored.retiredReason))) out.push(`the reason it was retired is ${quote(stored.retiredReason)}, the file says ${quote(claim.retiredReason)}`);
  if (resolved.sources && resolved.sources.every(Boolean)) {
    const ids = new Set(resolved.sources.map((s) => s!.id));
    if (ids.size !== stored.sourceIds.size || [...ids].some((id) => !stored.sourceIds.has(id))) out.push("the statements that raised it differ");
  }
  for (const [kind, list, label] of [
    ["person", resolved.people, "people"],
    ["law", resolved.laws, "laws and practices"],
  ] as const) {
    if (!list || !list.every(Boolean)) continue;
    const named = new Set(list.map((s) => s!.id));
    const linked = stored.subjects.filter((s) => (s.kind === "person") === (kind === "person"));
    // The exports leave confidential people out, so a file may omit them; it may not name anyone else.
    const missing = linked.filter((s) => !s.confidential && !named.has(s.id));
    const extra = [...named].filter((id) => !linked.some((s) => s.id === id));
    if (missing.length || extra.length) out.push(`the ${label} it names differ`);
  }
  return out;
}

function benchmarkConflict(slug: string, diffs: string[]): string {
  return `The benchmark “${slug}” is already stored and differs: ${diffs.join("; ")}. An import never changes a stored benchmark: correct the row, or change the benchmark in the workspace first.`;
}

async function importBenchmarks(tx: Executor, rows: Array<{ line: number; row: BenchmarkImportRow }>, importer: Importer, problems: ImportProblem[]): Promise<Summary> {
  const refs = await loadReferences(tx);
  const stored = await loadBenchmarks(tx, rows.map((r) => r.row.slug));
  const seen = new Map<string, number>();
  const toCreate: Array<{ row: BenchmarkImportRow; resolved: Resolved }> = [];
  let unchanged = 0;
  for (const { line, row } of rows) {
    const rowProblems: string[] = [];
    const first = seen.get(row.slug);
    if (first !== undefined) rowProblems.push(`The benchmark ID “${row.slug}” is already on line ${first}.`);
    seen.set(row.slug, first ?? line);
    const resolved = resolveClaim(row, refs, rowProblems);
    const existing = stored.get(row.slug);
    if (existing) {
      const diffs = differences(existing, row, resolved, refs.publicText);
      if (diffs.length) rowProblems.push(benchmarkConflict(row.slug, diffs));
      else if (first === undefined) unchanged += 1;
    } else if (resolved.appliesFrom) {
      for (const source of resolved.sources ?? []) {
        if (source && source.date > resolved.appliesFrom.startDate) {
          rowProblems.push(`It cannot apply from ${resolved.appliesFrom.name} (${resolved.appliesFrom.startDate}), before the statement that raised it (${source.date}).`);
        }
      }
      if (row.retiredOn && row.retiredOn < resolved.appliesFrom.startDate) rowProblems.push("It is retired before the round it applies from.");
      if (first === undefined) toCreate.push({ row, resolved });
    }
    if (rowProblems.length) problems.push({ line, message: rowProblems.join(" ") });
  }
  if (problems.length > 0) return emptySummary();

  for (const { row, resolved } of toCreate) {
    const [created] = await tx
      .insert(benchmarks)
      .values({
        slug: row.slug,
        title: row.title,
        categoryId: resolved.category!.id,
        addressee: row.addressee,
        appliesFromRoundId: resolved.appliesFrom!.id,
        retiredOn: row.retiredOn ?? null,
        retiredReason: row.retiredReason ?? null,
        // An import is an editor's act: what it adds is approved, in the importing editor's name.
        ...approvedBy(importer.id),
      })
      .returning({ id: benchmarks.id });
    const id = created!.id;
    // The export has no column for a statement's own wording of the demand: the title stands in for it.
    const sources = resolved.sources ?? [];
    if (sources.length) await tx.insert(benchmarkSources).values(sources.map((s) => ({ benchmarkId: id, statementId: s!.id, demand: row.title, ...approvedBy(importer.id) })));
    const linked = [...new Set([...(resolved.people ?? []), ...(resolved.laws ?? [])].map((s) => s!.id))];
    if (linked.length) await tx.insert(benchmarkSubjects).values(linked.map((subjectId) => ({ benchmarkId: id, subjectId })));
    await replaceBenchmarkScope(tx, id, (resolved.scope ?? []).map((t) => t!.id));
  }
  return { ...emptySummary(), benchmarksCreated: toCreate.map((c) => c.row.slug), benchmarksUnchanged: unchanged };
}

function approvedBy(editorId: string) {
  return { reviewState: "approved" as const, createdBy: editorId, reviewedBy: editorId, reviewedAt: new Date().toISOString() };
}

function emptySummary(): Summary {
  return { benchmarksCreated: [], benchmarksUnchanged: 0, assessmentsCreated: 0, alreadyPublished: 0, alreadyImported: 0, differFromPublished: 0, atPublishedRounds: 0 };
}

interface ScoreOnRecord {
  status: Status;
  rationale: string;
  evidence: string[];
}

const evidenceKey = (links: Array<{ title: string; url: string }>) => links.map((l) => `${l.title} <${l.url}>`).sort();
/** The row repeats the score on record, as stored or as an export wrote it (confidential names withheld). */
const sameScore = (a: ScoreOnRecord | undefined, status: Status, rationale: string, evidence: string[], publicText: (text: string) => string) =>
  !!a &&
  a.status === status &&
  (a.rationale.trim() === rationale || publicText(a.rationale).trim() === rationale) &&
  a.evidence.length === evidence.length &&
  a.evidence.every((e, i) => e === evidence[i] || publicText(e) === evidence[i]);

async function loadEvidence(tx: Executor, assessmentIds: number[]): Promise<Map<number, string[]>> {
  const rows = await inBatches(assessmentIds, async (batch) =>
    (await tx.select({ assessmentId: evidenceLinks.assessmentId, title: evidenceLinks.title, url: evidenceLinks.url }).from(evidenceLinks).where(inArray(evidenceLinks.assessmentId, batch))),
  );
  const grouped = groupBy(rows, (r) => String(r.assessmentId));
  return new Map(assessmentIds.map((id) => [id, evidenceKey(grouped.get(String(id)) ?? [])]));
}

type ValidScore = { row: ScoreImportRow; benchmark: StoredBenchmark; round: NonNullable<ReturnType<References["round"]>> };

/** The rows that may be written; each problem of the others goes to `problems`. */
function checkScoreRows(rows: Array<{ line: number; row: ScoreImportRow }>, refs: References, stored: Map<string, StoredBenchmark>, problems: ImportProblem[]): ValidScore[] {
  const checkedBenchmarks = new Map<string, string | null>();
  const seen = new Map<string, number>();
  const valid: ValidScore[] = [];
  for (const { line, row } of rows) {
    const rowProblems: string[] = [];
    const round = refs.round(row.roundSlug);
    if (!round) {
      rowProblems.push(`The round ID “${row.roundSlug}” does not exist: add the round on the editor page first.`);
    } else {
      if (row.roundName !== undefined && row.roundName !== round.name) rowProblems.push(`The round “${row.roundSlug}” is called “${round.name}” here, not “${row.roundName}”.`);
      if (row.roundStart !== undefined && row.roundStart !== round.startDate) rowProblems.push(`The round “${row.roundSlug}” starts on ${round.startDate} here, not ${row.roundStart}.`);
      if (row.track !== undefined && row.track !== round.track) rowProblems.push(`The round “${row.roundSlug}” belongs to ${round.track} here, not ${row.track}.`);
    }
    const benchmark = stored.get(row.benchmark.slug);
    if (!benchmark) {
      rowProblems.push(`The benchmark ID “${row.benchmark.slug}” does not exist: import it first from a benchmarks CSV, or create it in the workspace.`);
    } else {
      // A benchmark repeats on every round's row, usually with the same cells: compare each version once.
      const claimKey = JSON.stringify(row.benchmark);
      if (!checkedBenchmarks.has(claimKey)) {
        const claimProblems: string[] = [];
        const diffs = differences(benchmark, row.benchmark, resolveClaim(row.benchmark, refs, claimProblems), refs.publicText);
        if (diffs.length) claimProblems.push(benchmarkConflict(benchmark.slug, diffs));
        checkedBenchmarks.set(claimKey, claimProblems.length ? claimProblems.join(" ") : null);
      }
      const claimProblem = checkedBenchmarks.get(claimKey);
      if (claimProblem) rowProblems.push(claimProblem);
      if (round && !isApplicable(benchmark, round)) {
        rowProblems.push(
          !isInScope(benchmark, round.trackId)
            ? `The benchmark “${benchmark.slug}” is not assessed at ${round.track} rounds, so not at ${round.name}.`
            : benchmark.retiredOn && round.startDate >= benchmark.retiredOn
              ? `The benchmark “${benchmark.slug}” was retired on ${benchmark.retiredOn}, before ${round.name}.`
              : `The benchmark “${benchmark.slug}” applies only from ${benchmark.appliesFromDate}, after ${round.name}.`,
        );
      }
    }
    const key = `${row.benchmark.slug}@${row.roundSlug}`;
    const first = seen.get(key);
    if (first !== undefined) rowProblems.push(`The benchmark “${row.benchmark.slug}” is already scored for the round “${row.roundSlug}” on line ${first}.`);
    else seen.set(key, line);
    if (rowProblems.length) problems.push({ line, message: rowProblems.join(" ") });
    else if (benchmark && round) valid.push({ row, benchmark, round });
  }
  return valid;
}

/** For each benchmark@round a valid row scores: the published score and the importer's latest assessment, as they stand. */
async function loadScoresOnRecord(tx: Executor, valid: ValidScore[], importer: Importer) {
  const roundIds = [...new Set(valid.map((v) => v.round.id))];
  const benchmarkIds = [...new Set(valid.map((v) => v.benchmark.id))];
  const published = new Map<string, ScoreOnRecord & { assessmentId: number }>();
  const latestOwn = new Map<string, ScoreOnRecord & { assessmentId: number }>();
  const publishedRows = await inBatches(benchmarkIds, async (batch) =>
    (await tx
      .select({ benchmarkId: publishedScores.benchmarkId, roundId: publishedScores.roundId, status: publishedScores.status, assessmentId: publishedScores.assessmentId, rationale: assessments.rationale })
      .from(publishedScores)
      .innerJoin(assessments, eq(assessments.id, publishedScores.assessmentId))
      .where(and(inArray(publishedScores.benchmarkId, batch), inArray(publishedScores.roundId, roundIds)))),
  );
  const ownLatestIds = tx
    .select({ id: sql<number>`max(${assessments.id})` })
    .from(assessments)
    .where(and(eq(assessments.reviewerId, importer.id), inArray(assessments.roundId, roundIds)))
    .groupBy(assessments.benchmarkId, assessments.roundId);
  const ownRows = await tx
    .select({ benchmarkId: assessments.benchmarkId, roundId: assessments.roundId, status: assessments.status, assessmentId: assessments.id, rationale: assessments.rationale })
    .from(assessments)
    .where(inArray(assessments.id, ownLatestIds));
  const evidence = await loadEvidence(tx, ownRows.map((r) => r.assessmentId));
  // A published score's evidence is what the public sees (and the export writes): every agreeing reviewer's links.
  const publicEvidence = groupBy(
    await inBatches(benchmarkIds, async (batch) =>
      (await tx
        .select({ benchmarkId: publishedEvidence.benchmarkId, roundId: publishedEvidence.roundId, title: publishedEvidence.title, url: publishedEvidence.url })
        .from(publishedEvidence)
        .where(and(inArray(publishedEvidence.benchmarkId, batch), inArray(publishedEvidence.roundId, roundIds)))),
    ),
    (e) => `${e.benchmarkId}@${e.roundId}`,
  );
  for (const r of publishedRows) published.set(`${r.benchmarkId}@${r.roundId}`, { ...r, evidence: evidenceKey(publicEvidence.get(`${r.benchmarkId}@${r.roundId}`) ?? []) });
  for (const r of ownRows) latestOwn.set(`${r.benchmarkId}@${r.roundId}`, { ...r, evidence: evidence.get(r.assessmentId) ?? [] });
  return { published, latestOwn };
}

async function importScores(tx: Executor, rows: Array<{ line: number; row: ScoreImportRow }>, importer: Importer, problems: ImportProblem[]): Promise<Summary> {
  const refs = await loadReferences(tx);
  const stored = await loadBenchmarks(tx, rows.map((r) => r.row.benchmark.slug));
  const valid = checkScoreRows(rows, refs, stored, problems);
  if (problems.length > 0) return emptySummary();
  const { published, latestOwn } = await loadScoresOnRecord(tx, valid, importer);

  const summary = emptySummary();
  for (const { row, benchmark, round } of valid) {
    const key = `${benchmark.id}@${round.id}`;
    const links = evidenceKey(row.evidence);
    const onRecord = published.get(key);
    if (sameScore(onRecord, row.status, row.rationale, links, refs.publicText)) {
      summary.alreadyPublished += 1;
      continue;
    }
    if (sameScore(latestOwn.get(key), row.status, row.rationale, links, refs.publicText)) {
      summary.alreadyImported += 1;
      continue;
    }
    const [created] = await tx
      .insert(assessments)
      .values({ benchmarkId: benchmark.id, roundId: round.id, reviewerId: importer.id, status: row.status, rationale: row.rationale, rationaleLang: detectTextLang(row.rationale), isDemo: row.demo })
      .returning({ id: assessments.id });
    if (row.evidence.length) await tx.insert(evidenceLinks).values(row.evidence.map((e) => ({ assessmentId: created!.id, url: e.url, title: e.title, publishedOn: null })));
    summary.assessmentsCreated += 1;
    if (onRecord) summary.differFromPublished += 1;
    if (round.publishedAt) summary.atPublishedRounds += 1;
  }
  return summary;
}
