// The public tables are declared once (db/public-tables.ts): the migration holds exactly the triggers
// that list makes, every public table has them, and every table a public page, API answer or export
// reads is either in the list, one of the aggregates built from it, or read only through rows that
// a public table's write points to (and that never change once pointed to).
import { readFileSync } from "node:fs";
import path from "node:path";
import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { allRows, listDatabaseTables, listDatabaseTriggers, oneRow, runSql, usesPostgres, type Executor } from "./dialect";
import { HAND_WRITTEN_MARK, PUBLIC_TABLES, publicTablesMigrationSql } from "./public-tables";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/public-tables-test-${process.pid}-${Date.now()}.db`;
});

/** Built from the public tables by the writers' refresh, or the bookkeeping of it. */
const DERIVED = ["public_benchmarks", "public_tallies", "public_changes", "public_stale", "data_version"];
/**
 * Read by public pages only through the published score that names the row (its rationale):
 * assessments are appended, never edited, and another one reaches the public only by a write to
 * published_scores, which raises the version.
 */
const REACHED_THROUGH_PUBLISHED_SCORES = ["assessments"];
/**
 * Read by public pages for the date only ("corrected on", db/queries/record-history.ts): a correction
 * entry is written in the same transaction as the write to the public table it corrects, which raises
 * the version.
 */
const DATED_THROUGH_CORRECTIONS = ["audit_log"];
/**
 * Written only in the transaction of a publication (or a merge; release_tallies also once at start-up
 * for releases recorded before it existed), which writes published_scores or
 * rounds and so raises the version; never changed afterwards (their triggers refuse it).
 */
const WRITTEN_WITH_PUBLICATIONS = ["releases", "release_rounds", "release_scores", "release_tallies"];

describe("migration 0008", () => {
  it("holds exactly the triggers generated from the declared list of public tables", () => {
    const file = readFileSync(path.resolve("db/migrations/0008_incremental-aggregates.sql"), "utf8");
    expect(file.slice(file.indexOf(HAND_WRITTEN_MARK))).toBe(publicTablesMigrationSql());
  });
});

describe("the public tables", () => {
  let db: Executor;
  const read = new Set<string>();
  let tables: string[];

  beforeAll(async () => {
    const { prepareDatabase } = await import("@/db/prepare");
    await prepareDatabase(process.env.DATABASE_PATH!);
    const { getDb } = await import("@/db/client");
    db = getDb();
    tables = (await listDatabaseTables(db)).map((t) => t.name);
  });

  it("each raise the data version on every kind of write, and nothing else has a trigger but the releases' refusals", async () => {
    const all = await listDatabaseTriggers(db);
    const isRefusal = (t: { name: string }) => /_immutable(_|$)/.test(t.name);
    const immutable = all.filter(isRefusal);
    expect(new Set(immutable.map((t) => t.tableName))).toEqual(new Set(WRITTEN_WITH_PUBLICATIONS));
    const triggers = all.filter((t) => !isRefusal(t));
    expect(new Set(triggers.map((t) => t.tableName))).toEqual(new Set(PUBLIC_TABLES.map((t) => t.name)));
    for (const table of PUBLIC_TABLES) {
      expect(
        triggers.filter((t) => t.tableName === table.name).map((t) => t.name).sort(),
        table.name,
      ).toEqual(["delete", "insert", "update"].map((e) => `${table.name}_${e}_marks_published_data`));
    }
  });

  // Row by row, each write updated the one data_version row again: quadratic within a transaction on PostgreSQL (migration 0003).
  it.skipIf(!usesPostgres())("on PostgreSQL raise the version once per transaction and mark every row a statement wrote", async () => {
    const { transaction } = await import("./transaction");
    const { refreshPublishedAggregates } = await import("./commands/published-aggregates");
    const versionOf = async (tx: Executor) => Number((await oneRow<{ v: number }>(tx, sql`SELECT version AS v FROM data_version WHERE id = 1`))!.v);
    const staleRounds = async (tx: Executor) => (await allRows<{ id: number }>(tx, sql`SELECT id FROM public_stale WHERE kind = 'round' ORDER BY id`)).map((r) => Number(r.id));
    const before = await versionOf(db);
    const rolledBack = new Error("rolled back");
    const seen = await transaction(db, async (tx) => {
      await runSql(tx, sql`UPDATE rounds SET name = name WHERE slug = 'no-such-round'`);
      const afterNothing = await versionOf(tx);
      await runSql(tx, sql`INSERT INTO rounds (slug, track_id, name, start_date, date_precision)
        SELECT 'statement-trigger-' || n, (SELECT id FROM tracks ORDER BY id LIMIT 1), 'Statement trigger ' || n, '2031-01-0' || n, 'day' FROM generate_series(1, 3) AS n`);
      const inserted = (await allRows<{ id: number }>(tx, sql`SELECT id FROM rounds WHERE slug LIKE 'statement-trigger-%' ORDER BY id`)).map((r) => Number(r.id));
      const afterInsert = await versionOf(tx);
      const stale = await staleRounds(tx);
      await runSql(tx, sql`UPDATE rounds SET name = name || ' (renamed)' WHERE slug LIKE 'statement-trigger-%'`);
      await runSql(tx, sql`DELETE FROM rounds WHERE slug = 'statement-trigger-3'`);
      const afterMore = await versionOf(tx);
      // The refresh takes the version as counted; a write after it must say the figures are stale again.
      await refreshPublishedAggregates(tx);
      const counted = await versionOf(tx);
      await runSql(tx, sql`UPDATE rounds SET name = 'Statement trigger 1' WHERE slug = 'statement-trigger-1'`);
      const afterRefresh = await versionOf(tx);
      throw Object.assign(rolledBack, { seen: { afterNothing, inserted, afterInsert, stale, afterMore, counted, afterRefresh } });
    }).catch((error: unknown) => {
      if (error !== rolledBack) throw error;
      return (error as Error & { seen: Record<string, unknown> }).seen;
    });
    expect(seen.afterNothing).toBe(before);
    expect(seen.afterInsert).toBe(before + 1);
    expect(seen.stale).toEqual(expect.arrayContaining(seen.inserted as number[]));
    expect((seen.inserted as number[]).length).toBe(3);
    expect(seen.afterMore).toBe(before + 1);
    expect(seen.counted).toBe(before + 1);
    expect(seen.afterRefresh).toBe(before + 2);
    expect(await versionOf(db)).toBe(before);
  });

  // It watches better-sqlite3's prepare; the statements are the same text on PostgreSQL.
  it.skipIf(usesPostgres())("cover every table that a public page, API answer or export reads", async () => {
    const sqlite = db.$client;
    const prepare = sqlite.prepare.bind(sqlite);
    // Every statement prepared on the app's connection while the public surfaces answer.
    sqlite.prepare = ((source: string) => {
      for (const table of tables) if (new RegExp(`(from|join)\\s+[\`"]?${table}[\`"]?(\\s|$|\\)|,)`, "i").test(source)) read.add(table);
      return prepare(source);
    }) as typeof sqlite.prepare;
    // A client component called outside React complains of its hooks; it is skipped, and so is the noise.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await renderEveryPublicSurface(sqlite);
    } finally {
      sqlite.prepare = prepare;
      quiet.mockRestore();
    }
    // The check sees what it should: the pages read the aggregates and the tables behind them.
    for (const table of ["public_tallies", "public_benchmarks", "published_scores", "benchmarks", "statements", "subjects"]) expect(read, table).toContain(table);
    const declared = new Set([...PUBLIC_TABLES.map((t) => t.name), ...DERIVED, ...REACHED_THROUGH_PUBLISHED_SCORES, ...DATED_THROUGH_CORRECTIONS, ...WRITTEN_WITH_PUBLICATIONS]);
    expect([...read].filter((table) => !declared.has(table))).toEqual([]);
  }, 120_000);
});

type Props = Record<string, unknown>;

/**
 * Renders a server component tree far enough to run every data read in it: each component is called,
 * async ones awaited; a client component (which needs React's hooks) is left for the browser.
 */
async function walk(node: ReactNode | Promise<ReactNode>): Promise<void> {
  const value = await node;
  if (Array.isArray(value)) {
    for (const child of value) await walk(child);
    return;
  }
  if (!isValidElement(value)) return;
  const { type, props } = value as { type: unknown; props: Props };
  if (typeof type === "function") {
    let rendered: ReactNode | Promise<ReactNode>;
    try {
      rendered = (type as (p: Props) => ReactNode | Promise<ReactNode>)(props);
    } catch {
      return;
    }
    await walk(rendered);
    return;
  }
  await walk(props.children as ReactNode);
}

async function renderEveryPublicSurface(sqlite: import("better-sqlite3").Database): Promise<void> {
  const slug = (query: string) => (sqlite.prepare(query).get() as { slug: string }).slug;
  const round = slug("SELECT slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC LIMIT 1");
  const benchmark = slug("SELECT slug FROM public_benchmarks pb JOIN benchmarks b ON b.id = pb.benchmark_id ORDER BY b.id LIMIT 1");
  const statement = slug("SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1");
  const person = slug("SELECT slug FROM subjects WHERE kind = 'person' AND confidential = 0 LIMIT 1");
  const law = slug("SELECT slug FROM subjects WHERE kind = 'law' AND confidential = 0 LIMIT 1");
  const category = slug("SELECT slug FROM categories LIMIT 1");
  const params = (id: string) => ({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });
  const pages: Array<[string, Props]> = [
    ["app/[locale]/(public)/page", { searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/page", { searchParams: Promise.resolve({ statement, category }) }],
    ["app/[locale]/(public)/page", { searchParams: Promise.resolve({ subject: person }) }],
    ["app/[locale]/(public)/rounds/[id]/page", params(round)],
    ["app/[locale]/(public)/rounds/[id]/page", { params: Promise.resolve({ id: round }), searchParams: Promise.resolve({ sort: "status", status: "met" }) }],
    ["app/[locale]/(public)/rounds/[id]/print/page", params(round)],
    ["app/[locale]/(public)/benchmarks/[id]/page", params(benchmark)],
    ["app/[locale]/(public)/statements/page", { searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/statements/[id]/page", params(statement)],
    ["app/[locale]/(public)/people/(index)/page", { searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/people/[id]/page", params(person)],
    ["app/[locale]/(public)/laws/(index)/page", { searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/laws/[id]/page", params(law)],
    ["app/embed/[locale]/[chart]/page", { params: Promise.resolve({ locale: "en", chart: "fulfilment" }), searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/releases/page", {}],
    ["app/[locale]/(public)/releases/[number]/page", { params: Promise.resolve({ number: "1" }), searchParams: Promise.resolve({}) }],
    ["app/[locale]/(public)/page", { searchParams: Promise.resolve({ release: "1" }) }],
    ["app/[locale]/(public)/rounds/[id]/page", { params: Promise.resolve({ id: round }), searchParams: Promise.resolve({ release: "1" }) }],
    ["app/[locale]/(public)/benchmarks/[id]/page", { params: Promise.resolve({ id: benchmark }), searchParams: Promise.resolve({ release: "1" }) }],
  ];
  for (const [page, props] of pages) {
    const { default: Page } = (await import(`@/${page}`)) as { default: (p: Props) => Promise<ReactNode> };
    await walk(Page(props));
  }
  const { handleApi } = await import("@/server/api/handlers");
  const { ENDPOINTS } = await import("@/lib/api/endpoints");
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
    const response = await handleApi(name as keyof typeof ENDPOINTS, new Request(`http://localhost${endpoint.path}${endpoint.example}`));
    expect(response.status, name).toBe(200);
  }
  for (const [route, query] of [
    ["scores.csv", ""],
    ["benchmarks.csv", ""],
    ["scores.xlsx", `?from=${round}&to=${round}`],
    ["benchmarks.xlsx", ""],
    ["scorecard.pdf", `?round=${round}&statement=${statement}`],
    ["scorecard-brief.pdf", `?round=${round}&statement=${statement}`],
  ] as const) {
    const { GET } = (await import(`@/app/exports/${route}/route`)) as { GET: (request: Request) => Promise<Response> };
    const response = await GET(new Request(`http://localhost/exports/${route}${query}`));
    await response.arrayBuffer();
  }
}
