// Keeping the published aggregates (db/queries/published-aggregates.ts) current. Readers never do:
// a writer refreshes what its writes made stale, which the triggers of db/public-tables.ts record in
// public_stale — one benchmark edited recounts that benchmark's groups, not the whole matrix. The
// server actions' guard refreshes after every action (server/published-cache.ts), scripts that write
// refresh or rebuild before they finish, and db/prepare.ts rebuilds at start-up when the aggregates
// were never built (a new database, a restore, a migration that asks for it).
import { sql, type SQL } from "drizzle-orm";
import { comparisonBase } from "@/lib/dashboard";
import { ADDRESSEES, type Addressee } from "@/lib/domain";
import { compileWithheldNames, listWithheldItemsNow } from "../queries/withheld-names";
import {
  changesBetween,
  listPreliminaryRoundIdsNow,
  PUBLIC_BENCHMARK_ROWS,
  readDataVersionNow,
  tallySelect,
  type PublishedRound,
} from "../queries/published-aggregates";
import { transaction, type Executor } from "../transaction";
import { allRows, oneRow, runSql, usesPostgres } from "../dialect";

export interface RefreshSummary {
  /** Everything was counted again (never built, or asked for). */
  rebuilt: boolean;
  /** Benchmarks whose public row, tallies and changes were counted again. */
  benchmarks: number;
  /** Rounds whose tallies were counted again in full. */
  rounds: number;
}

const TALLY_COLUMNS = sql`(round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo)`;
const CHANGE_COLUMNS = sql`(round_id, previous_round_id, benchmark_id, from_round_id, direction, from_status, to_status, category_id, addressee, title, title_zh)`;
const STALE_BENCHMARKS = sql`(SELECT id FROM public_stale WHERE kind = 'benchmark')`;
const RESCOPED_BENCHMARKS = sql`(SELECT id FROM public_stale WHERE kind = 'scope')`;
const STALE_ROUNDS = sql`(SELECT id FROM public_stale WHERE kind = 'round')`;
// Past this many groups of one round, counting the whole round is quicker than group by group.
const GROUPS_BEFORE_WHOLE_ROUND = 8;

async function publishedRounds(db: Executor): Promise<PublishedRound[]> {
  return await allRows<PublishedRound>(db, sql`SELECT id, track_id AS trackId, start_date AS startDate FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date, id`);
}

/**
 * Each published round with the round its change is measured against (lib/dashboard
 * comparisonBase: the last earlier one that is not preliminary), in the whole timeline and in its
 * track. Needs the tallies of every published round counted first.
 */
async function roundPairs(db: Executor): Promise<Array<{ round: PublishedRound; previous: PublishedRound }>> {
  const preliminary = await listPreliminaryRoundIdsNow(db);
  const published = (await publishedRounds(db)).map((round) => ({ round, preliminary: preliminary.has(round.id) }));
  const pairs: Array<{ round: PublishedRound; previous: PublishedRound }> = [];
  published.forEach(({ round }, i) => {
    const previousOverall = comparisonBase(published, i)?.round;
    const inTrack = published.slice(0, i + 1).filter((r) => r.round.trackId === round.trackId);
    const previousInTrack = comparisonBase(inTrack)?.round;
    if (previousOverall) pairs.push({ round, previous: previousOverall });
    if (previousInTrack && previousInTrack !== previousOverall) pairs.push({ round, previous: previousInTrack });
  });
  return pairs;
}

async function storeChanges(db: Executor, round: PublishedRound, previous: PublishedRound, only?: SQL): Promise<void> {
  for (const select of changesBetween(round, previous, only)) await runSql(db, sql`INSERT INTO public_changes ${CHANGE_COLUMNS} ${select}`);
}

async function storeTallies(db: Executor, roundId: number, group?: { categoryId: number; addressee: Addressee }): Promise<void> {
  const rounds = sql`r.id = ${roundId}`;
  await runSql(db, sql`INSERT INTO public_tallies ${TALLY_COLUMNS} ${tallySelect(rounds, group ? sql`pb.category_id = ${group.categoryId} AND pb.addressee = ${group.addressee}` : undefined)}`);
}

let compiled: { items: string; matcher: ReturnType<typeof compileWithheldNames> } | undefined;

/** The names to withhold, compiled once per set of names (compiling is the slow part of a small refresh). */
async function withheldNamesMatcher(db: Executor): Promise<ReturnType<typeof compileWithheldNames>> {
  const items = await listWithheldItemsNow(db);
  const key = JSON.stringify(items);
  if (compiled?.items === key) return compiled.matcher;
  compiled = { items: key, matcher: compileWithheldNames(items) };
  return compiled.matcher;
}

/**
 * Stored titles are what wide views sort by: with a confidential name in them they would give away
 * where the name falls in the alphabet. They are stored as the public reads them; `only` limits the
 * rows looked at (the benchmarks just stored), otherwise every title is checked again.
 */
async function withholdNamesInStoredTitles(db: Executor, only?: SQL): Promise<number> {
  const rows = await allRows<{ id: number; raw: string; rawZh: string | null; stored: string; storedZh: string | null }>(
    db,
    sql`SELECT pb.benchmark_id AS id, b.title AS raw, b.title_zh AS rawZh, pb.title AS stored, pb.title_zh AS storedZh FROM public_benchmarks pb JOIN benchmarks b ON b.id = pb.benchmark_id ${only ? sql`WHERE pb.benchmark_id IN ${only}` : sql``}`,
  );
  if (rows.length === 0) return 0;
  const matcher = await withheldNamesMatcher(db);
  const withhold = (text: string) => (matcher.isEmpty ? text : matcher.redact(text));
  let changed = 0;
  for (const row of rows) {
    const title = withhold(row.raw);
    // The Chinese title is sorted and shown on /zh/ as the English is on /: the same names are withheld from it.
    const titleZh = row.rawZh === null ? null : withhold(row.rawZh);
    if (title === row.stored && titleZh === row.storedZh) continue;
    await runSql(db, sql`UPDATE public_benchmarks SET title = ${title}, title_zh = ${titleZh} WHERE benchmark_id = ${row.id}`);
    changed += 1;
  }
  return changed;
}

async function markAggregatesCurrent(db: Executor): Promise<void> {
  await runSql(db, sql`DELETE FROM public_stale`);
  await runSql(db, sql`UPDATE data_version SET tallies_version = version WHERE id = 1`);
}

/** Counts every aggregate from scratch, inside the caller's write transaction. */
async function rebuildInPlace(db: Executor): Promise<void> {
  await runSql(db, sql`DELETE FROM public_changes`);
  await runSql(db, sql`DELETE FROM public_tallies`);
  await runSql(db, sql`DELETE FROM public_benchmarks`);
  await runSql(db, sql`INSERT INTO public_benchmarks (benchmark_id, category_id, addressee, applies_from_date, retired_on, title, title_zh) ${PUBLIC_BENCHMARK_ROWS}`);
  await withholdNamesInStoredTitles(db);
  for (const round of await publishedRounds(db)) await storeTallies(db, round.id);
  for (const { round, previous } of await roundPairs(db)) await storeChanges(db, round, previous);
  await markAggregatesCurrent(db);
}

type Group = { categoryId: number; addressee: Addressee };
const groupKey = (g: Group) => `${g.categoryId}:${g.addressee}`;

/** Benchmarks that apply from a stale round and whose public row no longer matches it (the round was published, withdrawn or moved). */
async function markBenchmarksOfStaleRounds(db: Executor): Promise<void> {
  await runSql(db, sql`
    INSERT INTO public_stale (kind, id)
    SELECT 'benchmark', b.id FROM public_stale s
      JOIN benchmarks b ON b.applies_from_round_id = s.id
      JOIN rounds r ON r.id = b.applies_from_round_id
      LEFT JOIN public_benchmarks pb ON pb.benchmark_id = b.id
     WHERE s.kind = 'round'
       AND CASE WHEN r.published_at IS NULL THEN pb.benchmark_id IS NOT NULL ELSE pb.benchmark_id IS NULL OR pb.applies_from_date <> r.start_date END
    ON CONFLICT DO NOTHING`);
}

async function groupsOfRescoped(db: Executor): Promise<Group[]> {
  return await allRows<Group>(db, sql`SELECT DISTINCT category_id AS categoryId, addressee FROM public_benchmarks WHERE benchmark_id IN ${RESCOPED_BENCHMARKS}`);
}

/**
 * The public rows of the stale benchmarks, stored again; with the groups (category × addressee) to
 * recount in full: those a benchmark whose scope changed was or is in, and a deleted benchmark's category.
 */
async function restoreStaleBenchmarks(db: Executor, titles: boolean): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  for (const g of await groupsOfRescoped(db)) groups.set(groupKey(g), g);
  await runSql(db, sql`DELETE FROM public_benchmarks WHERE benchmark_id IN ${STALE_BENCHMARKS}`);
  await runSql(db, sql`INSERT INTO public_benchmarks (benchmark_id, category_id, addressee, applies_from_date, retired_on, title, title_zh) ${PUBLIC_BENCHMARK_ROWS} AND b.id IN ${STALE_BENCHMARKS}`);
  if (titles) {
    // A name to withhold changed: every stored title is checked, and the changes copy them again.
    await withholdNamesInStoredTitles(db);
    // Rows of a benchmark no longer public are dropped with the stale benchmarks' changes (recountChanges).
    await runSql(db, sql`
      UPDATE public_changes SET title = (SELECT pb.title FROM public_benchmarks pb WHERE pb.benchmark_id = public_changes.benchmark_id),
                                title_zh = (SELECT pb.title_zh FROM public_benchmarks pb WHERE pb.benchmark_id = public_changes.benchmark_id)
       WHERE EXISTS (SELECT 1 FROM public_benchmarks pb WHERE pb.benchmark_id = public_changes.benchmark_id
                        AND (pb.title <> public_changes.title OR coalesce(pb.title_zh, '') <> coalesce(public_changes.title_zh, '')))`);
  } else {
    await withholdNamesInStoredTitles(db, STALE_BENCHMARKS);
  }
  for (const g of await groupsOfRescoped(db)) groups.set(groupKey(g), g);
  for (const { id } of await allRows<{ id: number }>(db, sql`SELECT id FROM public_stale WHERE kind = 'category'`)) {
    for (const addressee of ADDRESSEES) groups.set(`${id}:${addressee}`, { categoryId: id, addressee });
  }
  return groups;
}

type Contribution = Map<string, { roundId: number; categoryId: number; addressee: Addressee; counts: number[] }>;
const COUNTED = ["applicable", "met", "partial", "not_met", "regressed", "unknown", "demo"] as const;

/**
 * What the stale benchmarks add to the stored tallies of the rounds not recounted whole, counted by
 * the tallies' own SQL from their public rows (as stored: before or after restoreStaleBenchmarks).
 * Their scores at those rounds are unchanged (a score written marks its round stale), and so is their
 * scope (a scope written is recounted by group instead), so the difference is exactly their change.
 */
async function contributionOfStaleBenchmarks(db: Executor): Promise<Contribution> {
  const rows = await allRows<Record<(typeof COUNTED)[number] | "round_id" | "category_id", number> & { addressee: Addressee }>(db, tallySelect(
      sql`r.published_at IS NOT NULL AND r.id NOT IN ${STALE_ROUNDS}`,
      sql`pb.benchmark_id IN ${STALE_BENCHMARKS} AND pb.benchmark_id NOT IN ${RESCOPED_BENCHMARKS}`,
    ));
  return new Map(rows.map((r) => [`${r.round_id}:${r.category_id}:${r.addressee}`, { roundId: r.round_id, categoryId: r.category_id, addressee: r.addressee, counts: COUNTED.map((c) => r[c]) }]));
}

/** Adds `after - before` to the stored tallies; a group left with no benchmark goes, as a rebuild would never store it. */
async function applyDifference(db: Executor, before: Contribution, after: Contribution): Promise<void> {
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const { roundId, categoryId, addressee } = (now ?? was)!;
    const delta = COUNTED.map((_, i) => (now?.counts[i] ?? 0) - (was?.counts[i] ?? 0));
    if (delta.every((d) => d === 0)) continue;
    const [applicable, met, partial, notMet, regressed, unknown, demo] = delta;
    await runSql(db, sql`
      INSERT INTO public_tallies ${TALLY_COLUMNS} VALUES (${roundId}, ${categoryId}, ${addressee}, ${applicable}, ${met}, ${partial}, ${notMet}, ${regressed}, ${unknown}, ${demo})
      ON CONFLICT (round_id, category_id, addressee) DO UPDATE SET
        applicable = public_tallies.applicable + excluded.applicable, met = public_tallies.met + excluded.met, partial = public_tallies.partial + excluded.partial,
        not_met = public_tallies.not_met + excluded.not_met, regressed = public_tallies.regressed + excluded.regressed, unknown = public_tallies.unknown + excluded.unknown,
        demo = public_tallies.demo + excluded.demo`);
  }
  await runSql(db, sql`DELETE FROM public_tallies WHERE applicable = 0`);
}

async function recountTallies(db: Executor, staleRounds: ReadonlySet<number>, groups: ReadonlyMap<string, Group>): Promise<number> {
  await runSql(db, sql`DELETE FROM public_tallies WHERE round_id NOT IN (SELECT id FROM rounds WHERE published_at IS NOT NULL)`);
  let whole = 0;
  for (const round of await publishedRounds(db)) {
    if (staleRounds.has(round.id) || groups.size > GROUPS_BEFORE_WHOLE_ROUND) {
      await runSql(db, sql`DELETE FROM public_tallies WHERE round_id = ${round.id}`);
      await storeTallies(db, round.id);
      whole += 1;
      continue;
    }
    for (const group of groups.values()) {
      await runSql(db, sql`DELETE FROM public_tallies WHERE round_id = ${round.id} AND category_id = ${group.categoryId} AND addressee = ${group.addressee}`);
      await storeTallies(db, round.id, group);
    }
  }
  return whole;
}

/** The pairs of rounds public_changes holds rows for: one lookup per pair of rounds, not a read of every change. */
async function storedPairs(db: Executor): Promise<Set<string>> {
  const ids = (await allRows<{ id: number }>(db, sql`SELECT id FROM rounds`)).map((r) => r.id);
  const stored = new Set<string>();
  for (const r of ids) {
    for (const p of ids) {
      if (r !== p && (await oneRow(db, sql`SELECT 1 FROM public_changes WHERE round_id = ${r} AND previous_round_id = ${p} LIMIT 1`))) stored.add(`${r}:${p}`);
    }
  }
  return stored;
}

/**
 * The stored changes brought in line with the rounds compared now: a pair no longer compared goes;
 * a new pair, or one a stale round takes part in (as either round, as the round a change was
 * measured from, or between the two of a cross-track pair, where a scoped benchmark may now look
 * back to it), is counted again in full; every other pair is counted again for the stale benchmarks.
 */
async function recountChanges(db: Executor, staleRounds: ReadonlySet<number>, staleBenchmarks: number): Promise<void> {
  const pairs = await roundPairs(db);
  const published = new Map((await publishedRounds(db)).map((r) => [r.id, r]));
  const key = (r: number, p: number) => `${r}:${p}`;
  const wanted = new Set(pairs.map((p) => key(p.round.id, p.previous.id)));
  const measuredFromStale = new Set(
    staleRounds.size === 0
      ? []
      : (await allRows<{ r: number; p: number }>(db, sql`SELECT DISTINCT round_id AS r, previous_round_id AS p FROM public_changes WHERE from_round_id IN (${sql.join([...staleRounds].map((id) => sql`${id}`), sql`, `)})`))
          .map((x) => key(x.r, x.p)),
  );
  const between = (round: PublishedRound, previous: PublishedRound) =>
    round.trackId !== previous.trackId &&
    [...staleRounds].some((id) => {
      const stale = published.get(id);
      return stale !== undefined && stale.startDate <= round.startDate && stale.startDate >= previous.startDate;
    });
  const redoInFull = (round: PublishedRound, previous: PublishedRound) =>
    staleRounds.has(round.id) || staleRounds.has(previous.id) || measuredFromStale.has(key(round.id, previous.id)) || between(round, previous);

  const stored = await storedPairs(db);
  for (const k of stored) {
    const [r, p] = k.split(":").map(Number) as [number, number];
    const round = published.get(r);
    const previous = published.get(p);
    if (!wanted.has(k) || !round || !previous || redoInFull(round, previous)) {
      await runSql(db, sql`DELETE FROM public_changes WHERE round_id = ${r} AND previous_round_id = ${p}`);
      stored.delete(k);
    }
  }
  if (staleBenchmarks > 0) await runSql(db, sql`DELETE FROM public_changes WHERE benchmark_id IN ${STALE_BENCHMARKS}`);
  for (const { round, previous } of pairs) {
    if (!stored.has(key(round.id, previous.id))) await storeChanges(db, round, previous);
    else if (staleBenchmarks > 0) await storeChanges(db, round, previous, sql`now.benchmark_id IN ${STALE_BENCHMARKS}`);
  }
}

/**
 * On PostgreSQL, where several instances' transactions run side by side (READ COMMITTED), a refresh
 * first takes the data version's row: every public write raises that version through its triggers,
 * so while the refresh holds the row no other public write can commit, and a second refresh waits
 * and then finds what the first left stale (nothing, or what was written since). Without it two
 * refreshes counted the same stale rows twice, and a write committed half-way through one was
 * counted in part and then forgotten. SQLite's write transactions (BEGIN IMMEDIATE) never overlap.
 */
async function holdPublicWrites(db: Executor): Promise<void> {
  if (usesPostgres()) await runSql(db, sql`SELECT version FROM data_version WHERE id = 1 FOR UPDATE`);
}

/** Recounts what public_stale names, inside the caller's write transaction. */
async function refreshInPlace(db: Executor): Promise<RefreshSummary> {
  await holdPublicWrites(db);
  const { version, talliesVersion } = await readDataVersionNow(db);
  if (talliesVersion < 0) {
    await rebuildInPlace(db);
    return { rebuilt: true, benchmarks: 0, rounds: 0 };
  }
  const kinds = await allRows<{ kind: string; n: number }>(db, sql`SELECT kind, count(*) AS n FROM public_stale GROUP BY kind`);
  if (kinds.length === 0) {
    // Only tables no aggregate is built from were written (or nothing): the aggregates stand.
    if (version !== talliesVersion) await markAggregatesCurrent(db);
    return { rebuilt: false, benchmarks: 0, rounds: 0 };
  }
  const staleRounds = new Set((await allRows<{ id: number }>(db, sql`SELECT id FROM public_stale WHERE kind = 'round'`)).map((r) => r.id));
  await markBenchmarksOfStaleRounds(db);
  const before = await contributionOfStaleBenchmarks(db);
  const groups = await restoreStaleBenchmarks(db, kinds.some((k) => k.kind === "titles"));
  await applyDifference(db, before, await contributionOfStaleBenchmarks(db));
  const benchmarks = (await oneRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM public_stale WHERE kind = 'benchmark'`))?.n ?? 0;
  const rounds = await recountTallies(db, staleRounds, groups);
  await recountChanges(db, staleRounds, benchmarks);
  await markAggregatesCurrent(db);
  return { rebuilt: false, benchmarks, rounds };
}

async function needsRefresh(db: Executor): Promise<boolean> {
  const row = await oneRow<{ current: number; stale: number }>(db, sql`SELECT (SELECT version = tallies_version FROM data_version WHERE id = 1) AS current, EXISTS (SELECT 1 FROM public_stale) AS stale`);
  return !row || row.current !== 1 || row.stale === 1;
}

/**
 * Brings the aggregates up to date with what the writes since the last refresh made stale. Every
 * writer calls it after its writes (in its transaction, or after it commits); cheap when nothing is stale.
 */
export async function refreshPublishedAggregates(db: Executor): Promise<RefreshSummary> {
  // Most actions write nothing public: no write lock for them.
  if (!(await needsRefresh(db))) return { rebuilt: false, benchmarks: 0, rounds: 0 };
  return transaction(db, (tx) => refreshInPlace(tx));
}

/** Counts every aggregate from scratch (after a bulk load, or to check the incremental refresh). */
export async function rebuildPublishedAggregates(db: Executor): Promise<void> {
  await transaction(db, (tx) => rebuildInPlace(tx));
}

/**
 * For start-up (db/prepare.ts), the seed loaders and a publication's own transaction (review.ts
 * publishRound): refreshes inside the transaction already open, or in one of
 * its own. `rebuild` counts everything again.
 */
export async function refreshPublishedAggregatesNow(db: Executor, options: { rebuild?: boolean } = {}): Promise<RefreshSummary> {
  return transaction(db, async (tx) => {
    if (!options.rebuild) return refreshInPlace(tx);
    await rebuildInPlace(tx);
    return { rebuilt: true, benchmarks: 0, rounds: 0 };
  });
}

/**
 * After a round is published, inside the publishing transaction: what the publication wrote (its
 * scores, the round, benchmarks that apply from it) is in public_stale, and is recounted now, so the
 * figures the transaction reads next are the published ones. `versionBefore` is no longer needed.
 */
export async function refreshAggregatesAfterPublishing(tx: Executor, _roundId: number, _versionBefore?: unknown): Promise<void> {
  await refreshPublishedAggregatesNow(tx);
}
