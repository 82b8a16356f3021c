// A round an editor has created but not published is as confidential as a hidden person: no public
// surface may name it, link to it or give its date. A reviewer can still tie work to it: a
// statement addresses it (shown, without naming the round) and a benchmark applies from it (shown
// nowhere until the round is published: it has no public score, and its first round would give the
// round away). When the round is published, both appear, and the published figures follow.
import { rawInsert, rawAll, rawGet, rawRun } from "@/db/testing/raw-sql";
import { beforeAll, describe, expect, it } from "vitest";
import { plantConfidentialDataIn, type Plant } from "@/db/testing/confidential-plant";
import { openDatabase, type Db } from "../client";
import { NO_LIMIT } from "../dialect";
import { transaction } from "../transaction";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getPublicBenchmark, listPublicBenchmarksPage, countPublicBenchmarks } from "./benchmarks";
import { getExportContext } from "./exports";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";
import { countPublishedFigures } from "./published-aggregates";
import { publishRound } from "../commands/publishing";
import { listScorecardPageIds } from "./scorecard";
import { getStatement, listStatementsPage } from "./statements";
import { listSubjectBenchmarkLinks } from "./subjects";

async function seeded(): Promise<Db> {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  return db;
}

const one = async <T>(db: Db, sql: string, ...params: unknown[]) => (await rawGet(db, sql, ...params)) as T;

/** Every stored aggregate, in a fixed order, to compare what publishing refreshed with a full rebuild. */
async function aggregates(db: Db) {
  const all = async (sql: string) => (await rawAll(db, sql));
  return {
    benchmarks: await all("SELECT * FROM public_benchmarks ORDER BY benchmark_id"),
    tallies: await all("SELECT * FROM public_tallies ORDER BY round_id, category_id, addressee"),
    changes: await all("SELECT * FROM public_changes ORDER BY round_id, previous_round_id, benchmark_id"),
  };
}

async function expectAggregatesAsRebuilt(db: Db) {
  const refreshed = await aggregates(db);
  await refreshPublishedAggregatesNow(db, { rebuild: true });
  expect(refreshed).toEqual(await aggregates(db));
}

const publicBenchmarkSlugs = async (db: Db) => (await listPublicBenchmarksPage(db, (await getExportContext(db, {})).resolved, { limit: NO_LIMIT, offset: 0 })).rows.map((b) => b.slug);

describe("a statement and a benchmark tied to a round not yet published", () => {
  let db: Db;
  let plant: Plant;
  let round: { id: number; slug: string; name: string };
  let benchmarkId: number;

  beforeAll(async () => {
    db = await seeded();
    plant = await transaction(db, (tx) => plantConfidentialDataIn(tx, "ur1", { unpublishedRound: true }));
    round = await one(db, "SELECT id, slug, name FROM rounds WHERE slug = ?", plant.unpublishedRoundSlug);
    benchmarkId = (await one<{ id: number }>(db, "SELECT id FROM benchmarks WHERE slug = ?", plant.benchmarkFromUnpublishedRoundSlug)).id;
  });

  it("the statement is public but names no round while the round is unpublished", async () => {
    const slug = plant.statementAddressingUnpublishedRoundSlug!;
    expect(await getStatement(db, slug)).toMatchObject({ slug, roundSlug: null, roundName: null });
    const listed = (await listStatementsPage(db, { limit: NO_LIMIT, offset: 0 })).rows.find((s) => s.slug === slug);
    expect(listed).toMatchObject({ roundSlug: null, roundName: null });
    // A statement addressing a published round still names it.
    expect(await getStatement(db, "ngo-2018-hrc37-letter")).toMatchObject({ roundSlug: "hrc-37" });
  });

  it("the benchmark has no page, is in no list or count, and is linked to no public person", async () => {
    expect(await getPublicBenchmark(db, plant.benchmarkFromUnpublishedRoundSlug!)).toBeUndefined();
    const slugs = await publicBenchmarkSlugs(db);
    expect(slugs).not.toContain(plant.benchmarkFromUnpublishedRoundSlug);
    expect(await countPublicBenchmarks(db, (await getExportContext(db, {})).resolved)).toBe(slugs.length);
    const person = (await one<{ id: number }>(db, "SELECT id FROM subjects WHERE slug = 'wang-quanzhang'")).id;
    expect((await listSubjectBenchmarkLinks(db, [person])).map((l) => l.benchmarkId)).not.toContain(benchmarkId);
    await refreshPublishedAggregatesNow(db);
    expect(await one(db, "SELECT count(*) AS n FROM public_benchmarks WHERE benchmark_id = ?", benchmarkId)).toEqual({ n: 0 });
  });

  it("once the round is published, both appear, and the published figures are as a full rebuild counts them", async () => {
    await refreshPublishedAggregatesNow(db);
    await publishRound(db, round.id, "demo-editor", { acceptPreliminary: true });
    expect(await getStatement(db, plant.statementAddressingUnpublishedRoundSlug!)).toMatchObject({ roundSlug: round.slug, roundName: round.name });
    expect(await getPublicBenchmark(db, plant.benchmarkFromUnpublishedRoundSlug!)).toMatchObject({ appliesFromSlug: round.slug, appliesFromName: round.name });
    expect(await publicBenchmarkSlugs(db)).toContain(plant.benchmarkFromUnpublishedRoundSlug);
    expect(await one(db, "SELECT count(*) AS n FROM public_benchmarks WHERE benchmark_id = ?", benchmarkId)).toEqual({ n: 1 });
    await expectAggregatesAsRebuilt(db);
  });
});

describe("a benchmark from an unpublished round dated before published ones", () => {
  // An editor adds a round late, between published ones; a benchmark applies from it, and so also at
  // the published rounds after it, where reviewers score it and an editor publishes the score.
  let db: Db;
  let late: { id: number; startDate: string; trackId: number };
  let hrc37: { id: number; startDate: string; trackId: number };
  let benchmarkId: number;

  beforeAll(async () => {
    db = await seeded();
    const run = async (sql: string, ...params: unknown[]) => (await rawRun(db, sql, ...params));
    late = { id: await rawInsert(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES ('uschrd-2017-late', (SELECT id FROM tracks WHERE slug = 'us-china-dialogue'), 'A late-added 2017 dialogue', '2017-06-01', 'day')"), startDate: "2017-06-01", trackId: (await one<{ id: number }>(db, "SELECT id FROM tracks WHERE slug = 'us-china-dialogue'")).id };
    hrc37 = await one(db, "SELECT id, start_date AS startDate, track_id AS trackId FROM rounds WHERE slug = 'hrc-37'");
    benchmarkId = await rawInsert(db, "INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, review_state) VALUES ('backdated-demand', 'A demand from the late-added round', (SELECT id FROM categories WHERE slug = 'legal-reform'), 'chinese_government', ?, 'approved')", late.id);
    for (const reviewer of ["demo-reviewer-a", "demo-reviewer-b"]) {
      await run("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, ?, 'met', 'Both reviewers found it met.')", benchmarkId, hrc37.id, reviewer);
    }
    await refreshPublishedAggregatesNow(db);
    await publishRound(db, hrc37.id, "demo-editor");
    expect(await one(db, "SELECT status FROM published_scores WHERE benchmark_id = ? AND round_id = ?", benchmarkId, hrc37.id)).toEqual({ status: "met" });
  });

  const legalReformAt = async (round: { id: number; startDate: string; trackId: number }) => {
    const legalReform = (await one<{ id: number }>(db, "SELECT id FROM categories WHERE slug = 'legal-reform'")).id;
    return (await countPublishedFigures(db, [round.id]))
      .filter((t) => t.categoryId === legalReform)
      .reduce((sum, t) => ({ applicable: sum.applicable + t.applicable, met: sum.met + t.met }), { applicable: 0, met: 0 });
  };

  it("counts in no published figure and is on no published scorecard until its round is published", async () => {
    const counted = await legalReformAt(hrc37);
    const stored = await one<{ applicable: number; met: number }>(
      db,
      "SELECT sum(applicable) AS applicable, sum(met) AS met FROM public_tallies WHERE round_id = ? AND category_id = (SELECT id FROM categories WHERE slug = 'legal-reform')",
      hrc37.id,
    );
    expect(stored).toEqual(counted);
    const ids = await listScorecardPageIds(db, hrc37, { sort: "category" }, new Map(), { limit: NO_LIMIT, offset: 0 });
    expect(ids).not.toContain(benchmarkId);
    expect(await publicBenchmarkSlugs(db)).not.toContain("backdated-demand");
    await refreshPublishedAggregatesNow(db, { rebuild: true });
    expect(await one(db, "SELECT count(*) AS n FROM public_benchmarks WHERE benchmark_id = ?", benchmarkId)).toEqual({ n: 0 });
  });

  it("publishing its round brings it into the later rounds' figures, as a full rebuild counts them", async () => {
    const before = await legalReformAt(hrc37);
    await publishRound(db, late.id, "demo-editor", { acceptPreliminary: true });
    expect(await legalReformAt(hrc37)).toEqual({ applicable: before.applicable + 1, met: before.met + 1 });
    expect(await one(db, "SELECT sum(applicable) AS n FROM public_tallies WHERE round_id = ? AND category_id = (SELECT id FROM categories WHERE slug = 'legal-reform')", hrc37.id)).toEqual({
      n: before.applicable + 1,
    });
    await expectAggregatesAsRebuilt(db);
  });
});
