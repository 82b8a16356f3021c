// node --import tsx scripts/profile-pdf.ts --db /tmp/copy.db [--runs 5] [--kind scorecard,brief] [--lang zh] [--query "round=…&statement=…"]
// Both PDFs of the bench's view (scripts/pdf-bench-view.ts), built in this process through their
// route, run after run: each run's total, the time of the view's data (getScorecardPdfData, with the
// SQL statements that took longest) and the rest (the render). Prints the p50 of each and the load.
// Migrates the database and refreshes its aggregates first, as the bench does: give it a copy.
import { register } from "node:module";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: { db: { type: "string" }, runs: { type: "string", default: "5" }, query: { type: "string" }, kind: { type: "string", default: "scorecard,brief" }, lang: { type: "string", default: "en" } },
});
if (!values.db) throw new Error("--db is required (a copy: it is migrated)");
process.env.DATABASE_PATH = path.resolve(values.db);
// "server-only" throws outside a React server bundle, and that bundle's React (--conditions=react-server)
// lacks what the message catalogue's library imports: the data-access modules load with it stubbed.
register(`data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }')}`);
const runs = Number(values.runs);

// Every statement's time, by its SQL text: better-sqlite3 runs them synchronously, so these add up.
const statementTimes = new Map<string, { ms: number; calls: number }>();
const probe = new Database(":memory:");
const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
for (const method of ["all", "get", "run", "iterate"] as const) {
  const original = proto[method]!;
  proto[method] = function (this: { source: string }, ...args: unknown[]) {
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const entry = statementTimes.get(this.source) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - start;
      entry.calls += 1;
      statementTimes.set(this.source, entry);
    }
  };
}
probe.close();

const { getDb } = await import("@/db/client");
const { migrateDatabase } = await import("@/db/migrate");
const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
const { getScorecardPdfData } = await import("@/db/queries/scorecard-pdf");
const { scorecardPdfRoute, countPdfPages } = await import("@/server/exports/scorecard-pdf");
const { parseDashboardFilters } = await import("@/lib/validation/dashboard-filters");
const { publicBaseUrl, readEnv } = await import("@/lib/env");
const { pickPdfView } = await import("./pdf-bench-view");

const db = getDb();
await migrateDatabase(db);
await refreshPublishedAggregates(db);
const lastRound = db.$client.prepare("SELECT slug FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC LIMIT 1").get() as { slug: string };
const view = values.query ? { query: values.query, benchmarks: NaN } : await pickPdfView(db.$client, db, lastRound.slug);
console.log(`view: ${view.query} (${view.benchmarks} benchmarks)`);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const params = Object.fromEntries(new URLSearchParams(view.query));
const { filters } = parseDashboardFilters(params.round ? { ...params, from: params.round, to: params.round } : params);

for (const kind of values.kind!.split(",") as Array<"scorecard" | "brief">) {
  const route = scorecardPdfRoute(kind);
  const totals: number[] = [];
  const datas: number[] = [];
  const cpus: number[] = [];
  let pages = 0;
  // One run first, not counted: fonts loaded, statements prepared, code compiled.
  for (let run = -1; run < runs; run++) {
    statementTimes.clear();
    const t0 = performance.now();
    await getScorecardPdfData(db, filters, publicBaseUrl(readEnv()), values.lang === "zh" ? "zh" : "en");
    const data = performance.now() - t0;
    const sql = [...statementTimes.entries()].map(([source, e]) => [source, { ...e }] as const).sort((a, b) => b[1].ms - a[1].ms);
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const response = await route(new Request(`http://localhost/exports/x.pdf?${view.query}${values.lang === "zh" ? "&lang=zh" : ""}`));
    const body = Buffer.from(await response.arrayBuffer());
    const total = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    pages = countPdfPages(body);
    if (run < 0) continue;
    totals.push(total);
    datas.push(data);
    cpus.push(cpuMs);
    if (run === 0) {
      const sqlMs = sql.reduce((a, [, e]) => a + e.ms, 0);
      console.log(`${kind}: data ${data.toFixed(0)} ms, of it SQL ${sqlMs.toFixed(0)} ms in ${sql.reduce((a, [, e]) => a + e.calls, 0)} statements; the longest:`);
      for (const [source, e] of sql.slice(0, Number(process.env.PROFILE_SQL_TOP ?? 8))) console.log(`  ${e.ms.toFixed(0).padStart(6)} ms ×${e.calls}  ${source.replace(/\s+/g, " ").slice(0, Number(process.env.PROFILE_SQL_CHARS ?? 160))}`);
    }
    console.log(`${kind} run ${run + 1}: total ${total.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms (data ${data.toFixed(0)} ms, the rest ${(total - data).toFixed(0)} ms), ${pages} pages, ${body.length} bytes, load ${loadavg()[0]!.toFixed(2)}`);
  }
  console.log(`${kind} p50: total ${p50(totals).toFixed(0)} ms (CPU ${p50(cpus).toFixed(0)} ms), data ${p50(datas).toFixed(0)} ms, the rest ~${(p50(totals) - p50(datas)).toFixed(0)} ms, ${pages} pages, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
