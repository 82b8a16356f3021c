import "server-only";
// Reading releases: the list, one release with its changelog, and the published scores as of any
// release (release_scores rows valid at it). Everything public is narrowed to what is public now:
// benchmarks in public_benchmarks and rounds published now, so an old release number can never bring
// back a benchmark that has since become confidential, nor name a round that is not published.
import { sql, type SQL } from "drizzle-orm";
import type { ContentLang, PublishedBasis, ReleaseKind, Status } from "@/lib/domain";
import { allRows, oneRow } from "../dialect";
import type { Executor } from "../transaction";
import { roundsAsOf, scoresAsOf } from "./as-of-release";
import { getPublicRedactor } from "./public-text";
import { listPublishedRounds, type PublishedRound } from "./rounds";
import type { EvidenceLink, PublishedScoreDetail } from "./scores";

/** The number of the latest release (0 before the first). One lookup of the primary key's end. */
export async function currentReleaseNumber(db: Executor): Promise<number> {
  return (await oneRow<{ n: number | null }>(db, sql`SELECT max(number) AS n FROM releases`))?.n ?? 0;
}

/** The latest release's number and time, or null before the first: one row by the primary key's end. */
export async function latestRelease(db: Executor): Promise<{ number: number; publishedAt: string } | null> {
  return (await oneRow<{ number: number; publishedAt: string }>(db, sql`SELECT number, published_at AS publishedAt FROM releases ORDER BY number DESC LIMIT 1`)) ?? null;
}

export interface ReleaseRound {
  id: number;
  slug: string;
  name: string;
  nameZh: string | null;
  /** Public for the first time in this release; otherwise the release corrected it. */
  firstTime: boolean;
}

export interface Release {
  number: number;
  publishedAt: string;
  note: string;
  kind: ReleaseKind;
  rounds: ReleaseRound[];
  /** Published scores of public benchmarks this release added or changed. */
  changed: number;
}

interface ReleaseRow {
  number: number;
  publishedAt: string;
  note: string;
  kind: ReleaseKind;
}

async function listRoundsOfReleases(db: Executor, numbers?: number): Promise<Map<number, ReleaseRound[]>> {
  const rows = await allRows<{ releaseNumber: number; id: number; slug: string; name: string; nameZh: string | null; firstTime: number }>(db, sql`
    SELECT rr.release_number AS releaseNumber, r.id, r.slug, r.name, r.name_zh AS nameZh, rr.first_time AS firstTime
      FROM release_rounds rr JOIN rounds r ON r.id = rr.round_id AND r.published_at IS NOT NULL
     ${numbers === undefined ? sql`` : sql`WHERE rr.release_number = ${numbers}`}
     ORDER BY rr.release_number, r.start_date, r.id`);
  const byRelease = new Map<number, ReleaseRound[]>();
  for (const { releaseNumber, firstTime, ...round } of rows) byRelease.set(releaseNumber, [...(byRelease.get(releaseNumber) ?? []), { ...round, firstTime: firstTime === 1 }]);
  return byRelease;
}

async function countChanges(db: Executor, number?: number): Promise<Map<number, number>> {
  const rows = await allRows<{ n: number; release: number }>(db, sql`
    SELECT rs.valid_from_release AS release, count(*) AS n
      FROM release_scores rs JOIN public_benchmarks pb ON pb.benchmark_id = rs.benchmark_id
      JOIN rounds r ON r.id = rs.round_id AND r.published_at IS NOT NULL
     ${number === undefined ? sql`` : sql`WHERE rs.valid_from_release = ${number}`}
     GROUP BY rs.valid_from_release`);
  return new Map(rows.map((r) => [r.release, r.n]));
}

/** Every release, newest first, with its rounds and how many public scores it changed. */
export async function listReleases(db: Executor): Promise<Release[]> {
  const rows = await allRows<ReleaseRow>(db, sql`SELECT number, published_at AS publishedAt, note, kind FROM releases ORDER BY number DESC`);
  const [roundsOf, changes] = await Promise.all([listRoundsOfReleases(db), countChanges(db)]);
  const redactor = await getPublicRedactor(db);
  return rows.map((r) => ({ ...r, note: redactor.text(r.note), rounds: roundsOf.get(r.number) ?? [], changed: changes.get(r.number) ?? 0 }));
}

/** One release, or null when there is no such number. */
export async function getRelease(db: Executor, number: number): Promise<Release | null> {
  const row = await oneRow<ReleaseRow>(db, sql`SELECT number, published_at AS publishedAt, note, kind FROM releases WHERE number = ${number}`);
  if (!row) return null;
  const [roundsOf, changes] = await Promise.all([listRoundsOfReleases(db, number), countChanges(db, number)]);
  const redactor = await getPublicRedactor(db);
  return { ...row, note: redactor.text(row.note), rounds: roundsOf.get(number) ?? [], changed: changes.get(number) ?? 0 };
}

export interface ReleaseChange {
  benchmark: { slug: string; title: string; titleZh: string | null };
  round: { slug: string; name: string; nameZh: string | null };
  /** The round was public for the first time in this release (its scores are new, not corrections). */
  newRound: boolean;
  /** The status before this release; null when the score is new. */
  before: Status | null;
  after: Status;
  /** The rationale and evidence also changed (with the same status, or a different one). */
  rationaleChanged: boolean;
  evidenceChanged: boolean;
  rationale: string;
  rationaleLang: ContentLang;
}

/** The scores a release added or changed, a page at a time (rounds in timeline order, then titles), names withheld. */
export async function listReleaseChanges(db: Executor, number: number, range: { limit: number; offset: number }): Promise<{ rows: ReleaseChange[]; total: number }> {
  const from = sql`
      FROM release_scores now
      JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
      JOIN rounds r ON r.id = now.round_id AND r.published_at IS NOT NULL
     WHERE now.valid_from_release = ${number}`;
  const total = (await oneRow<{ n: number }>(db, sql`SELECT count(*) AS n ${from}`))?.n ?? 0;
  const page = await allRows<{
    benchmarkSlug: string;
    title: string;
    titleZh: string | null;
    roundSlug: string;
    roundName: string;
    roundNameZh: string | null;
    newRound: number | null;
    before: Status | null;
    after: Status;
    rationaleChanged: number;
    evidenceChanged: number;
    rationale: string;
    rationaleLang: ContentLang;
  }>(db, sql`
    SELECT b.slug AS benchmarkSlug, b.title AS title, b.title_zh AS titleZh, r.slug AS roundSlug, r.name AS roundName, r.name_zh AS roundNameZh,
           (SELECT rr.first_time FROM release_rounds rr WHERE rr.release_number = ${number} AND rr.round_id = now.round_id) AS newRound,
           before.status AS before, now.status AS after,
           CASE WHEN before.assessment_id <> now.assessment_id THEN 1 ELSE 0 END AS rationaleChanged,
           CASE WHEN before.evidence <> now.evidence THEN 1 ELSE 0 END AS evidenceChanged,
           a.rationale AS rationale, a.rationale_lang AS rationaleLang
      FROM release_scores now
      JOIN public_benchmarks pb ON pb.benchmark_id = now.benchmark_id
      JOIN benchmarks b ON b.id = now.benchmark_id
      JOIN rounds r ON r.id = now.round_id AND r.published_at IS NOT NULL
      JOIN assessments a ON a.id = now.assessment_id
      LEFT JOIN release_scores before ON before.benchmark_id = now.benchmark_id AND before.round_id = now.round_id AND before.valid_to_release = ${number}
     WHERE now.valid_from_release = ${number}
     ORDER BY r.start_date, r.id, pb.title, now.benchmark_id
     LIMIT ${range.limit} OFFSET ${range.offset}`);
  const redactor = await getPublicRedactor(db);
  return {
    total,
    rows: page.map((c) => ({
      benchmark: { slug: c.benchmarkSlug, ...redactor.fields({ title: c.title, titleZh: c.titleZh }, ["title", "titleZh"]) },
      round: { slug: c.roundSlug, name: c.roundName, nameZh: c.roundNameZh },
      newRound: c.newRound === 1,
      before: c.before,
      after: c.after,
      rationaleChanged: c.rationaleChanged === 1,
      evidenceChanged: c.evidenceChanged === 1,
      rationale: redactor.text(c.rationale),
      rationaleLang: c.rationaleLang,
    })),
  };
}

export interface ReleaseScore {
  benchmarkId: number;
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkTitleZh: string | null;
  roundId: number;
  roundSlug: string;
  roundName: string;
  roundNameZh: string | null;
  status: Status;
  basis: PublishedBasis;
  rationale: string;
  rationaleLang: ContentLang;
  publicRecord: boolean;
  demo: boolean;
  evidence: EvidenceLink[];
}

/**
 * The published scores of public benchmarks at rounds public at release `n`, as they stood then:
 * optionally of some rounds or some benchmarks, a page at a time (timeline order, then benchmark id).
 */
export async function listScoresAsOf(
  db: Executor,
  n: number,
  where: { roundIds?: readonly number[]; benchmarkIds?: readonly number[]; benchmarks?: SQL } = {},
  range?: { limit: number; offset: number },
): Promise<{ rows: ReleaseScore[]; total: number }> {
  if (where.roundIds?.length === 0 || where.benchmarkIds?.length === 0) return { rows: [], total: 0 };
  const ids = (list: readonly number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);
  const conditions = sql`
       ${where.roundIds ? sql`AND s.round_id IN (${ids(where.roundIds)})` : sql``}
       ${where.benchmarkIds ? sql`AND s.benchmark_id IN (${ids(where.benchmarkIds)})` : sql``}
       ${where.benchmarks ? sql`AND ${where.benchmarks}` : sql``}`;
  const total = range
    ? ((await oneRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${scoresAsOf(n)} s JOIN public_benchmarks pb ON pb.benchmark_id = s.benchmark_id
          WHERE s.round_id IN ${roundsAsOf(n)} ${conditions}`))?.n ?? 0)
    : -1;
  const rows = await allRows<{
    benchmarkId: number;
    benchmarkSlug: string;
    benchmarkTitle: string;
    benchmarkTitleZh: string | null;
    roundId: number;
    roundSlug: string;
    roundName: string;
    roundNameZh: string | null;
    status: Status;
    basis: PublishedBasis;
    rationale: string;
    rationaleLang: ContentLang;
    publicRecord: number;
    demo: number;
    evidence: string;
  }>(db, sql`
    SELECT s.benchmark_id AS benchmarkId, b.slug AS benchmarkSlug, b.title AS benchmarkTitle, b.title_zh AS benchmarkTitleZh,
           s.round_id AS roundId, r.slug AS roundSlug, r.name AS roundName, r.name_zh AS roundNameZh,
           s.status AS status, s.basis AS basis, a.rationale AS rationale, a.rationale_lang AS rationaleLang, a.public_record AS publicRecord, s.is_demo AS demo, s.evidence AS evidence
      FROM ${scoresAsOf(n)} s
      JOIN public_benchmarks pb ON pb.benchmark_id = s.benchmark_id
      JOIN benchmarks b ON b.id = s.benchmark_id
      JOIN rounds r ON r.id = s.round_id
      JOIN assessments a ON a.id = s.assessment_id
     WHERE s.round_id IN ${roundsAsOf(n)} ${conditions}
     ORDER BY r.start_date, r.id, s.benchmark_id
     ${range ? sql`LIMIT ${range.limit} OFFSET ${range.offset}` : sql``}`);
  const redactor = await getPublicRedactor(db);
  return {
    total: total < 0 ? rows.length : total,
    rows: rows.map((r) => ({
      ...redactor.repeatedFields(r, ["benchmarkTitle", "benchmarkTitleZh"]),
      rationale: redactor.text(r.rationale),
      publicRecord: r.publicRecord === 1,
      demo: r.demo === 1,
      evidence: (JSON.parse(r.evidence) as EvidenceLink[]).map((e) => ({ url: redactor.url(e.url), title: redactor.text(e.title), publishedOn: e.publishedOn ?? null })),
    })),
  };
}

export interface RoundAsOf {
  id: number;
  slug: string;
  name: string;
  trackSlug: string;
  startDate: string;
  /** The release that first made it public. */
  firstRelease: number;
}

/** The rounds public at release `n`, in timeline order. Every selected column is grouped: PostgreSQL refuses the ones SQLite would take from the group's row. */
export async function listRoundsAsOf(db: Executor, n: number): Promise<RoundAsOf[]> {
  return allRows<RoundAsOf>(db, sql`
    SELECT r.id, r.slug, r.name, t.slug AS trackSlug, r.start_date AS startDate, min(rr.release_number) AS firstRelease
      FROM release_rounds rr JOIN rounds r ON r.id = rr.round_id AND r.published_at IS NOT NULL JOIN tracks t ON t.id = r.track_id
     WHERE rr.release_number <= ${n}
     GROUP BY r.id, r.slug, r.name, t.slug, r.start_date ORDER BY r.start_date, r.id`);
}

/** Every public score as of release `n`, a round at a time (for the data package: one round in memory at most). */
export async function* iterateScoresAsOf(db: Executor, n: number): AsyncGenerator<ReleaseScore> {
  for (const round of await listRoundsAsOf(db, n)) yield* (await listScoresAsOf(db, n, { roundIds: [round.id] })).rows;
}

/**
 * Whether a page pinned to release `n` may answer: the release exists, and a round's page names a
 * round public at that release, a benchmark's page one whose first round was public then.
 * The proxy asks before the page renders (a round's page streams behind a loading boundary).
 */
export async function isPinnedPagePublic(db: Executor, n: number, page: { round?: string; benchmark?: string }): Promise<boolean> {
  if (!(await oneRow(db, sql`SELECT 1 AS one FROM releases WHERE number = ${n}`))) return false;
  if (page.round !== undefined) return (await oneRow(db, sql`SELECT 1 AS one FROM rounds r WHERE r.slug = ${page.round} AND r.id IN ${roundsAsOf(n)}`)) !== undefined;
  if (page.benchmark !== undefined) {
    return (await oneRow(db, sql`SELECT 1 AS one FROM benchmarks b JOIN public_benchmarks pb ON pb.benchmark_id = b.id WHERE b.slug = ${page.benchmark} AND b.applies_from_round_id IN ${roundsAsOf(n)}`)) !== undefined;
  }
  return true;
}

/** The rounds public at release `n`, shaped as listPublishedRounds answers (timeline order). */
export async function listPublishedRoundsAsOf(db: Executor, n: number): Promise<PublishedRound[]> {
  const ids = new Set((await listRoundsAsOf(db, n)).map((r) => r.id));
  return (await listPublishedRounds(db)).filter((r) => ids.has(r.id));
}

/** Score details as listPublishedScoreDetails gives them, as they stood at `release`. */
export async function listScoreDetailsAsOf(db: Executor, release: { number: number; publishedAt: string }, benchmarkIds: number[], roundIds?: number[]): Promise<PublishedScoreDetail[]> {
  const { rows } = await listScoresAsOf(db, release.number, { benchmarkIds, roundIds });
  return rows.map((r) => ({
    benchmarkId: r.benchmarkId,
    roundId: r.roundId,
    status: r.status,
    basis: r.basis,
    isDemo: r.demo,
    rationale: r.rationale,
    rationaleLang: r.rationaleLang,
    publicRecord: r.publicRecord,
    decidedAt: release.publishedAt,
    evidence: r.evidence,
  }));
}
