// node --conditions=react-server --import tsx scripts/bench-releases.ts --db <file> [--changes 100] [--skip-as-of]
// What releases cost at scale, on a copy you can spare (it writes a correction release): the rows
// the first release holds, the rows, bytes and time a one-round correction adds (the bytes the release
// tables and their indexes hold before and after, by SQLite's dbstat, against the whole database's),
// and the dashboard summary as of an old release (counted live from release rows) against the current
// one (stored tallies); --skip-as-of leaves out those last timings, minutes each at scale.
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensureFirstRelease, recordRelease } from "@/db/commands/releases";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { transaction } from "@/db/transaction";

const { values } = parseArgs({ options: { db: { type: "string" }, changes: { type: "string", default: "100" }, "skip-as-of": { type: "boolean", default: false } } });
if (!values.db) throw new Error("--db <file>");
const db = openDatabase(values.db);
await migrateDatabase(db);
const sqlite = db.$client;
const n = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
};

const [, firstMs] = await time(() => transaction(db, (tx) => ensureFirstRelease(tx)));
const round = sqlite.prepare("SELECT id FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC, id DESC LIMIT 1").get() as { id: number };
const before = n("SELECT count(*) AS n FROM release_scores");
/** Bytes in use: the release tables with their indexes (dbstat), and the whole database (pages not free). */
const releaseBytes = () => n("SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name IN ('releases', 'release_rounds', 'release_scores'))");
const databaseBytes = () => n("SELECT (page_count - freelist_count) * page_size AS n FROM pragma_page_count, pragma_freelist_count, pragma_page_size");
const bytesBefore = { release: releaseBytes(), database: databaseBytes() };
// A correction of one round: `changes` of its published scores move to another status, then the release.
const [recorded, correctionMs] = await time(() =>
  transaction(db, async (tx) => {
    sqlite
      .prepare(`UPDATE published_scores SET status = CASE status WHEN 'met' THEN 'partial' ELSE 'met' END WHERE round_id = ? AND benchmark_id IN (SELECT benchmark_id FROM published_scores WHERE round_id = ? ORDER BY benchmark_id LIMIT ?)`)
      .run(round.id, round.id, Number(values.changes));
    return recordRelease(tx, { roundIds: [round.id], firstTime: new Set(), userId: null, note: "bench correction" });
  }),
);
// Measured before the aggregates are refreshed, which rewrites tallies that are not part of the release.
const bytesAfter = { release: releaseBytes(), database: databaseBytes() };
const { refreshPublishedAggregatesNow } = await import("@/db/commands/published-aggregates");
await refreshPublishedAggregatesNow(db);
const results: Record<string, unknown> = {
  publishedScores: n("SELECT count(*) AS n FROM published_scores"),
  firstReleaseRows: before,
  firstReleaseMs: firstMs,
  correction: { ...recorded, rowsAdded: n("SELECT count(*) AS n FROM release_scores") - before, ms: correctionMs },
  bytes: {
    releaseTablesBefore: bytesBefore.release,
    releaseTablesAdded: bytesAfter.release - bytesBefore.release,
    databaseBefore: bytesBefore.database,
    databaseAdded: bytesAfter.database - bytesBefore.database,
  },
};
for (const [label, options] of [
  ["figures only (API summary)", { figuresOnly: true }],
  ["dashboard (heat map 200 rows, 20 changes)", { heatMapLimit: 200, changesLimit: 20 }],
] as const) {
  if (values["skip-as-of"]) break;
  await getDashboardSummary(db, {}, options);
  const [, current] = await time(() => getDashboardSummary(db, {}, options));
  const [, asOfLatest] = await time(() => getDashboardSummary(db, {}, { ...options, release: recorded.number }));
  const [, asOfFirst] = await time(() => getDashboardSummary(db, {}, { ...options, release: 1 }));
  results[label] = { currentMs: current, asOfLatestReleaseMs: asOfLatest, asOfFirstReleaseMs: asOfFirst };
}
console.log(JSON.stringify(results, null, 2));
sqlite.close();
