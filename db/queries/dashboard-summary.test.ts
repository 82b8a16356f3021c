import { describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard";
import { isPreliminary } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { generateScaleData } from "../seed/scale";
import { getDashboardData } from "./dashboard";
import { getDashboardSummary } from "./dashboard-summary";
import { readDataVersion } from "./published-aggregates";
import { publishRound } from "../commands/publishing";

function seeded(fill: (db: Db) => void): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  fill(db);
  return db;
}

/** The reference: every figure computed in JavaScript from the whole published matrix. */
function reference(db: Db, filters: DashboardFilters, heatMapLimit: number) {
  const data = getDashboardData(filters, db);
  const d = buildDashboard({ ...data, heatMapLimit });
  const count = (direction: "up" | "down") => d.changes.filter((c) => c.direction === direction).length;
  return { ...d, changeCounts: { up: count("up"), down: count("down") }, unmatched: data.unmatched, dataVersion: data.dataVersion, hasDemo: data.hasDemo };
}

function expectSameFigures(db: Db, filters: DashboardFilters, heatMapLimit = 40) {
  const fromSql = getDashboardSummary(filters, { heatMapLimit }, db);
  const expected = reference(db, filters, heatMapLimit);
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

function firstSlug(db: Db, sql: string): string {
  return (db.$client.prepare(sql).get() as { slug: string }).slug;
}

describe("the dashboard summed in SQL agrees with the reference computed from the whole matrix", () => {
  const seed = seeded((db) => loadSeed(db));
  const scale = seeded((db) => generateScaleData(db.$client, { benchmarks: 500, rounds: 10, reviewers: 3, seed: 11 }));

  for (const [name, db] of [
    ["the seed", seed],
    ["generated data", scale],
  ] as const) {
    it(`on ${name}, unfiltered and with each filter`, async () => {
      const whole = expectSameFigures(db, {});
      expect(whole.series.length).toBeGreaterThan(1);
      expect(whole.latest?.applicable).toBeGreaterThan(0);
      const rounds = db.$client.prepare("SELECT slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date").all() as Array<{ slug: string }>;
      expectSameFigures(db, { track: firstSlug(db, "SELECT t.slug FROM tracks t JOIN rounds r ON r.track_id = t.id GROUP BY t.id ORDER BY COUNT(*) DESC") });
      expectSameFigures(db, { category: firstSlug(db, "SELECT slug FROM categories ORDER BY position DESC") });
      expectSameFigures(db, { addressee: "chinese_government" });
      expectSameFigures(db, { from: rounds[1]!.slug, to: rounds.at(-2)!.slug });
      expectSameFigures(db, { statement: firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });
      expectSameFigures(db, {
        subject: firstSlug(db, "SELECT s.slug FROM subjects s JOIN benchmark_subjects bs ON bs.subject_id = s.id WHERE s.confidential = 0 GROUP BY s.id ORDER BY COUNT(*) DESC"),
      });
      expectSameFigures(db, { category: "no-such-category" });
    });
  }

  it("applies each benchmark only at the rounds of its scope, and compares it with its previous applicable round", async () => {
    const db = seeded((d) => loadSeed(d));
    const id = (sql: string) => (db.$client.prepare(sql).get() as { id: number }).id;
    const liuXia = id("SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'");
    const dialogue2015 = id("SELECT id FROM rounds WHERE slug = 'uschrd-2015-washington'");
    const hrc37 = id("SELECT id FROM rounds WHERE slug = 'hrc-37'");
    const review = id("SELECT id FROM rounds WHERE slug = 'upr-china-2018'");
    const before = expectSameFigures(db, {});
    // Scope the release of Liu Xia to the dialogue and the review after it was scored at every round:
    // its Council scores stay in the history and leave every figure.
    db.$client.prepare("INSERT INTO benchmark_tracks (benchmark_id, track_id) SELECT ?, id FROM tracks WHERE slug IN ('us-china-dialogue', 'upr')").run(liuXia);
    const after = expectSameFigures(db, {}, 100);
    const at = (d: typeof before, roundId: number) => d.series.find((r) => r.round.id === roundId)!;
    expect(at(after, hrc37).applicable).toBe(at(before, hrc37).applicable - 1);
    expect(at(after, review).applicable).toBe(at(before, review).applicable);
    // The review follows three Council sessions: the release (met there) is compared with the 2015 dialogue round.
    expect(after.changes.find((c) => c.benchmark.id === liuXia)).toMatchObject({ fromRoundId: dialogue2015, from: "not_met", to: "met", direction: "up" });
    expect(before.changes.find((c) => c.benchmark.id === liuXia)).toMatchObject({ fromRoundId: hrc37 });
    const cells = after.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === liuXia)!.cells;
    expect(cells.filter((c) => c.status === "n/a").length).toBe(5);
    // Views that leave the 2015 round out have nothing to compare it with; one of the two tracks compares within it.
    const ranged = expectSameFigures(db, { from: "hrc-31", to: "upr-china-2018" });
    expect(ranged.changes.some((c) => c.benchmark.id === liuXia)).toBe(false);
    for (const track of ["us-china-dialogue", "un-hrc", "upr"]) expectSameFigures(db, { track });
    expectSameFigures(db, { subject: "liu-xia" });
    expectSameFigures(db, { category: "release-of-detained-people" });
    // A dialogue-only demand never counts at a Council session.
    const regularly = id("SELECT id FROM benchmarks WHERE slug = 'dialogue-held-regularly'");
    expect(after.heatMap.flatMap((g) => g.rows).find((r) => r.benchmark.id === regularly)!.cells.map((c) => c.status)).toEqual(["n/a", "n/a", "not_met", "n/a", "n/a", "n/a", "n/a"]);
  });

  it("agrees on generated data where scopes were narrowed after scoring", async () => {
    const db = seeded((d) => generateScaleData(d.$client, { benchmarks: 400, rounds: 9, reviewers: 2, seed: 21 }));
    const latest = db.$client.prepare("SELECT id, track_id AS trackId FROM rounds ORDER BY start_date DESC LIMIT 1").get() as { id: number; trackId: number };
    // Some scored at the latest round move to another track (their scores there go stale), some to the
    // latest round's track alone (they skip the rounds of the others when compared).
    const narrow = db.$client.prepare(
      `INSERT INTO benchmark_tracks (benchmark_id, track_id) SELECT ps.benchmark_id, ? FROM published_scores ps
        WHERE ps.round_id = ? AND NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = ps.benchmark_id) ORDER BY ps.benchmark_id LIMIT ?`,
    );
    const otherTrack = (db.$client.prepare("SELECT id FROM tracks WHERE id <> ? ORDER BY id LIMIT 1").get(latest.trackId) as { id: number }).id;
    narrow.run(otherTrack, latest.id, 40);
    narrow.run(latest.trackId, latest.id, 120);
    const whole = expectSameFigures(db, {});
    expect(whole.changes.some((c) => c.fromRoundId !== whole.previous!.round.id)).toBe(true);
    const rounds = db.$client.prepare("SELECT slug FROM rounds ORDER BY start_date").all() as Array<{ slug: string }>;
    expectSameFigures(db, { from: rounds[3]!.slug, to: rounds.at(-1)!.slug });
    for (const track of db.$client.prepare("SELECT slug FROM tracks").all() as Array<{ slug: string }>) expectSameFigures(db, { track: track.slug });
    expectSameFigures(db, { statement: firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });
  });

  it("lists at most the requested number of changes per direction but counts them all", async () => {
    const full = getDashboardSummary({}, {}, scale);
    const capped = getDashboardSummary({}, { changesLimit: 3 }, scale);
    expect(full.changeCounts.up + full.changeCounts.down).toBe(full.changes.length);
    expect(full.changeCounts.up).toBeGreaterThan(3);
    expect(capped.changeCounts).toEqual(full.changeCounts);
    expect(capped.changes.filter((c) => c.direction === "up")).toEqual(full.changes.filter((c) => c.direction === "up").slice(0, 3));
  });

  it("recounts the stored tallies when anything public changes, whichever connection changed it", async () => {
    const before = expectSameFigures(scale, {});
    const { version } = readDataVersion(scale);
    // A benchmark that applies at the latest round becomes confidential: it must leave every figure.
    const hidden = before.heatMap[0]!.rows.find((r) => r.cells.at(-1)!.status !== "n/a")!.benchmark;
    scale.$client.prepare("UPDATE benchmarks SET confidential = 1 WHERE id = ?").run(hidden.id);
    expect(readDataVersion(scale).version).toBeGreaterThan(version);
    const after = expectSameFigures(scale, {});
    expect(after.latest!.applicable).toBe(before.latest!.applicable - 1);
    expect(readDataVersion(scale).talliesVersion).toBe(readDataVersion(scale).version);
    scale.$client.prepare("UPDATE benchmarks SET confidential = 0 WHERE id = ?").run(hidden.id);
    expect(expectSameFigures(scale, {}).latest).toEqual(before.latest);
  });

  it("after publishing a round, refreshes only what that round touches, and the figures stay right", async () => {
    const db = seeded((d) => generateScaleData(d.$client, { benchmarks: 300, rounds: 8, reviewers: 3, seed: 5 }));
    const middle = db.$client.prepare("SELECT id FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date LIMIT 1 OFFSET 4").get() as { id: number };
    const editor = db.$client.prepare("SELECT id FROM users LIMIT 1").get() as { id: string };
    // Withdraw a round from publication, as if it had never been published, then publish it again.
    db.$client.prepare("DELETE FROM published_scores WHERE round_id = ?").run(middle.id);
    db.$client.prepare("UPDATE rounds SET published_at = NULL WHERE id = ?").run(middle.id);
    const withdrawn = expectSameFigures(db, {});
    const rebuiltAt = readDataVersion(db);
    expect(rebuiltAt.talliesVersion).toBe(rebuiltAt.version);
    const result = await publishRound(db, middle.id, editor.id);
    expect(result.published).toBeGreaterThan(0);
    // Current without a full rebuild: the publication brought the aggregates up to date itself.
    const after = readDataVersion(db);
    expect(after.version).toBeGreaterThan(rebuiltAt.version);
    expect(after.talliesVersion).toBe(after.version);
    const republished = expectSameFigures(db, {});
    expect(republished.series.length).toBe(withdrawn.series.length + 1);
    for (const track of db.$client.prepare("SELECT slug FROM tracks").all() as Array<{ slug: string }>) expectSameFigures(db, { track: track.slug });
  });
});

describe("preliminary rounds", () => {
  it("are marked in both engines, and no change is measured against them", async () => {
    const db = seeded((d) => generateScaleData(d.$client, { benchmarks: 300, rounds: 8, reviewers: 3, seed: 9 }));
    const published = db.$client.prepare("SELECT id, slug, track_id AS trackId FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date, id").all() as Array<{ id: number; slug: string; trackId: number }>;
    // The round before the latest loses most of its scores: its figures become preliminary.
    const thin = published.at(-2)!;
    db.$client.prepare("DELETE FROM published_scores WHERE round_id = ? AND benchmark_id % 5 <> 0").run(thin.id);
    const whole = expectSameFigures(db, {});
    expect(whole.series.find((s) => s.round.id === thin.id)?.preliminary).toBe(true);
    expect(whole.series.filter((s) => s.preliminary).map((s) => s.round.id)).toEqual([thin.id]);
    // The flag against the rule applied to coverage computed from the whole matrix.
    const matrix = buildDashboard(getDashboardData({}, db));
    expect(matrix.series.filter((s) => isPreliminary(s, 0.6)).map((s) => s.round.id)).toEqual([thin.id]);
    expect(whole.previous?.round.id).toBe(published.at(-3)!.id);
    expect(whole.changeCounts.up + whole.changeCounts.down).toBeGreaterThan(0);
    for (const track of db.$client.prepare("SELECT slug FROM tracks").all() as Array<{ slug: string }>) expectSameFigures(db, { track: track.slug });
    expectSameFigures(db, { statement: firstSlug(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC") });

    // Lowering the threshold below its coverage makes it an ordinary round again.
    db.$client.prepare("UPDATE publication_settings SET min_coverage_percent = 5").run();
    const lowered = expectSameFigures(db, {});
    expect(lowered.series.some((s) => s.preliminary)).toBe(false);
    expect(lowered.previous?.round.id).toBe(thin.id);
  });
});
