import { describe, expect, it } from "vitest";
import { rawAll, rawCount, rawGet, rawRun } from "@/db/testing/raw-sql";
import { buildDashboard } from "@/lib/dashboard";
import { isPreliminary } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { openDatabase, type Db } from "../client";
import { usesPostgres } from "../dialect";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { generateScaleData } from "../seed/scale";
import { rebuildPublishedAggregates, refreshPublishedAggregates } from "../commands/published-aggregates";
import { getDashboardData } from "./dashboard";
import { getDashboardSummary } from "./dashboard-summary";
import { resolveFilters } from "./filters";
import { readDataVersion } from "./published-aggregates";
import { publishRound } from "../commands/publishing";

async function seeded(fill: (db: Db) => unknown): Promise<Db> {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await fill(db);
  return db;
}

/** The reference: every figure computed in JavaScript from the whole published matrix. */
async function reference(db: Db, filters: DashboardFilters, heatMapLimit: number) {
  const data = await getDashboardData(db, filters);
  const d = buildDashboard({ ...data, heatMapLimit });
  const count = (direction: "up" | "down") => d.changes.filter((c) => c.direction === direction).length;
  return { ...d, changeCounts: { up: count("up"), down: count("down") }, unmatched: data.unmatched, dataVersion: data.dataVersion, hasDemo: data.hasDemo };
}

async function expectSameFigures(db: Db, filters: DashboardFilters, heatMapLimit = 40) {
  const fromSql = await getDashboardSummary(db, filters, { heatMapLimit });
  const expected = await reference(db, filters, heatMapLimit);
  expect(fromSql.series).toEqual(expected.series);
  expect(fromSql.byCategory).toEqual(expected.byCategory);
  expect(fromSql.byAddressee).toEqual(expected.byAddressee);
  expect(fromSql.heatMap).toEqual(expected.heatMap);
  expect([fromSql.heatMapShown, fromSql.heatMapTotal]).toEqual([expected.heatMapShown, expected.heatMapTotal]);
  expect(fromSql.changes).toEqual(expected.changes);
  expect(fromSql.changeCounts).toEqual(expected.changeCounts);
  expect([fromSql.unmatched, fromSql.dataVersion, fromSql.hasDemo]).toEqual([expected.unmatched, expected.dataVersion, expected.hasDemo]);
  return fromSql;
}

const AGGREGATES = {
  public_benchmarks: "benchmark_id",
  public_tallies: "round_id, category_id, addressee",
  public_changes: "round_id, previous_round_id, benchmark_id",
};

async function aggregates(db: Db) {
  return Promise.all(Object.entries(AGGREGATES).map(([table, order]) => rawAll(db, `SELECT * FROM ${table} ORDER BY ${order}`)));
}

/** The writer's refresh after a raw write, checked against a rebuild from scratch. */
async function refreshed(db: Db) {
  const summary = await refreshPublishedAggregates(db);
  const incremental = await aggregates(db);
  await rebuildPublishedAggregates(db);
  expect(await aggregates(db)).toEqual(incremental);
  return summary;
}

async function firstSlug(db: Db, sql: string): Promise<string> {
  return (await rawGet<{ slug: string }>(db, sql))!.slug;
}

const slugs = async (db: Db, sql: string) => rawAll<{ slug: string }>(db, sql);

describe("the dashboard summed in SQL agrees with the reference computed from the whole matrix", async () => {
  const seed = await seeded(async (db) => await loadSeed(db));
  const scale = await seeded(async (db) => await generateScaleData(db, { benchmarks: 500, rounds: 10, reviewers: 3, seed: 11 }));

  for (const [name, db] of [
    ["the seed", seed],
    ["generated data", scale],
  ] as const) {
    it(`on ${name}, unfiltered and with each filter`, async () => {
      const whole = await expectSameFigures(db, {});
      expect(whole.series.length).toBeGreaterThan(1);
      expect(whole.latest?.applicable).toBeGreaterThan(0);
      const rounds = await slugs(db, "SELECT slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date");
      await expectSameFigures(db, { track: await firstSlug(db, "SELECT t.slug FROM tracks t JOIN rounds r ON r.track_id = t.id GROUP BY t.id ORDER BY COUNT(*) DESC") });
      await expectSameFigures(db, { category: await firstSlug(db, "SELECT slug FROM categories ORDER BY position DESC") });
      await expectSameFigures(db, { addressee: "chinese_government" });
      await expectSameFigures(db, { from: rounds[1]!.slug, to: rounds.at(-2)!.slug });
      await expectSameFigures(db, { statement: await firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });
      // The narrow views: a person, a law, and a statement with a category.
      for (const kind of ["person", "law"]) {
        const subject = await rawGet<{ slug: string }>(db, "SELECT s.slug FROM subjects s JOIN benchmark_subjects bs ON bs.subject_id = s.id WHERE s.confidential = 0 AND s.kind = ? GROUP BY s.id ORDER BY COUNT(*) DESC", kind);
        if (subject) await expectSameFigures(db, { subject: subject.slug });
      }
      await expectSameFigures(db, {
        subject: await firstSlug(db, "SELECT s.slug FROM subjects s JOIN benchmark_subjects bs ON bs.subject_id = s.id WHERE s.confidential = 0 GROUP BY s.id ORDER BY COUNT(*) DESC"),
      });
      await expectSameFigures(db, {
        statement: await firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC"),
        category: await firstSlug(db, "SELECT c.slug FROM categories c JOIN benchmarks b ON b.category_id = c.id GROUP BY c.id ORDER BY COUNT(*) DESC"),
      });
      // A statement with more links than its category and addressee hold benchmarks: tested benchmark by benchmark.
      const largest = await firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC");
      const smallest = (await rawGet<{ slug: string; addressee: DashboardFilters["addressee"] }>(
        db,
        "SELECT c.slug, pb.addressee FROM public_benchmarks pb JOIN categories c ON c.id = pb.category_id GROUP BY c.id, pb.addressee ORDER BY COUNT(*), c.slug LIMIT 1",
      ))!;
      const narrowed = { statement: largest, category: smallest.slug, addressee: smallest.addressee };
      expect((await resolveFilters(db, narrowed)).statementPerBenchmark).toBe(true);
      expect((await resolveFilters(db, { statement: largest })).statementPerBenchmark).toBeUndefined();
      await expectSameFigures(db, narrowed);
      await expectSameFigures(db, { category: "no-such-category" });
    });
  }

  it("applies each benchmark only at the rounds of its scope, and compares it with its previous applicable round", async () => {
    const db = await seeded(async (d) => await loadSeed(d));
    const id = async (sql: string) => (await rawGet<{ id: number }>(db, sql))!.id;
    const liuXia = await id("SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'");
    const dialogue2015 = await id("SELECT id FROM rounds WHERE slug = 'uschrd-2015-washington'");
    const hrc37 = await id("SELECT id FROM rounds WHERE slug = 'hrc-37'");
    const review = await id("SELECT id FROM rounds WHERE slug = 'upr-china-2018'");
    const before = await expectSameFigures(db, {});
    // Scope the release of Liu Xia to the dialogue and the review after it was scored at every round:
    // its Council scores stay in the history and leave every figure.
    await rawRun(db, "INSERT INTO benchmark_tracks (benchmark_id, track_id) SELECT ?, id FROM tracks WHERE slug IN ('us-china-dialogue', 'upr')", liuXia);
    await refreshed(db);
    const after = await expectSameFigures(db, {}, 100);
    const at = (d: typeof before, roundId: number) => d.series.find((r) => r.round.id === roundId)!;
    expect(at(after, hrc37).applicable).toBe(at(before, hrc37).applicable - 1);
    expect(at(after, review).applicable).toBe(at(before, review).applicable);
    // The review follows three Council sessions: the release (met there) is compared with the 2015 dialogue round.
    expect(after.changes.find((c) => c.benchmark.id === liuXia)).toMatchObject({ fromRoundId: dialogue2015, from: "not_met", to: "met", direction: "up" });
    expect(before.changes.find((c) => c.benchmark.id === liuXia)).toMatchObject({ fromRoundId: hrc37 });
    const cells = after.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === liuXia)!.cells;
    expect(cells.filter((c) => c.status === "n/a").length).toBe(5);
    // Views that leave the 2015 round out have nothing to compare it with; one of the two tracks compares within it.
    const ranged = await expectSameFigures(db, { from: "hrc-31", to: "upr-china-2018" });
    expect(ranged.changes.some((c) => c.benchmark.id === liuXia)).toBe(false);
    for (const track of ["us-china-dialogue", "un-hrc", "upr"]) await expectSameFigures(db, { track });
    await expectSameFigures(db, { subject: "liu-xia" });
    await expectSameFigures(db, { category: "release-of-detained-people" });
    // A dialogue-only demand never counts at a Council session.
    const regularly = await id("SELECT id FROM benchmarks WHERE slug = 'dialogue-held-regularly'");
    expect(after.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === regularly)!.cells.map((c) => c.status)).toEqual(["n/a", "n/a", "not_met", "n/a", "n/a", "n/a", "n/a"]);
  });

  it("agrees on generated data where scopes were narrowed after scoring", async () => {
    const db = await seeded(async (d) => await generateScaleData(d, { benchmarks: 400, rounds: 9, reviewers: 2, seed: 21 }));
    const latest = (await rawGet<{ id: number; trackId: number }>(db, "SELECT id, track_id AS trackId FROM rounds ORDER BY start_date DESC LIMIT 1"))!;
    // Some scored at the latest round move to another track (their scores there go stale), some to the
    // latest round's track alone (they skip the rounds of the others when compared).
    const narrow = (trackId: number, limit: number) =>
      rawRun(
        db,
        `INSERT INTO benchmark_tracks (benchmark_id, track_id) SELECT ps.benchmark_id, ? FROM published_scores ps
          WHERE ps.round_id = ? AND NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = ps.benchmark_id) ORDER BY ps.benchmark_id LIMIT ?`,
        trackId,
        latest.id,
        limit,
      );
    const otherTrack = (await rawGet<{ id: number }>(db, "SELECT id FROM tracks WHERE id <> ? ORDER BY id LIMIT 1", latest.trackId))!.id;
    await narrow(otherTrack, 40);
    await narrow(latest.trackId, 120);
    await refreshed(db);
    const whole = await expectSameFigures(db, {});
    expect(whole.changes.some((c) => c.fromRoundId !== whole.previous!.round.id)).toBe(true);
    const rounds = await slugs(db, "SELECT slug FROM rounds ORDER BY start_date");
    await expectSameFigures(db, { from: rounds[3]!.slug, to: rounds.at(-1)!.slug });
    for (const track of await slugs(db, "SELECT slug FROM tracks")) await expectSameFigures(db, { track: track.slug });
    await expectSameFigures(db, { statement: await firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });
  });

  it("lists at most the requested number of changes per direction but counts them all", async () => {
    const full = await getDashboardSummary(scale, {});
    const capped = await getDashboardSummary(scale, {}, { changesLimit: 3 });
    expect(full.changeCounts.up + full.changeCounts.down).toBe(full.changes.length);
    expect(full.changeCounts.up).toBeGreaterThan(3);
    expect(capped.changeCounts).toEqual(full.changeCounts);
    expect(capped.changes.filter((c) => c.direction === "up")).toEqual(full.changes.filter((c) => c.direction === "up").slice(0, 3));
  });

  it("pages the heat map and the changes: the pages together hold every row once, in the order of the whole", async () => {
    const full = await getDashboardSummary(scale, {});
    const rowsOf = (d: { heatMap: Array<{ categorySlug: string; rows: Array<{ benchmark: { id: number }; cells: unknown[] }> }> }) =>
      d.heatMap.flatMap((g) => g.rows.map((r) => ({ category: g.categorySlug, id: r.benchmark.id, cells: r.cells })));
    const size = 7;
    const pages = [];
    for (let offset = 0; offset < full.heatMapTotal + size; offset += size) {
      const page = await getDashboardSummary(scale, {}, { heatMapLimit: size, heatMapOffset: offset, changesLimit: 0 });
      expect(page.heatMapTotal).toBe(full.heatMapTotal);
      expect(page.heatMapShown).toBe(Math.max(0, Math.min(size, full.heatMapTotal - offset)));
      pages.push(...rowsOf(page));
    }
    // A page may start inside one category and end in another: the concatenation is the whole heat map.
    expect(pages).toEqual(rowsOf(full));
    const perDirection = (d: typeof full, direction: "up" | "down") => d.changes.filter((c) => c.direction === direction).map((c) => c.benchmark.id);
    const second = await getDashboardSummary(scale, {}, { changesLimit: 2, changesOffset: 2 });
    expect(second.changeCounts).toEqual(full.changeCounts);
    for (const direction of ["up", "down"] as const) expect(perDirection(second, direction)).toEqual(perDirection(full, direction).slice(2, 4));
  });

  it("readers never write: a public change shows once its writer refreshes, which recounts only what it touched", async () => {
    const before = await expectSameFigures(scale, {});
    const { version } = await readDataVersion(scale);
    // A benchmark that applies at the latest round becomes confidential: it must leave every figure.
    const hidden = before.heatMap[0]!.rows.find((r) => r.cells.at(-1)!.status !== "n/a")!.benchmark;
    await rawRun(scale, "UPDATE benchmarks SET confidential = 1 WHERE id = ?", hidden.id);
    expect((await readDataVersion(scale)).version).toBeGreaterThan(version);
    // Until then a reader reads the last refreshed figures, and writes nothing: on SQLite the connection's
    // count of changed rows stays; on both, the aggregates, the queue of stale rows and the versions.
    const writesSoFar = async () => (usesPostgres() ? 0 : await rawCount(scale, "SELECT total_changes() AS n"));
    const state = async () => ({ writes: await writesSoFar(), aggregates: await aggregates(scale), stale: await rawCount(scale, "SELECT count(*) AS n FROM public_stale"), versions: await readDataVersion(scale) });
    const unread = await state();
    expect((await getDashboardSummary(scale, {})).latest).toEqual(before.latest);
    expect(await state()).toEqual(unread);
    expect((await readDataVersion(scale)).talliesVersion).toBeLessThan((await readDataVersion(scale)).version);
    expect(await refreshed(scale)).toMatchObject({ rebuilt: false, benchmarks: 1, rounds: 0 });
    const after = await expectSameFigures(scale, {});
    expect(after.latest!.applicable).toBe(before.latest!.applicable - 1);
    expect((await readDataVersion(scale)).talliesVersion).toBe((await readDataVersion(scale)).version);
    await rawRun(scale, "UPDATE benchmarks SET confidential = 0 WHERE id = ?", hidden.id);
    await refreshed(scale);
    expect((await expectSameFigures(scale, {})).latest).toEqual(before.latest);
  });

  it("refreshes incrementally after each kind of public write, to what a rebuild counts", async () => {
    const db = await seeded(async (d) => await generateScaleData(d, { benchmarks: 300, rounds: 8, reviewers: 2, seed: 13 }));
    const one = async (q: string) => (await rawGet<{ id: number }>(db, q))!.id;
    const benchmark = await one("SELECT id FROM benchmarks WHERE confidential = 0 ORDER BY id LIMIT 1 OFFSET 7");
    const otherCategory = await one(`SELECT id FROM categories WHERE id <> (SELECT category_id FROM benchmarks WHERE id = ${benchmark}) LIMIT 1`);
    const round = await one("SELECT id FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date LIMIT 1 OFFSET 3");
    const run = (q: string, ...params: unknown[]) => () => rawRun(db, q, ...params);
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["a title", run("UPDATE benchmarks SET title = 'Zzz moved to the end' WHERE id = ?", benchmark)],
      ["a category and addressee", run("UPDATE benchmarks SET category_id = ?, addressee = 'us_government' WHERE id = ?", otherCategory, benchmark)],
      ["a retirement", run("UPDATE benchmarks SET retired_on = (SELECT start_date FROM rounds WHERE id = ?) WHERE id = ?", round, benchmark)],
      ["a scope", run("INSERT INTO benchmark_tracks (benchmark_id, track_id) SELECT ?, track_id FROM rounds WHERE id = ?", benchmark, round)],
      ["a published score", run("UPDATE published_scores SET status = 'regressed' WHERE round_id = ? AND benchmark_id IN (SELECT benchmark_id FROM published_scores WHERE round_id = ? LIMIT 5)", round, round)],
      ["a confidential person", run("UPDATE subjects SET confidential = 1 WHERE id = (SELECT subject_id FROM benchmark_subjects LIMIT 1)")],
      ["a withdrawn round", run("UPDATE rounds SET published_at = NULL WHERE id = ?", round)],
      ["a republished round", run("UPDATE rounds SET published_at = '2026-02-01T00:00:00.000Z' WHERE id = ?", round)],
      ["the threshold", run("UPDATE publication_settings SET min_coverage_percent = 95")],
      ["a deleted benchmark", async () => {
        for (const table of ["published_scores", "benchmark_tracks", "benchmark_sources", "benchmark_subjects", "assessments"]) await rawRun(db, `DELETE FROM ${table} WHERE benchmark_id = ?`, benchmark);
        await rawRun(db, "DELETE FROM benchmarks WHERE id = ?", benchmark);
      }],
      ["a statement only (no aggregate)", run("UPDATE statements SET title = title || '.' WHERE id = (SELECT min(id) FROM statements)")],
    ];
    for (const [what, write] of writes) {
      await write();
      expect(await rawCount(db, "SELECT count(*) AS n FROM public_stale"), what).toBeGreaterThanOrEqual(what.includes("no aggregate") ? 0 : 1);
      await refreshed(db);
      expect(await rawCount(db, "SELECT count(*) AS n FROM public_stale"), what).toBe(0);
      await expectSameFigures(db, {});
    }
  });

  it("after publishing a round, refreshes only what that round touches, and the figures stay right", async () => {
    const db = await seeded(async (d) => await generateScaleData(d, { benchmarks: 300, rounds: 8, reviewers: 3, seed: 5 }));
    const middle = (await rawGet<{ id: number }>(db, "SELECT id FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date LIMIT 1 OFFSET 4"))!;
    const editor = (await rawGet<{ id: string }>(db, "SELECT id FROM users LIMIT 1"))!;
    // Withdraw a round from publication, as if it had never been published, then publish it again.
    await rawRun(db, "DELETE FROM published_scores WHERE round_id = ?", middle.id);
    await rawRun(db, "UPDATE rounds SET published_at = NULL WHERE id = ?", middle.id);
    await refreshed(db);
    const withdrawn = await expectSameFigures(db, {});
    const rebuiltAt = await readDataVersion(db);
    expect(rebuiltAt.talliesVersion).toBe(rebuiltAt.version);
    const result = await publishRound(db, middle.id, editor.id);
    expect(result.published).toBeGreaterThan(0);
    // Current without a full rebuild: the publication brought the aggregates up to date itself.
    const after = await readDataVersion(db);
    expect(after.version).toBeGreaterThan(rebuiltAt.version);
    expect(after.talliesVersion).toBe(after.version);
    const republished = await expectSameFigures(db, {});
    expect(republished.series.length).toBe(withdrawn.series.length + 1);
    for (const track of await slugs(db, "SELECT slug FROM tracks")) await expectSameFigures(db, { track: track.slug });
  });
});

describe("preliminary rounds", () => {
  it("are marked in both engines, and no change is measured against them", async () => {
    const db = await seeded(async (d) => await generateScaleData(d, { benchmarks: 300, rounds: 8, reviewers: 3, seed: 9 }));
    const published = await rawAll<{ id: number; slug: string; trackId: number }>(db, "SELECT id, slug, track_id AS trackId FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date, id");
    // The round before the latest loses most of its scores: its figures become preliminary.
    const thin = published.at(-2)!;
    await rawRun(db, "DELETE FROM published_scores WHERE round_id = ? AND benchmark_id % 5 <> 0", thin.id);
    await refreshed(db);
    const whole = await expectSameFigures(db, {});
    expect(whole.series.find((s) => s.round.id === thin.id)?.preliminary).toBe(true);
    expect(whole.series.filter((s) => s.preliminary).map((s) => s.round.id)).toEqual([thin.id]);
    // The flag against the rule applied to coverage computed from the whole matrix.
    const matrix = buildDashboard(await getDashboardData(db, {}));
    expect(matrix.series.filter((s) => isPreliminary(s, 0.6)).map((s) => s.round.id)).toEqual([thin.id]);
    expect(whole.previous?.round.id).toBe(published.at(-3)!.id);
    expect(whole.changeCounts.up + whole.changeCounts.down).toBeGreaterThan(0);
    for (const track of await slugs(db, "SELECT slug FROM tracks")) await expectSameFigures(db, { track: track.slug });
    await expectSameFigures(db, { statement: await firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });

    // Lowering the threshold below its coverage makes it an ordinary round again.
    await rawRun(db, "UPDATE publication_settings SET min_coverage_percent = 5");
    await refreshed(db);
    const lowered = await expectSameFigures(db, {});
    expect(lowered.series.some((s) => s.preliminary)).toBe(false);
    expect(lowered.previous?.round.id).toBe(thin.id);
  });
});
