// The read API's lists page in SQL: page 2 continues page 1, the pages put end to end are the whole
// list in its order, and each total equals a count made the plain way — on the seed (with a
// confidential person and benchmark) and on generated data.
import { rawAll, rawGet, rawRun } from "@/db/testing/raw-sql";
import { describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { generateScaleData } from "../seed/scale";
import { listPublicBenchmarksPage } from "./benchmarks";
import { getExportContext, iterateScoreRows, listScoreRows } from "./exports";
import { resolveFilters } from "./filters";
import { listPublishedRoundsPage } from "./rounds";
import { listStatementsPage } from "./statements";
import { listPublicSubjectsPage } from "./subjects";

type Page<T> = { rows: T[]; total: number };

async function allPages<T>(pageSize: number, read: (page: { limit: number; offset: number }) => Page<T> | Promise<Page<T>>): Promise<{ rows: T[]; totals: number[] }> {
  const rows: T[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await read({ limit: pageSize, offset });
    totals.push(page.total);
    rows.push(...page.rows);
    if (page.rows.length < pageSize) break;
  }
  return { rows, totals };
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Public benchmarks the plain way, in the API's order (category position, title, id). */
async function publicBenchmarks(db: Db, where = "1 = 1", params: unknown[] = []) {
  return (
    (await rawAll(db, `SELECT b.id, b.slug, b.title, c.position, c.id AS categoryId FROM benchmarks b JOIN categories c ON c.id = b.category_id
          WHERE b.confidential = 0 AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)
            AND ${where}`, ...params)) as Array<{ id: number; slug: string; title: string; position: number; categoryId: number }>
  ).sort((a, b) => a.position - b.position || a.categoryId - b.categoryId || byText(a.title, b.title) || a.id - b.id);
}

async function checkLists(db: Db, filterCases: DashboardFilters[], pageSize: number) {
  for (const filters of filterCases) {
    const label = JSON.stringify(filters);
    const context = await getExportContext(db, filters);
    const whole = await collect(iterateScoreRows(db, context));
    const paged = await allPages(pageSize, (page) => listScoreRows(db, context, page));
    expect(paged.rows.map((r) => `${r.roundSlug}/${r.benchmarkSlug}`), label).toEqual(whole.map((r) => `${r.roundSlug}/${r.benchmarkSlug}`));
    expect(new Set(paged.totals), label).toEqual(new Set([whole.length]));
    expect(paged.rows, label).toEqual(whole);

    const resolved = await resolveFilters(db, filters);
    const benchmarks = await allPages(pageSize, (page) => listPublicBenchmarksPage(db, resolved, page));
    expect(new Set(benchmarks.totals), label).toEqual(new Set([benchmarks.rows.length]));
    if (!filters.addressee && !filters.statement && !filters.subject && !filters.from) {
      const categoryId = filters.category ? ((await rawGet(db, "SELECT id FROM categories WHERE slug = ?", filters.category)) as { id: number }).id : undefined;
      const expected = categoryId === undefined ? await publicBenchmarks(db) : await publicBenchmarks(db, "b.category_id = ?", [categoryId]);
      expect(benchmarks.rows.map((b) => b.slug), label).toEqual(expected.map((b) => b.slug));
    }
  }
}

describe("paged lists on the seed", async () => {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  (await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'"));
  (await rawRun(db, "UPDATE benchmarks SET confidential = 1 WHERE slug = 'release-gui-minhai'"));

  it("scores and benchmarks: pages end to end are the whole list, with one total", async () => {
    const category = ((await rawGet(db, "SELECT slug FROM categories ORDER BY position LIMIT 1 OFFSET 1")) as { slug: string }).slug;
    const round = ((await rawGet(db, "SELECT slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date LIMIT 1 OFFSET 2")) as { slug: string }).slug;
    await checkLists(db, [{}, { category }, { track: "upr" }, { from: round }, { addressee: "chinese_government" }, { subject: "liu-xia" }], 7);
  });

  it("page 2 of the scores continues page 1", async () => {
    const context = await getExportContext(db, {});
    const first = await listScoreRows(db, context, { limit: 10, offset: 0 });
    const second = await listScoreRows(db, context, { limit: 10, offset: 10 });
    const both = await listScoreRows(db, context, { limit: 20, offset: 0 });
    expect(first.rows).toHaveLength(10);
    expect([...first.rows, ...second.rows]).toEqual(both.rows);
    expect(first.total).toBe(second.total);
    const count = (await rawGet(db, `SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
          WHERE r.published_at IS NOT NULL AND b.confidential = 0
            AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)`)) as { n: number };
    expect(first.total).toBe(count.n);
    // The order the export and the API promise: rounds oldest first, then category position and title.
    const reference = (await rawAll(db, `SELECT r.slug || '/' || b.slug AS key FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id JOIN categories c ON c.id = b.category_id
          WHERE r.published_at IS NOT NULL AND b.confidential = 0
            AND NOT EXISTS (SELECT 1 FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE bs.benchmark_id = b.id AND s.confidential = 1)
          ORDER BY r.start_date, r.id, c.position, c.id, b.title, b.id`)) as Array<{ key: string }>;
    expect((await collect(iterateScoreRows(db, context))).map((r) => `${r.roundSlug}/${r.benchmarkSlug}`)).toEqual(reference.map((r) => r.key));
  });

  it("people, laws, statements and rounds", async () => {
    for (const page of ["people", "laws"] as const) {
      for (const search of ["", "li"]) {
        const paged = await allPages(3, (range) => listPublicSubjectsPage(db, page, search, range));
        const whole = await listPublicSubjectsPage(db, page, search, { limit: 10_000, offset: 0 });
        expect(paged.rows).toEqual(whole.rows);
        expect(new Set(paged.totals)).toEqual(new Set([whole.rows.length]));
        expect(whole.rows.map((s) => s.slug)).not.toContain("zhu-yufu");
      }
    }
    const statements = await allPages(4, (range) => listStatementsPage(db, range));
    expect(statements.rows.map((s) => s.slug)).toEqual(
      ((await rawAll(db, "SELECT slug FROM statements ORDER BY date, id")) as Array<{ slug: string }>).map((s) => s.slug),
    );
    expect(new Set(statements.totals)).toEqual(new Set([statements.rows.length]));
    const rounds = await allPages(2, (range) => listPublishedRoundsPage(db, undefined, range));
    expect(rounds.rows.length).toBe(rounds.totals[0]);
    expect((await listPublishedRoundsPage(db, "upr", { limit: 100, offset: 0 })).rows.every((r) => r.trackSlug === "upr")).toBe(true);
  });
});

describe("the public search of people and laws", async () => {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'");
  // A public person whose description names the withheld one, in the spellings the redactor knows.
  await rawRun(db, "UPDATE subjects SET description = description || ' Visited by ZHU  yufu, also Zhū-Yùfū, 朱虞夫.' WHERE slug = 'liu-xia'");
  const search = async (term: string) => (await listPublicSubjectsPage(db, "people", term, { limit: 100, offset: 0 })).rows;

  it("finds nothing for a withheld name, however it is spelled, nor for the marker that replaces it", async () => {
    for (const term of ["Zhu Yufu", "zhu", "Yufu", "ZHU  yufu", "Zhū-Yùfū", "Yùfū", "朱虞夫", "虞夫", "withheld", "Visited by ZHU"]) {
      expect(await search(term), term).toEqual([]);
      expect((await listPublicSubjectsPage(db, "people", term, { limit: 100, offset: 0 })).total, term).toBe(0);
    }
  });

  it("finds the public person by the rest of the text, ignoring ASCII case, and shows no withheld name", async () => {
    for (const term of ["Visited by", "VISITED BY", "house arrest", "刘霞"]) {
      const rows = await search(term);
      expect(rows.map((s) => s.slug), term).toContain("liu-xia");
      for (const row of rows) expect(JSON.stringify(row), term).not.toMatch(/Zhu|Zhū|Yufu|Yùfū|朱虞夫/i);
    }
    expect((await search("visited by")).find((s) => s.slug === "liu-xia")!.description).toMatch(/Visited by \[name withheld\], also \[name withheld\], \[name withheld\]\.$/);
  });
});

describe("paged lists on generated data", () => {
  it("scores across rounds of very different sizes, with and without filters, pages end to end are the whole list", async () => {
    const db = openDatabase(":memory:");
    await migrateDatabase(db);
    await generateScaleData(db, { benchmarks: 900, rounds: 5, reviewers: 2, seed: 13 });
    const statement = ((await rawGet(db, "SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")) as { slug: string }).slug;
    const category = ((await rawGet(db, "SELECT slug FROM categories ORDER BY position LIMIT 1 OFFSET 3")) as { slug: string }).slug;
    // Large pages reach deep into each round, where pages are read from the round's sorted scores.
    await checkLists(db, [{}, { category }, { statement }], 230);
  }, 60_000);
});
