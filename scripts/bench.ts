// npm run bench -- [--db data/scale.db] [--seconds 5] [--out bench-results.json]
// Starts the production server on a database and measures, on loopback: p50/p95 latency at
// concurrency 1 and throughput at concurrency 16 per endpoint, peak server memory, the time of the
// bare SQL each page needs (its floor) and the ratio to it, and the gzipped JavaScript each page type
// ships. Prints a table and writes the figures as JSON. Bounded: each run stops after --seconds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/scale.db" },
    port: { type: "string", default: "3400" },
    seconds: { type: "string", default: "5" },
    out: { type: "string", default: "bench-results.json" },
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
if (!existsSync(".next/BUILD_ID")) spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

// Pick real identifiers from the database so every page has something to show.
const sqlite = new Database(dbFile, { readonly: true });
const lastRound = sqlite.prepare("SELECT id, slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC LIMIT 1").get() as { id: number; slug: string };
const benchmark = sqlite.prepare("SELECT id, slug FROM benchmarks WHERE confidential = 0 ORDER BY id LIMIT 1 OFFSET 41").get() as { id: number; slug: string };
const category = (sqlite.prepare("SELECT slug FROM categories ORDER BY position LIMIT 1 OFFSET 1").get() as { slug: string }).slug;

/** The bare reads a page needs, run straight through better-sqlite3: the floor no page can beat. */
const FLOORS: Record<string, () => unknown> = {
  dashboard: () => {
    sqlite.prepare("SELECT id, slug, start_date FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date").all();
    sqlite.prepare("SELECT round_id, status, COUNT(*) FROM published_scores GROUP BY round_id, status").all();
  },
  "dashboard (filtered)": () => {
    sqlite
      .prepare(
        `SELECT ps.round_id, ps.status, COUNT(*) FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN categories c ON c.id = b.category_id
          WHERE c.slug = ? GROUP BY ps.round_id, ps.status`,
      )
      .all(category);
  },
  "round scorecard": () => {
    sqlite
      .prepare(
        `SELECT b.id, b.title, ps.status, a.rationale FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id
           JOIN assessments a ON a.id = ps.assessment_id WHERE ps.round_id = ?`,
      )
      .all(lastRound.id);
  },
  "benchmark page": () => {
    sqlite.prepare("SELECT * FROM benchmarks WHERE id = ?").get(benchmark.id);
    sqlite.prepare("SELECT ps.*, a.rationale FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id WHERE ps.benchmark_id = ?").all(benchmark.id);
  },
  "api summary": () => sqlite.prepare("SELECT round_id, status, COUNT(*) FROM published_scores GROUP BY round_id, status").all(),
  "api scores (page)": () => sqlite.prepare("SELECT * FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id ORDER BY ps.round_id LIMIT 100").all(),
};

const ENDPOINTS: Array<{ name: string; path: string; heavy?: boolean }> = [
  { name: "dashboard", path: "/" },
  { name: "dashboard (filtered)", path: `/?category=${category}` },
  { name: "round scorecard", path: `/rounds/${lastRound.slug}?status=met` },
  { name: "benchmark page", path: `/benchmarks/${benchmark.slug}` },
  { name: "api summary", path: "/api/v1/summary" },
  { name: "api scores (page)", path: "/api/v1/scores?pageSize=100" },
  { name: "csv export (all scores)", path: "/exports/scores.csv", heavy: true },
  { name: "xlsx export (one round)", path: `/exports/scores.xlsx?from=${lastRound.slug}&to=${lastRound.slug}`, heavy: true },
  { name: "pdf (one round)", path: `/exports/scorecard.pdf?round=${lastRound.slug}`, heavy: true },
];

function floorMs(name: string): number | null {
  const run = FLOORS[name];
  if (!run) return null;
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

function rssKb(pid: number): number {
  // The server and any workers it starts.
  const result = spawnSync("sh", ["-c", `ps -o rss= -p ${pid}; ps -o rss= --ppid ${pid}`], { encoding: "utf8" });
  return result.stdout.split("\n").map(Number).filter(Boolean).reduce((a, b) => a + b, 0);
}

async function load(url: string, connections: number, heavy: boolean) {
  const result = await autocannon({ url, connections, duration: seconds, amount: heavy ? (connections === 1 ? 3 : undefined) : undefined, timeout: 120 });
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

const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { env: { ...process.env, DATABASE_PATH: dbFile, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
let peakKb = 0;
const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 200);
try {
  for (let i = 0; i < 100; i++) {
    if (await fetch(base + "/api/v1/tracks").then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const rows = [];
  for (const endpoint of ENDPOINTS) {
    const url = base + endpoint.path;
    await fetch(url).then((r) => r.arrayBuffer()); // warm up
    const serial = await load(url, 1, !!endpoint.heavy);
    const parallel = endpoint.heavy ? null : await load(url, 16, false);
    const floor = floorMs(endpoint.name);
    rows.push({
      endpoint: endpoint.name,
      path: endpoint.path,
      p50Ms: serial.p50,
      p97_5Ms: serial.p95,
      rpsAt16: parallel?.rps ?? null,
      errors: serial.errors + (parallel?.errors ?? 0),
      floorMs: floor === null ? null : Number(floor.toFixed(2)),
      ratioToFloor: floor ? Number((serial.p95 / Math.max(floor, 0.01)).toFixed(1)) : null,
    });
    console.error(`measured ${endpoint.name}`);
  }
  const js = {
    dashboard: await shippedJs("/"),
    "round scorecard": await shippedJs(`/rounds/${lastRound.slug}`),
    "benchmark page": await shippedJs(`/benchmarks/${benchmark.slug}`),
  };
  const counts = sqlite.prepare("SELECT (SELECT COUNT(*) FROM benchmarks) AS benchmarks, (SELECT COUNT(*) FROM rounds) AS rounds, (SELECT COUNT(*) FROM assessments) AS assessments").get();
  const report = { database: dbFile, counts, secondsPerRun: seconds, peakServerMemoryMb: Math.round(peakKb / 1024), firstLoadJsGzipBytes: js, endpoints: rows, measuredAt: new Date().toISOString() };
  writeFileSync(values.out!, JSON.stringify(report, null, 2) + "\n");
  console.table(rows.map((r) => ({ endpoint: r.endpoint, "p50 ms": r.p50Ms, "p97.5 ms (≥ p95)": r.p97_5Ms, "req/s @16": r.rpsAt16 === null ? "—" : Math.round(r.rpsAt16), "floor ms": r.floorMs ?? "—", "× floor": r.ratioToFloor ?? "—", errors: r.errors })));
  console.log(`Peak server memory: ${report.peakServerMemoryMb} MB`);
  console.log(`First-load JS (gzip): ${Object.entries(js).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} kB`).join(", ")}`);
  console.log(`Figures written to ${values.out}; database ${JSON.stringify(counts)}`);
} finally {
  clearInterval(sampler);
  server.kill("SIGTERM");
  sqlite.close();
}
