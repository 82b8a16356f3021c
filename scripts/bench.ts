// npm run bench -- [--db data/scale.db] [--seconds 5] [--out bench-results.json] [--port 3400] [--skip-exports] [--only pdf|side-by-side|a,b,…]
// Starts the production server on a database twice, and measures on loopback with autocannon:
//   1. with the public cache off (SCORECARD_PUBLIC_CACHE=off): every answer computed from the
//      database — p50/p95 at concurrency 1, the time of the bare SQL the answer needs run straight
//      through better-sqlite3 (its floor), and the ratio of the two;
//   2. with the cache on, as readers get it: p50/p95 at concurrency 1 and requests/s at concurrency 16;
//      then "edit one benchmark, then the first dashboard request": the writer's refresh after an
//      UPDATE of one benchmark's title, plus the first (no longer cached) dashboard request.
//   3. side by side, in that same cached run: the cached dashboard and a static file of the same server
//      (the page's stylesheet) at concurrency 16, by autocannon's command line in a separate process (and
//      by Debian's wrk where installed: see loadWithWrk), then both again through Debian's nginx with
//      deploy/nginx-scorecard.conf (its own config, cache folder and loopback port --port + 1, in a
//      temporary folder; stopped at the end), with the ratio of each pair and the load average.
// Also peak server memory, and the gzipped first-load JavaScript per page type. Prints a table and
// writes the figures as JSON. Bounded: each run stops after --seconds (exports after 3 requests).
// Requests carry a browser's Accept-Encoding, so pages are measured compressed, as readers get them.
// `--only side-by-side` measures the side-by-side lines alone (no uncached run).
// With DATABASE_URL=postgres://… the server and every floor run on that PostgreSQL database, which must
// hold --db's data (npm run restore of its backup: README, "The bench on PostgreSQL"); the identifiers
// are still picked from --db's file, and the bench refuses to run when the two hold different counts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { get as httpGet } from "node:http";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { localNginxConfig, NGINX } from "@/deploy/nginx-local";
import Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/client";
import { sql } from "drizzle-orm";
import { allRows, describeDatabase, loggingExecutor, runSql, usesPostgres } from "@/db/dialect";
import { migrateDatabase } from "@/db/migrate";
import { listBenchmarkSources, listBenchmarkSubjects, listPublicBenchmarksPage } from "@/db/queries/benchmarks";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getExportContext, listScoreRows } from "@/db/queries/exports";
import { getNeighbourRounds, getPublishedRound } from "@/db/queries/rounds";
import { countScorecardScope, getRoundTally, listScorecardBenchmarks, listScorecardCategories, listScorecardPageIds } from "@/db/queries/scorecard";
import { listCurrentStatuses, listPublishedScoreDetails } from "@/db/queries/scores";
import { listPublicSubjectsPage, listSubjectBenchmarkLinks } from "@/db/queries/subjects";
import { refreshPublishedAggregates } from "@/db/commands/published-aggregates";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { pickPdfView } from "./pdf-bench-view";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/scale.db" },
    port: { type: "string", default: "3400" },
    seconds: { type: "string", default: "5" },
    out: { type: "string", default: "bench-results.json" },
    // At 100,000 benchmarks one CSV of every score takes minutes; time the exports once with curl instead.
    "skip-exports": { type: "boolean", default: false },
    // Only the endpoints whose name contains this text, e.g. --only pdf for the two PDF lines.
    only: { type: "string" },
  },
});
const dbFile = path.resolve(values.db!);
if (!existsSync(dbFile)) {
  console.error(`No database at ${dbFile}. Make one with: npm run seed:scale -- --benchmarks 100000 --rounds 25 --reviewers 3`);
  process.exit(2);
}
const port = Number(values.port);
const seconds = Number(values.seconds);
const base = `http://127.0.0.1:${port}`;
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/json" };
if (!existsSync(".next/BUILD_ID")) spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

// The database must be migrated and its aggregates current before anything is timed (npm start does
// both before serving; readers never build them). The writer stays open for the edit measured below.
const writer = openDatabase(dbFile);
await migrateDatabase(writer);
await refreshPublishedAggregates(writer);

// Pick real identifiers from the database so every page has something to show.
const sqlite = new Database(dbFile, { readonly: true });
const onPostgres = usesPostgres();
const COUNTS = "SELECT (SELECT COUNT(*) FROM benchmarks) AS benchmarks, (SELECT COUNT(*) FROM rounds) AS rounds, (SELECT COUNT(*) FROM assessments) AS assessments, (SELECT COUNT(*) FROM published_scores) AS publishedScores";
const counts = (await allRows<Record<string, number>>(writer, sql.raw(COUNTS)))[0]!;
if (onPostgres) {
  const fileCounts = sqlite.prepare(COUNTS).get();
  if (JSON.stringify(fileCounts) !== JSON.stringify(counts)) {
    console.error(`${describeDatabase(dbFile)} holds ${JSON.stringify(counts)}, ${dbFile} ${JSON.stringify(fileCounts)}: restore the file's backup into an empty database first (README).`);
    process.exit(2);
  }
}
const lastRound = sqlite.prepare("SELECT id, slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC LIMIT 1").get() as { id: number; slug: string };
const benchmark = sqlite.prepare("SELECT id, slug FROM benchmarks WHERE confidential = 0 ORDER BY id LIMIT 1 OFFSET 41").get() as { id: number; slug: string };
const category = (sqlite.prepare("SELECT slug FROM categories ORDER BY position LIMIT 1 OFFSET 1").get() as { slug: string }).slug;
// A PDF lists at most 250 benchmarks (a whole round at scale is refused with 422): the statement
// whose benchmarks come closest to 200, within the last round.
const pdfStatement = (
  sqlite.prepare("SELECT s.slug FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id HAVING count(*) <= 250 ORDER BY abs(count(*) - 200) LIMIT 1").get() as
    | { slug: string }
    | undefined
)?.slug;

// The PDFs are timed on one round narrowed to about 200 benchmarks (scripts/pdf-bench-view.ts).
const pdfView = await pickPdfView(sqlite, writer, lastRound.slug);

/**
 * The SQL a data-access call runs, captured through drizzle's logger, to be replayed bare on the same
 * database (one statement after another; on PostgreSQL each awaits its round trip, as the app's do).
 */
async function replay(run: (db: Db) => unknown): Promise<() => unknown> {
  const statements: Array<() => unknown> = [];
  const logging = loggingExecutor(writer, (query, params) => statements.push(logging.replay(query, params)));
  await run(logging.db);
  return bareStatements(statements);
}

function bareStatements(statements: Array<() => unknown>): () => unknown {
  if (!onPostgres) return () => statements.map((s) => s());
  return async () => {
    for (const s of statements) await s();
  };
}

/** Hand-written bare reads (SQLite's `?` placeholders, numbered $1, $2 … for PostgreSQL). */
function bare(...queries: Array<[string, unknown[]]>): () => unknown {
  const { replay: prepare } = loggingExecutor(writer, () => {});
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  return bareStatements(queries.map(([text, params]) => prepare(onPostgres ? numbered(text) : text, params)));
}

const dashboardSql = (filters: DashboardFilters) =>
  replay((db) => getDashboardSummary(db, filters, { heatMapLimit: DASHBOARD_LIMITS.heatMapPage, changesLimit: DASHBOARD_LIMITS.changesPage }));

/** The bare reads each answer needs, run straight through better-sqlite3 (or node-postgres): the floor no page can beat. */
const FLOORS: Record<string, () => unknown> = {
  dashboard: await dashboardSql({}),
  "dashboard (filtered)": await dashboardSql({ category }),
  "round scorecard": await replay(async (db) => {
      const round = (await getPublishedRound(db, lastRound.slug))!;
      const filter = { sort: "category", status: "met" } as const;
      const scope = countScorecardScope(filter, await getRoundTally(db, round));
      const ids = await listScorecardPageIds(db, round, filter, scope, { offset: 0, limit: 100 });
      await listScorecardCategories(db, round);
      await listScorecardBenchmarks(db, ids);
      await listPublishedScoreDetails(db, { benchmarkIds: ids, roundIds: [round.id] });
      await listBenchmarkSources(db, ids);
      await getNeighbourRounds(db, round);
  }),
  "benchmark page": bare(
    ["SELECT * FROM benchmarks WHERE id = ?", [benchmark.id]],
    ["SELECT ps.*, a.rationale FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id WHERE ps.benchmark_id = ?", [benchmark.id]],
  ),
  "api summary": await replay((db) => getDashboardSummary(db, {}, { figuresOnly: true })),
  "api scores (page)": await replay(async (db) => listScoreRows(db, await getExportContext(db, {}), { limit: 100, offset: 0 })),
  "api benchmarks (page)": await replay(async (db) => {
    const { rows } = await listPublicBenchmarksPage(db, (await getExportContext(db, {})).resolved, { limit: 100, offset: 0 });
    await listBenchmarkSources(db, rows.map((b) => b.id));
    await listBenchmarkSubjects(db, rows.map((b) => b.id));
  }),
  "people index": await replay(async (db) => {
    const { rows } = await listPublicSubjectsPage(db, "people", "", { limit: 100, offset: 0 });
    await listCurrentStatuses(db, (await listSubjectBenchmarkLinks(db, rows.map((s) => s.id))).map((l) => l.benchmarkId));
  }),
};

interface Endpoint {
  name: string;
  path: string;
  /** Exports: a few requests at concurrency 1, no throughput run. */
  heavy?: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { name: "dashboard", path: "/" },
  { name: "dashboard (filtered)", path: `/?category=${category}` },
  { name: "round scorecard", path: `/rounds/${lastRound.slug}?status=met` },
  { name: "benchmark page", path: `/benchmarks/${benchmark.slug}` },
  { name: "api summary", path: "/api/v1/summary" },
  { name: "api scores (page)", path: "/api/v1/scores?pageSize=100" },
  { name: "api benchmarks (page)", path: "/api/v1/benchmarks?pageSize=100" },
  { name: "people index", path: "/people" },
  // Issue 16: the Chinese pages beside the English ones, cached and uncached.
  { name: "dashboard (Chinese)", path: "/zh" },
  { name: "round scorecard (Chinese)", path: `/zh/rounds/${lastRound.slug}?status=met` },
  { name: "benchmark page (Chinese)", path: `/zh/benchmarks/${benchmark.slug}` },
  { name: "csv export (all scores)", path: "/exports/scores.csv", heavy: true },
  { name: "xlsx export (one round)", path: `/exports/scores.xlsx?from=${lastRound.slug}&to=${lastRound.slug}`, heavy: true },
  { name: "pdf (one round, one statement)", path: `/exports/scorecard.pdf?round=${lastRound.slug}${pdfStatement ? `&statement=${pdfStatement}` : ""}`, heavy: true },
  { name: `pdf full scorecard (one round, ${pdfView.benchmarks} benchmarks)`, path: `/exports/scorecard.pdf?${pdfView.query}`, heavy: true },
  { name: `pdf brief (one round, ${pdfView.benchmarks} benchmarks)`, path: `/exports/scorecard-brief.pdf?${pdfView.query}`, heavy: true },
  { name: `pdf brief in Chinese (one round, ${pdfView.benchmarks} benchmarks)`, path: `/zh/exports/scorecard-brief.pdf?${pdfView.query}`, heavy: true },
];

async function floorMs(name: string): Promise<number | null> {
  const run = FLOORS[name];
  if (!run) return null;
  await run();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

function rssKb(pid: number): number {
  // The server and any workers it starts.
  const result = spawnSync("sh", ["-c", `ps -o rss= -p ${pid}; ps -o rss= --ppid ${pid}`], { encoding: "utf8" });
  return result.stdout.split("\n").map(Number).filter(Boolean).reduce((a, b) => a + b, 0);
}

async function load(url: string, connections: number, heavy: boolean) {
  const result = await autocannon({ url, connections, headers: BROWSER_HEADERS, duration: seconds, amount: heavy ? 3 : undefined, timeout: 120 });
  // autocannon reports p90 and p97.5, not p95: p97.5 is given as an upper bound of p95.
  return { p50: result.latency.p50, p95: result.latency.p97_5, rps: result.requests.average, errors: result.errors + result.non2xx };
}

async function shippedJs(pagePath: string): Promise<number> {
  const html = await (await fetch(base + pagePath)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of new Set(scripts)) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return total;
}

async function withServer<T>(cache: "on" | "off", measure: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const server: ChildProcess = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbFile,
      NEXT_TELEMETRY_DISABLED: "1",
      SCORECARD_PUBLIC_CACHE: cache,
      // On PostgreSQL the server needs the shared auth secret (server/auth/secret.ts); the bench signs no one in.
      ...(onPostgres && !process.env.BETTER_AUTH_SECRET ? { BETTER_AUTH_SECRET: "bench-only-secret-no-account-signs-in-here" } : {}),
    },
    stdio: "ignore",
  });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 200);
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(base + "/api/v1/tracks").then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    console.error(`server ready (public cache ${cache})`);
    return { result: await measure(), peakMb: Math.round(peakKb / 1024) };
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

/**
 * An editor corrects one benchmark's title: the writer's refresh (what the guarded action runs after
 * its change), then the first reader of the dashboard, whose cached rendering the edit made stale.
 * The title is put back afterwards, refreshed the same way, so the database is left as it was. One
 * edit first, untimed: a server's writer has compiled the names to withhold once, at its first edit.
 */
async function editThenFirstRequest(): Promise<{ refreshMs: number; firstRequestMs: number; totalMs: number }> {
  const [{ title }] = (await allRows<{ title: string }>(writer, sql`SELECT title FROM benchmarks WHERE id = ${benchmark.id}`)) as [{ title: string }];
  const edit = (to: string) => runSql(writer, sql`UPDATE benchmarks SET title = ${to} WHERE id = ${benchmark.id}`);
  await edit(`${title} (warm-up)`);
  await refreshPublishedAggregates(writer);
  await edit(title);
  await refreshPublishedAggregates(writer);
  await warm(base + "/");
  const started = performance.now();
  await edit(`${title} (edited)`);
  await refreshPublishedAggregates(writer);
  const refreshed = performance.now();
  await warm(base + "/");
  const done = performance.now();
  await edit(title);
  await refreshPublishedAggregates(writer);
  const round = (ms: number) => Number(ms.toFixed(1));
  return { refreshMs: round(refreshed - started), firstRequestMs: round(done - refreshed), totalMs: round(done - started) };
}

const warm = (url: string) => fetch(url, { headers: BROWSER_HEADERS }).then((r) => r.arrayBuffer());

// --only takes one name fragment or several separated by commas ("dashboard,page").
const onlyFragments = values.only?.split(",").map((f) => f.trim()).filter(Boolean) ?? [];
const measured = (values["skip-exports"] ? ENDPOINTS.filter((e) => !e.heavy) : ENDPOINTS).filter((e) => onlyFragments.length === 0 || onlyFragments.some((f) => e.name.includes(f)));
const sideBySide = onlyFragments.length === 0 || onlyFragments.some((f) => "side-by-side".includes(f));

const nginxPort = port + 1;

async function withNginx<T>(measure: (base: string) => Promise<T>): Promise<T | null> {
  if (!existsSync(NGINX)) {
    console.error(`no ${NGINX}: the lines through nginx are skipped`);
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "scorecard-bench-nginx-"));
  writeFileSync(path.join(dir, "nginx.conf"), localNginxConfig({ dir, listen: nginxPort, upstream: [port] }));
  const nginx = spawn(NGINX, ["-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
  const nginxBase = `http://127.0.0.1:${nginxPort}`;
  try {
    for (let i = 0; i < 50; i++) {
      if (await fetch(nginxBase + "/api/v1/tracks").then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return await measure(nginxBase);
  } finally {
    nginx.kill("SIGTERM");
    await new Promise((r) => nginx.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

interface SideBySide {
  label: string;
  dashboardRps: number;
  staticRps: number;
  ratio: number;
  errors: number;
  /** The bytes one answer carried, as a browser asks (compressed where it is). */
  dashboardBytes: number;
  staticBytes: number;
  staticPath?: string;
  /** The machine's 1-minute load average before and after the pair (it is shared: the figures are noisy). */
  loadAverage?: number[];
}

/**
 * Requests/s at concurrency 16 measured by autocannon's command line in a process of its own: inside
 * this one, which holds the database and the figures, the client itself was the bottleneck (a tenth of
 * what a separate client measured for the same server).
 */
function loadFromOutside(url: string, generator: LoadGenerator = "autocannon"): Promise<{ rps: number; errors: number }> {
  if (generator === "wrk") return loadWithWrk(url);
  const headers = Object.entries(BROWSER_HEADERS).flatMap(([name, value]) => ["-H", `${name}=${value}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/autocannon"), ["-j", "-c", "16", "-d", String(seconds), ...headers, url], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      try {
        const result = JSON.parse(out) as { requests: { average: number }; errors: number; non2xx: number };
        resolve({ rps: result.requests.average, errors: result.errors + result.non2xx });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

type LoadGenerator = "autocannon" | "wrk";
const WRK = "/usr/bin/wrk";

/**
 * Requests/s at concurrency 16 by wrk (Debian's package, C, two threads), where it is installed.
 * autocannon spends ~1.8 ms of its own CPU on each 31 kB answer: through nginx it, not nginx, was
 * the bottleneck (the same bytes a second for the page and the static file), so the pair is measured
 * by wrk as well, whose client costs a fraction of that.
 */
function loadWithWrk(url: string): Promise<{ rps: number; errors: number }> {
  const headers = Object.entries(BROWSER_HEADERS).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, ["-t", "2", "-c", "16", "-d", `${seconds}s`, ...headers, url], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
      if (!Number.isFinite(rps)) return reject(new Error(`wrk printed no requests/s: ${out}`));
      const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
      const socket = [...(out.match(/Socket errors:([^\n]*)/)?.[1] ?? "").matchAll(/\d+/g)].reduce((a, m) => a + Number(m[0]), 0);
      resolve({ rps, errors: non2xx + socket });
    });
  });
}

/** The cached dashboard and a static file of the same server at concurrency 16, one after the other. */
async function sideBySideAt(label: string, origin: string, staticPath: string, generator: LoadGenerator = "autocannon"): Promise<SideBySide> {
  // What one answer carries on the wire: its Content-Length, or for a chunked answer the bytes read undecoded.
  const size = (url: string) =>
    new Promise<number>((resolve, reject) =>
      httpGet(url, { headers: BROWSER_HEADERS }, (response) => {
        let n = 0;
        response.on("data", (chunk: Buffer) => (n += chunk.length));
        response.on("end", () => resolve(n));
      }).on("error", reject),
    );
  for (const url of [origin + "/", origin + staticPath]) for (let i = 0; i < 3; i++) await warm(url);
  const dashboard = await loadFromOutside(origin + "/", generator);
  const file = await loadFromOutside(origin + staticPath, generator);
  return {
    label: generator === "autocannon" ? label : `${label}, by ${generator}`,
    dashboardRps: Math.round(dashboard.rps),
    staticRps: Math.round(file.rps),
    ratio: Number((dashboard.rps / file.rps).toFixed(2)),
    errors: dashboard.errors + file.errors,
    dashboardBytes: await size(origin + "/"),
    staticBytes: await size(origin + staticPath),
  };
}

const uncached = measured.length === 0 ? { result: [], peakMb: 0 } : await withServer("off", async () => {
  const rows = [];
  for (const endpoint of measured) {
    const url = base + endpoint.path;
    await warm(url);
    const loadBefore = loadavg()[0]!;
    const serial = await load(url, 1, !!endpoint.heavy);
    // The machine may be shared: its load average before and after each line, beside the figures.
    const loadAverage = [Number(loadBefore.toFixed(2)), Number(loadavg()[0]!.toFixed(2))];
    console.error(`  ${endpoint.name}: p50 ${serial.p50} ms, p97.5 ${serial.p95} ms, load average ${loadAverage.join(" → ")}`);
    const floor = await floorMs(endpoint.name);
    rows.push({ endpoint: endpoint.name, path: endpoint.path, serial, floor, loadAverage });
    console.error(`measured ${endpoint.name} (uncached)`);
  }
  return rows;
});

const cached = await withServer("on", async () => {
  const rows = [];
  for (const endpoint of measured.filter((e) => !e.heavy)) {
    const url = base + endpoint.path;
    await warm(url);
    await warm(url);
    const serial = await load(url, 1, false);
    const parallel = await load(url, 16, false);
    rows.push({ endpoint: endpoint.name, serial, parallel });
    console.error(`measured ${endpoint.name} (cached)`);
  }
  let sides: SideBySide[] = [];
  if (sideBySide) {
    // The page's own stylesheet: a static file Next serves from the same process.
    const staticPath = (await (await fetch(base + "/")).text()).match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    if (!staticPath) throw new Error("The dashboard links no stylesheet to compare with.");
    const loadBefore = loadavg()[0]!;
    sides.push(await sideBySideAt("app", base, staticPath));
    const generators: LoadGenerator[] = existsSync(WRK) ? ["autocannon", "wrk"] : ["autocannon"];
    if (!existsSync(WRK)) console.error(`no ${WRK} (apt-get install wrk): the side-by-side pairs are measured by autocannon only`);
    if (generators.includes("wrk")) sides.push(await sideBySideAt("app", base, staticPath, "wrk"));
    const throughNginx = await withNginx(async (origin) => {
      const pairs: SideBySide[] = [];
      for (const generator of generators) pairs.push(await sideBySideAt("through nginx", origin, staticPath, generator));
      return pairs;
    });
    if (throughNginx) sides.push(...throughNginx);
    sides = sides.map((s) => ({ ...s, staticPath, loadAverage: [Number(loadBefore.toFixed(2)), Number(loadavg()[0]!.toFixed(2))] }));
    for (const s of sides) console.error(`  side by side, ${s.label}: dashboard ${s.dashboardRps} req/s, static file ${s.staticRps} req/s (${Math.round(s.ratio * 100)} %)`);
  }
  if (measured.length === 0) return { rows, js: {}, edit: null, sides };
  const edit = await editThenFirstRequest();
  console.error(`  edit one benchmark: refresh ${edit.refreshMs} ms, then the first dashboard request ${edit.firstRequestMs} ms`);
  const js = {
    dashboard: await shippedJs("/"),
    "round scorecard": await shippedJs(`/rounds/${lastRound.slug}`),
    "benchmark page": await shippedJs(`/benchmarks/${benchmark.slug}`),
  };
  return { rows, js, edit, sides };
});

const rows = uncached.result.map((u) => {
  const c = cached.result.rows.find((r) => r.endpoint === u.endpoint);
  return {
    endpoint: u.endpoint,
    path: u.path,
    uncachedP50Ms: u.serial.p50,
    uncachedP97_5Ms: u.serial.p95,
    floorMs: u.floor === null ? null : Number(u.floor.toFixed(2)),
    ratioToFloor: u.floor ? Number((u.serial.p95 / Math.max(u.floor, 0.01)).toFixed(1)) : null,
    cachedP50Ms: c?.serial.p50 ?? null,
    cachedP97_5Ms: c?.serial.p95 ?? null,
    cachedRpsAt16: c ? Math.round(c.parallel.rps) : null,
    errors: u.serial.errors + (c ? c.serial.errors + c.parallel.errors : 0),
    uncachedLoadAverage: u.loadAverage,
  };
});
const report = {
  database: describeDatabase(dbFile),
  dialect: onPostgres ? "postgresql" : "sqlite",
  counts,
  secondsPerRun: seconds,
  peakServerMemoryMb: { uncached: uncached.peakMb, cached: cached.peakMb },
  firstLoadJsGzipBytes: cached.result.js,
  endpoints: rows,
  sideBySideAt16: cached.result.sides,
  editOneBenchmarkThenFirstDashboardRequest: cached.result.edit,
  measuredAt: new Date().toISOString(),
};
writeFileSync(values.out!, JSON.stringify(report, null, 2) + "\n");
console.table(
  rows.map((r) => ({
    endpoint: r.endpoint,
    "uncached p50": r.uncachedP50Ms,
    "uncached p97.5 (≥ p95)": r.uncachedP97_5Ms,
    "floor ms": r.floorMs ?? "—",
    "× floor": r.ratioToFloor ?? "—",
    "cached p50": r.cachedP50Ms ?? "—",
    "cached p97.5": r.cachedP97_5Ms ?? "—",
    "cached req/s @16": r.cachedRpsAt16 ?? "—",
    errors: r.errors,
    "load (uncached)": r.uncachedLoadAverage.join(" → "),
  })),
);
for (const s of cached.result.sides) {
  console.log(
    `Side by side at concurrency 16, ${s.label}: cached dashboard ${s.dashboardRps} req/s (${s.dashboardBytes} bytes), static file ${s.staticRps} req/s (${s.staticBytes} bytes): ${Math.round(s.ratio * 100)} % · load average ${s.loadAverage?.join(" → ")}${s.errors ? ` · ${s.errors} errors` : ""}`,
  );
}
const edit = cached.result.edit;
if (edit) console.log(`Edit one benchmark, then the first dashboard request: ${edit.totalMs} ms (refresh ${edit.refreshMs} ms + request ${edit.firstRequestMs} ms)`);
console.log(`Peak server memory: ${uncached.peakMb} MB uncached run (exports included), ${cached.peakMb} MB cached run`);
console.log(`First-load JS (gzip): ${Object.entries(cached.result.js).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} kB`).join(", ")}`);
console.log(`Figures written to ${values.out}; database ${JSON.stringify(counts)}`);
sqlite.close();
await writer.$client.close();
