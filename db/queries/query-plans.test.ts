// EXPLAIN QUERY PLAN for every statement the round scorecard, the benchmark, people, laws and
// statement pages, the read API's lists and the exports run: a full scan of a table that grows with
// the data fails the test, and so does a sort of every benchmark where a page should walk an index.
// Each runs on generated data twice: without statistics (a fresh install) and after ANALYZE.
import { loggingConnection } from "../dialect";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import * as schema from "../schema";
import { generateScaleData } from "../seed/scale";
import { getPublicBenchmark, listBenchmarkSources, listBenchmarkSubjects, listPublicBenchmarksPage } from "./benchmarks";
import { getExportContext, iterateBenchmarkRows, iterateScoreRows, listScoreRows } from "./exports";
import { resolveFilters } from "./filters";
import { countViewBenchmarks, getDashboardSummary } from "./dashboard-summary";
import { listCarryForwardSources } from "./assessments";
import { getReviewBenchmark, getReviewRound, listReviewSubjects, listScoredBenchmarkIds, listStatusHistory } from "./review";
import { getLatestPublicationDate, getPublishedRound, listPublishedRounds, listPublishedRoundsPage, listTracksPage } from "./rounds";
import { countScorecardScope, getRoundTally, listScorecardBenchmarks, listScorecardCategories, listScorecardPageIds, type ScorecardFilter } from "./scorecard";
import { listCurrentStatuses, listPublishedScoreDetails } from "./scores";
import { countPublicDemands, listPublishers, listStatementsPage } from "./statements";
import { listPublicSubjectsPage, listSubjectBenchmarkLinks, listSubjectsEvents } from "./subjects";

// Tables that grow with the data. Reading one end to end without an index fails; walking an index
// (covering or in order, under a LIMIT) is what a page should do.
const GROWING = ["published_scores", "published_evidence", "assessments", "benchmarks", "benchmark_tracks", "benchmark_subjects", "benchmark_sources", "evidence_links", "subjects", "statements", "public_benchmarks"];

/** Indexes db/schema/ declares that the migrated database lacks: the plans below rely on every one. */
function missingDeclaredIndexes(db: Db): string[] {
  const missing: string[] = [];
  for (const table of Object.values(schema)) {
    if (!table || typeof table !== "object" || !(Symbol.for("drizzle:IsDrizzleTable") in table)) continue;
    for (const index of getTableConfig(table as SQLiteTable).indexes) {
      if (!db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index.config.name)) missing.push(index.config.name);
    }
  }
  return missing;
}

function fullScans(db: Db, query: string, params: unknown[]): string[] {
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as Array<{ detail: string }>;
  return plan
    .map((p) => p.detail)
    .filter((detail) => {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      return scanned !== undefined && GROWING.includes(scanned) && !/USING (COVERING )?INDEX/.test(detail);
    });
}

function sortsEverything(db: Db, query: string, params: unknown[]): boolean {
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as Array<{ id: number; parent: number; detail: string }>;
  // Only the outermost query's ORDER BY: the small hidden-benchmark set inside may be sorted.
  return plan.some((p) => p.parent === 0 && p.detail === "USE TEMP B-TREE FOR ORDER BY");
}

async function statementsOf(db: Db, run: (db: Db) => unknown): Promise<Array<{ query: string; params: unknown[] }>> {
  const captured: Array<{ query: string; params: unknown[] }> = [];
  await run(loggingConnection(db.$client, (query, params) => captured.push({ query, params })));
  return captured;
}

async function makeDatabase(analyze: boolean): Promise<Db> {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await generateScaleData(db, { benchmarks: 600, rounds: 6, reviewers: 2, seed: 7 });
  if (analyze) db.$client.exec("ANALYZE");
  return db;
}

describe.each([
  ["without statistics", false],
  ["after ANALYZE", true],
])("query plans %s", (_label, analyze) => {
  let db: Db;
  let round: NonNullable<Awaited<ReturnType<typeof getPublishedRound>>>;
  let ids: { benchmark: number; benchmarkSlug: string; category: number; categorySlug: string; statement: string; subject: string; subjectId: number };

  beforeAll(async () => {
    db = await makeDatabase(analyze);
    const sqlite = db.$client;
    round = (await getPublishedRound(db, (sqlite.prepare("SELECT slug FROM rounds ORDER BY start_date DESC LIMIT 1").get() as { slug: string }).slug))!;
    const benchmark = sqlite.prepare("SELECT id, slug, category_id AS category FROM benchmarks WHERE confidential = 0 ORDER BY id LIMIT 1 OFFSET 5").get() as { id: number; slug: string; category: number };
    ids = {
      benchmark: benchmark.id,
      benchmarkSlug: benchmark.slug,
      category: benchmark.category,
      categorySlug: (sqlite.prepare("SELECT slug FROM categories WHERE id = ?").get(benchmark.category) as { slug: string }).slug,
      statement: (sqlite.prepare("SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1").get() as { slug: string }).slug,
      ...(sqlite.prepare("SELECT s.slug AS subject, s.id AS subjectId FROM subjects s JOIN benchmark_subjects bs ON bs.subject_id = s.id WHERE s.confidential = 0 AND s.kind = 'person' LIMIT 1").get() as {
        subject: string;
        subjectId: number;
      }),
    };
  }, 60_000);

  async function expectIndexed(run: (db: Db) => unknown, options: { walksInOrder?: RegExp } = {}) {
    const statements = await statementsOf(db, run);
    expect(statements.length).toBeGreaterThan(0);
    for (const { query, params } of statements) {
      expect({ query, scans: fullScans(db, query, params) }).toEqual({ query, scans: [] });
      if (options.walksInOrder?.test(query)) expect({ query, sorts: sortsEverything(db, query, params) }).toEqual({ query, sorts: false });
    }
  }

  // The benchmark-walking page queries: their ORDER BY must come from an index, never a sort.
  const idWalk = /^select "benchmarks"."id" as id from ("categories" cross join )?"benchmarks"/;

  describe("the round scorecard", () => {
    it("reads its figures and categories", async () => {
      await expectIndexed(async (d) => {
        await getRoundTally(d, round);
        await listScorecardCategories(d, round);
      });
    });

    for (const sort of ["category", "status", "title"] as const) {
      for (const status of [undefined, "met"] as const) {
        for (const inCategory of [false, true]) {
          it(`pages sorted by ${sort}${status ? `, ${status} only` : ""}${inCategory ? ", in one category" : ""}, first and last pages`, async () => {
            const filter: ScorecardFilter = { sort, status, categoryId: inCategory ? ids.category : undefined };
            await expectIndexed(
              async (d) => {
                const scope = countScorecardScope(filter, await getRoundTally(d, round));
                const total = [...scope.values()].reduce((a, b) => a + b, 0);
                for (const offset of [0, Math.max(total - 10, 0)]) {
                  const page = await listScorecardPageIds(d, round, filter, scope, { offset, limit: 10 });
                  await listScorecardBenchmarks(d, page);
                  await listPublishedScoreDetails(d, { benchmarkIds: page, roundIds: [round.id] });
                  await listBenchmarkSources(d, page);
                }
              },
              { walksInOrder: idWalk },
            );
          });
        }
      }
    }
  });

  it("answers the scope predicate from benchmark_tracks' indexes wherever a page asks it", async () => {
    const statements = await statementsOf(db, async (d) => {
      const filter: ScorecardFilter = { sort: "category" };
      const scope = countScorecardScope(filter, await getRoundTally(d, round));
      await listScorecardPageIds(d, round, filter, scope, { offset: 0, limit: 10 });
      await listScorecardPageIds(d, round, { sort: "title", status: "met" }, scope, { offset: 0, limit: 10 });
      await listScorecardCategories(d, round);
      const context = await getExportContext(d, {});
      await listScoreRows(d, context, { limit: 50, offset: 0 });
      await listScoreRows(d, await getExportContext(d, { category: ids.categorySlug }), { limit: 50, offset: 0 });
      await getDashboardSummary(d, { statement: ids.statement }, { heatMapLimit: 20 });
      await getDashboardSummary(d, { from: round.slug, to: round.slug, category: ids.categorySlug }, { heatMapLimit: 20, changesLimit: 0, applicableOnly: true });
      await listCurrentStatuses(d, [ids.benchmark]);
    });
    const scoped = statements.filter(({ query }) => query.includes('"benchmark_tracks"'));
    expect(scoped.length).toBeGreaterThan(5);
    for (const { query, params } of scoped) {
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as Array<{ detail: string }>).map((p) => p.detail);
      expect({ query, scans: fullScans(db, query, params) }).toEqual({ query, scans: [] });
      expect(plan.some((d) => /^SEARCH benchmark_tracks\b/.test(d) || /^SCAN benchmark_tracks USING (COVERING )?INDEX/.test(d)), query).toBe(true);
    }
  });

  it("the benchmark page", async () => {
    await expectIndexed(async (d) => {
      const b = (await getPublicBenchmark(d, ids.benchmarkSlug))!;
      await listBenchmarkSources(d, [b.id]);
      await listBenchmarkSubjects(d, [b.id]);
      await listPublishedRounds(d);
      await listPublishedScoreDetails(d, { benchmarkIds: [b.id] });
    });
  });

  it("the review form's context and what it would carry forward", async () => {
    const reviewer = (db.$client.prepare("SELECT reviewer_id AS id FROM assessments LIMIT 1").get() as { id: string }).id;
    await expectIndexed(async (d) => {
      const reviewRound = (await getReviewRound(d, round.slug))!;
      const benchmark = (await getReviewBenchmark(d, ids.benchmarkSlug))!;
      await listCarryForwardSources(d, reviewRound, reviewer, [benchmark]);
      await listStatusHistory(d, benchmark.id, reviewRound);
      await listReviewSubjects(d, benchmark.id);
      await listScoredBenchmarkIds(d, reviewRound.id, reviewer);
    });
  });

  it("the people, laws and statements indexes", async () => {
    await expectIndexed(async (d) => {
      for (const page of ["people", "laws"] as const) {
        for (const search of ["", "a"]) {
          const { rows } = await listPublicSubjectsPage(d, page, search, { limit: 20, offset: 20 });
          const links = await listSubjectBenchmarkLinks(
            d,
            rows.map((s) => s.id),
          );
          await listCurrentStatuses(
            d,
            links.map((l) => l.benchmarkId),
          );
        }
      }
      const { rows } = await listStatementsPage(d, { limit: 20, offset: 20 });
      await listPublishers(
        d,
        rows.map((s) => s.id),
      );
      await countPublicDemands(
        d,
        rows.map((s) => s.id),
      );
    });
  });

  it("statement and person pages, and the PDF's data", async () => {
    await expectIndexed(async (d) => {
      // Rows of 20 benchmarks: on this small database, after ANALYZE, SQLite rightly prefers reading a
      // few thousand scores to looking up 100 of 600 benchmarks; at scale 100 of 100,000 is by index.
      await getDashboardSummary(d, { statement: ids.statement }, { heatMapLimit: 20, changesLimit: 20 });
      await getDashboardSummary(d, { subject: ids.subject }, { heatMapLimit: 20, changesLimit: 20 });
      const pdf = { from: round.slug, to: round.slug, category: ids.categorySlug };
      await countViewBenchmarks(d, pdf, { applicableOnly: true });
      await getDashboardSummary(d, pdf, { heatMapLimit: 20, changesLimit: 0, applicableOnly: true });
    });
  });

  describe("the read API's lists", () => {
    const filterCases = () => [{}, { category: ids.categorySlug }, { addressee: "chinese_government" as const }, { statement: ids.statement }, { subject: ids.subject }];

    it("benchmarks, with and without filters, on the first and a later page", async () => {
      await expectIndexed(
        async (d) => {
          for (const filters of filterCases()) {
            for (const offset of [0, 200]) {
              const { rows } = await listPublicBenchmarksPage(d, await resolveFilters(d, filters), { limit: 50, offset });
              await listBenchmarkSources(
                d,
                rows.map((b) => b.id),
              );
            }
          }
        },
        { walksInOrder: idWalk },
      );
    });

    it("scores, with and without filters, on the first and the last page", async () => {
      await expectIndexed(
        async (d) => {
          for (const filters of [...filterCases(), { from: round.slug, to: round.slug }]) {
            const context = await getExportContext(d, filters);
            const { total } = await listScoreRows(d, context, { limit: 50, offset: 0 });
            await listScoreRows(d, context, { limit: 50, offset: Math.max(total - 30, 0) });
          }
        },
        { walksInOrder: idWalk },
      );
    });

    it("people, laws, statements, rounds and tracks", async () => {
      await expectIndexed(async (d) => {
        const { rows } = await listPublicSubjectsPage(d, "people", "", { limit: 50, offset: 0 });
        await listSubjectsEvents(
          d,
          rows.map((s) => s.id),
        );
        await listStatementsPage(d, { limit: 50, offset: 50 });
        await listPublishedRoundsPage(d, undefined, { limit: 50, offset: 0 });
        await listTracksPage(d, { limit: 50, offset: 0 });
        await getLatestPublicationDate(d);
      });
    });
  });

  it("the CSV and XLSX exports' iterate queries", async () => {
    await expectIndexed(async (d) => {
      for (const filters of [{}, { category: ids.categorySlug }]) {
        const context = await getExportContext(d, filters);
        let n = 0;
        for await (const _ of iterateScoreRows(d, context)) if (++n > 600) break;
        n = 0;
        for await (const _ of iterateBenchmarkRows(d, context)) if (++n > 600) break;
      }
    });
  });
});

describe("the plan check itself", async () => {
  const db = await makeDatabase(false);

  it("runs on a database that has every index the schema declares (the migrations create them all)", async () => {
    expect(missingDeclaredIndexes(db)).toEqual([]);
  });

  it("catches a full scan of a growing table", async () => {
    expect(fullScans(db, "SELECT count(*) FROM published_scores WHERE basis = ?", ["agreement"])).toEqual([expect.stringMatching(/^SCAN published_scores/)]);
    expect(fullScans(db, "SELECT slug FROM benchmarks WHERE updated_at > ?", ["2020"])).toEqual([expect.stringMatching(/^SCAN benchmarks/)]);
    expect(fullScans(db, "SELECT id FROM benchmarks WHERE category_id = ? ORDER BY title, id LIMIT 10", [1])).toEqual([]);
  });

  it("catches a page that sorts every benchmark instead of walking an index", async () => {
    expect(sortsEverything(db, "SELECT id FROM benchmarks ORDER BY updated_at, id LIMIT 10", [])).toBe(true);
    expect(sortsEverything(db, "SELECT id FROM benchmarks WHERE category_id = ? ORDER BY title, id LIMIT 10", [1])).toBe(false);
  });
});
