import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { SEED_DATA } from "./data";
import { integrityViolations, unscoredApplicablePairs } from "./integrity";
import { isDatabaseEmpty, loadSeed, type SeedSummary } from "./load";
import { transaction } from "../transaction";
import { rawAll, rawExec, rawRun } from "../testing/raw-sql";
import { usesPostgres } from "../dialect";

let db: Db;
let summary: SeedSummary;
const all = <T>(sql: string) => rawAll<T>(db, sql);

beforeAll(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  summary = await loadSeed(db);
});

describe("the seed as loaded into the database", () => {
  it("loads every benchmark, round, statement and subject of the seed data", async () => {
    expect(summary.benchmarks).toBe(SEED_DATA.benchmarks.length);
    expect(summary.rounds).toBe(SEED_DATA.rounds.length);
    expect(summary.statements).toBe(SEED_DATA.statements.length);
    expect(summary.subjects).toBe(SEED_DATA.subjects.length);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("satisfies the integrity rules shared with the scale generator", async () => {
    const violations = await integrityViolations(db);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((rule) => [rule, 0])));
    expect(await unscoredApplicablePairs(db)).toBe(0);
  });

  it("stores each benchmark's scope, and its integrity rule catches an assessment outside it", async () => {
    const scoped = await all<{ slug: string; tracks: string }>(`
      SELECT b.slug, ${usesPostgres() ? "string_agg(t.slug, ',')" : "group_concat(t.slug)"} AS tracks FROM benchmark_tracks bt JOIN benchmarks b ON b.id = bt.benchmark_id JOIN tracks t ON t.id = bt.track_id
       GROUP BY b.id, b.slug ORDER BY b.slug`);
    expect(scoped).toHaveLength(SEED_DATA.benchmarks.filter((b) => b.scopeTrackSlugs.length > 0).length);
    expect(scoped.find((b) => b.slug === "dialogue-held-regularly")?.tracks).toBe("us-china-dialogue");
    expect(scoped.some((b) => b.slug === "release-liu-xia")).toBe(false);
    const rule = "no assessment at a round whose track the benchmark's scope leaves out";
    const planted = transaction(db, async (tx) => {
      await rawRun(
        tx,
        `INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale, is_demo)
         SELECT b.id, r.id, 'demo-reviewer-a', 'not_met', 'Scored where it cannot be judged.', 1 FROM benchmarks b, rounds r
          WHERE b.slug = 'dialogue-held-regularly' AND r.slug = 'hrc-37'`,
      );
      const found = (await integrityViolations(tx))[rule];
      throw Object.assign(new Error("roll back"), { found });
    });
    await expect(planted).rejects.toThrow(expect.objectContaining({ found: 1 }));
    expect((await integrityViolations(db))[rule]).toBe(0);
  });

  it("breaks no foreign key", async () => {
    expect((await integrityViolations(db))["foreign keys hold"]).toBe(0);
  });

  it("gives every benchmark a category and at least one source statement", async () => {
    expect(await all("SELECT id FROM benchmarks WHERE category_id NOT IN (SELECT id FROM categories)")).toEqual([]);
    expect(await all("SELECT id FROM benchmarks WHERE id NOT IN (SELECT benchmark_id FROM benchmark_sources)")).toEqual([]);
  });

  it("never applies a benchmark at a round before the statement that raised it", async () => {
    const early = await all(`
      SELECT b.slug, r.start_date, MIN(s.date) AS date
        FROM benchmarks b
        JOIN rounds r ON r.id = b.applies_from_round_id
        JOIN benchmark_sources bs ON bs.benchmark_id = b.id
        JOIN statements s ON s.id = bs.statement_id
       GROUP BY b.id, b.slug, r.start_date
      HAVING r.start_date < MIN(s.date)`);
    expect(early).toEqual([]);
  });

  it("scores every applicable benchmark at every round by two demo reviewers, and publishes one score each", async () => {
    const rows = await all<{ slug: string; applicable: number; published: number; assessments: number; reviewers: number }>(`
      SELECT r.slug,
             (SELECT COUNT(*) FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id
               WHERE f.start_date <= r.start_date AND (b.retired_on IS NULL OR b.retired_on > r.start_date)
                 AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id)
                      OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id AND bt.track_id = r.track_id))) AS applicable,
             (SELECT COUNT(*) FROM published_scores ps WHERE ps.round_id = r.id) AS published,
             (SELECT COUNT(*) FROM assessments a WHERE a.round_id = r.id) AS assessments,
             (SELECT COUNT(DISTINCT reviewer_id) FROM assessments a WHERE a.round_id = r.id) AS reviewers
        FROM rounds r ORDER BY r.start_date`);
    expect(rows).toHaveLength(SEED_DATA.rounds.length);
    for (const row of rows) {
      expect(row.applicable, row.slug).toBeGreaterThan(0);
      expect(row.published, row.slug).toBe(row.applicable);
      expect(row.assessments, row.slug).toBe(2 * row.applicable);
      expect(row.reviewers, row.slug).toBe(2);
    }
    // Benchmarks accumulate over the rounds: the last round has more in force than the first.
    expect(rows.at(-1)!.applicable).toBeGreaterThan(rows[0]!.applicable);
  });

  it("marks every shipped assessment and published score as demo data", async () => {
    expect(await all("SELECT id FROM assessments WHERE is_demo = 0")).toEqual([]);
    expect(await all("SELECT benchmark_id FROM published_scores WHERE is_demo = 0")).toEqual([]);
  });

  it("publishes on agreement, or by the editor where the two demo reviewers disagree", async () => {
    const mismatched = await all(`
      SELECT ps.benchmark_id, ps.round_id, ps.basis, a.status AS a_status, b.status AS b_status
        FROM published_scores ps
        JOIN assessments a ON a.benchmark_id = ps.benchmark_id AND a.round_id = ps.round_id AND a.reviewer_id = 'demo-reviewer-a'
        JOIN assessments b ON b.benchmark_id = ps.benchmark_id AND b.round_id = ps.round_id AND b.reviewer_id = 'demo-reviewer-b'
       WHERE (ps.basis = 'agreement') <> (a.status = b.status) OR ps.status <> a.status`);
    expect(mismatched).toEqual([]);
    expect((await all("SELECT 1 FROM published_scores WHERE basis = 'editor'")).length).toBeGreaterThan(0);
  });

  it("refuses to load the seed twice, leaving the first load intact", async () => {
    await expect(loadSeed(db)).rejects.toThrow();
    expect((await all<{ n: number }>("SELECT COUNT(*) AS n FROM benchmarks"))[0]!.n).toBe(SEED_DATA.benchmarks.length);
  });
});

// SQLite only: migration 0010 backfilled the flag on SQLite databases seeded before it existed; the
// PostgreSQL migrations begin with the flag in place, so there is no older database to backfill.
describe.skipIf(usesPostgres())("migration 0010's backfill of the public-record flag", () => {
  it("marks exactly the demo scores the seed marks, and not the older seed's inferred 'No recovery since:' ones", async () => {
    const { readFileSync } = await import("node:fs");
    const { MIGRATIONS_FOLDER } = await import("../migrate");
    const backfill = readFileSync(`${MIGRATIONS_FOLDER}/0010_public-record.sql`, "utf8").split("-- hand-written below")[1]!;
    const flags = () => all<{ id: number; publicRecord: number }>("SELECT id, public_record AS publicRecord FROM assessments ORDER BY id");
    const seeded = await flags();
    expect(seeded.some((a) => a.publicRecord === 1)).toBe(true);
    expect(seeded.some((a) => a.publicRecord === 0)).toBe(true);
    // A database seeded before the flag existed: every flag 0, carried setbacks in the old wording.
    await rawExec(db, "UPDATE assessments SET public_record = 0");
    await rawExec(db, "UPDATE assessments SET rationale = 'No recovery since: ' || substr(rationale, instr(rationale, '(') + 1) WHERE rationale LIKE 'Demo score, illustrative only: scored from the earlier setback%'");
    expect((await all<{ n: number }>("SELECT count(*) AS n FROM assessments WHERE rationale LIKE 'No recovery since:%'"))[0]!.n).toBeGreaterThan(0);
    await rawExec(db, backfill);
    expect(await flags()).toEqual(seeded);
  });
});
