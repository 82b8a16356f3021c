// npm run load-fault -- [--seconds 20] [--reviewers 4] [--readers 4] [--port 3500] [--kill-at 0.5] [--keep]
// Load and a fault on loopback, bounded in time: a throwaway copy of the seed database, the
// production server on it, N reviewer accounts saving scores through POST /api/v1/assessments
// (several on the same benchmarks at once) while readers load the dashboard and a slow client
// downloads an export. Part-way through, the server is killed with SIGKILL and started again; the
// load carries on. At the end the database is opened directly: integrity and foreign-key checks,
// and every save the server acknowledged must be there, with its text. Prints
// "saves acknowledged: N, saves found: N, errors: N"; exits 1 if a save is missing or the database
// is damaged.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    reviewers: { type: "string", default: "4" },
    readers: { type: "string", default: "4" },
    port: { type: "string", default: "3500" },
    "kill-at": { type: "string", default: "0.5" },
    keep: { type: "boolean", default: false },
  },
});
const bounded = (name: string, value: string | undefined, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number from ${min} to ${max}.`);
    process.exit(2);
  }
  return n;
};
const SECONDS = bounded("seconds", values.seconds, 4, 300);
const REVIEWERS = bounded("reviewers", values.reviewers, 1, 32);
const READERS = bounded("readers", values.readers, 0, 32);
const PORT = bounded("port", values.port, 1024, 65535);
const KILL_AT = bounded("kill-at", values["kill-at"], 0.1, 0.9);
const BASE = `http://127.0.0.1:${PORT}`;

const dir = mkdtempSync(path.join(tmpdir(), "load-fault-"));
const DATABASE_PATH = path.join(dir, "scorecard.db");
process.env.DATABASE_PATH = DATABASE_PATH;
process.env.PORT = String(PORT);
process.env.BETTER_AUTH_URL = BASE;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);
let t0 = performance.now();

// 1. A fresh database from the seed, and the reviewers' accounts, made with the project's own code.
const { prepareDatabase } = await import("@/db/prepare");
await prepareDatabase(DATABASE_PATH);
const { createAccount } = await import("@/server/auth/accounts");
const accounts = Array.from({ length: REVIEWERS }, (_, i) => ({ email: `load-reviewer-${i + 1}@example.org`, password: `load-password-${i + 1}-x` }));
for (const [i, account] of accounts.entries()) await createAccount({ ...account, name: `Load reviewer ${i + 1}`, role: "reviewer" });
(await import("@/db/client")).getDb().$client.close();

// The benchmarks the reviewers score: a few, so that several reviewers save the same one at once.
const setup = new Database(DATABASE_PATH, { readonly: true });
const PAIRS = setup
  .prepare(
    `SELECT r.slug AS round, b.slug AS benchmark FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug IN ('hrc-37', 'upr-china-2018') AND f.start_date <= r.start_date AND (b.retired_on IS NULL OR b.retired_on > r.start_date)
        AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id AND bt.track_id = r.track_id))
      ORDER BY b.id, r.id LIMIT 6`,
  )
  .all() as Array<{ round: string; benchmark: string }>;
setup.close();

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running next build …");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

// 2. The production server, in a process group of its own so that one SIGKILL takes all of it.
let server: ChildProcess | null = null;
function startServer(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SIGN_IN_ATTEMPTS_PER_MINUTE: String(REVIEWERS + 10) },
  });
  return child;
}
function killServer(signal: NodeJS.Signals) {
  if (server?.pid) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* already gone */
    }
  }
}
async function waitUntilServing(timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await fetch(`${BASE}/api/v1/tracks`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`The server did not answer on ${BASE} within ${timeoutMs / 1000} s.`);
}
process.on("exit", () => killServer("SIGKILL"));

server = startServer();
await waitUntilServing();
t0 = performance.now();
log(`serving ${BASE} on ${DATABASE_PATH}`);

// 3. Each reviewer signs in once; the session lives in the database, so it survives the restart.
async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`Sign-in of ${account.email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
const cookies = await Promise.all(accounts.map(signIn));
log(`${REVIEWERS} reviewers signed in; they score ${PAIRS.length} benchmark × round pairs`);

interface Ack {
  id: number;
  reviewer: string;
  rationale: string;
}
const acknowledged: Ack[] = [];
const stats = { conflicts: 0, downRefusals: 0, unexpected: [] as string[], reads: 0, readFailures: 0, readMs: [] as number[], exportBytes: 0, exports: 0 };
let serverDown = false;
let savesInFlight = 0;
const endAt = performance.now() + SECONDS * 1000;

async function reviewer(i: number) {
  const latest = new Map<string, number>();
  let n = 0;
  while (performance.now() < endAt) {
    const pair = PAIRS[Math.floor(Math.random() * PAIRS.length)]!;
    const key = `${pair.round}/${pair.benchmark}`;
    const rationale = `Load test: reviewer ${i + 1}, save ${++n}, ${key}.`;
    const body = { round: pair.round, benchmark: pair.benchmark, expectedLatestId: latest.get(key) ?? 0, status: ["met", "partial", "not_met"][n % 3], rationale, evidence: [] };
    savesInFlight += 1;
    try {
      const response = await fetch(`${BASE}/api/v1/assessments`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]! },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.json()) as { id?: number; latestId?: number; error?: string };
      if (response.status === 201) {
        acknowledged.push({ id: answer.id!, reviewer: accounts[i]!.email, rationale });
        latest.set(key, answer.id!);
      } else if (response.status === 409) {
        // A save committed whose answer was lost in the kill: the server says what is latest now.
        stats.conflicts += 1;
        latest.set(key, answer.latestId ?? 0);
      } else {
        stats.unexpected.push(`${response.status} ${answer.error ?? ""}`);
      }
    } catch (error) {
      if (serverDown || (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED" || (error as { cause?: { code?: string } }).cause?.code === "ECONNRESET") {
        stats.downRefusals += 1;
        await sleep(100);
      } else {
        stats.unexpected.push(String(error));
      }
    } finally {
      savesInFlight -= 1;
    }
  }
}

async function reader() {
  while (performance.now() < endAt) {
    const started = performance.now();
    try {
      const response = await fetch(`${BASE}/`, { signal: AbortSignal.timeout(15_000) });
      await response.arrayBuffer();
      if (response.ok) {
        stats.reads += 1;
        stats.readMs.push(performance.now() - started);
      } else stats.readFailures += 1;
    } catch {
      stats.readFailures += 1;
      await sleep(100);
    }
  }
}

/** A client that reads an export slowly, a chunk at a time, while everyone else carries on. */
async function slowExporter() {
  while (performance.now() < endAt) {
    try {
      const response = await fetch(`${BASE}/exports/scores.csv`, { signal: AbortSignal.timeout(30_000) });
      const chunks = response.body!.getReader();
      for (let next = await chunks.read(); !next.done; next = await chunks.read()) {
        stats.exportBytes += next.value.byteLength;
        await sleep(20);
      }
      stats.exports += 1;
    } catch {
      await sleep(200);
    }
  }
}

// 4. The fault: SIGKILL part-way through, then start again while the load goes on.
async function fault() {
  await sleep(SECONDS * 1000 * KILL_AT);
  const saved = acknowledged.length;
  serverDown = true;
  killServer("SIGKILL");
  log(`server killed with SIGKILL after ${saved} acknowledged saves, ${savesInFlight} saves in flight`);
  const restarted = performance.now();
  server = startServer();
  await waitUntilServing();
  serverDown = false;
  log(`server restarted and serving again after ${((performance.now() - restarted) / 1000).toFixed(1)} s`);
}

await Promise.all([...accounts.map((_, i) => reviewer(i)), ...Array.from({ length: READERS }, reader), slowExporter(), fault()]);
log("load finished; stopping the server");
killServer("SIGTERM");
await sleep(1000);
killServer("SIGKILL");

// 5. The database, opened directly: consistent, and holding every acknowledged save.
const db = new Database(DATABASE_PATH);
const integrity = db.pragma("integrity_check", { simple: true }) as string;
const foreignKeys = db.pragma("foreign_key_check") as unknown[];
const find = db.prepare("SELECT a.rationale, u.email FROM assessments a JOIN users u ON u.id = a.reviewer_id WHERE a.id = ?");
const missing = acknowledged.filter((ack) => {
  const row = find.get(ack.id) as { rationale: string; email: string } | undefined;
  return !row || row.rationale !== ack.rationale || row.email !== ack.reviewer;
});
const stored = (db.prepare("SELECT COUNT(*) AS n FROM assessments a JOIN users u ON u.id = a.reviewer_id WHERE u.email LIKE 'load-reviewer-%'").get() as { n: number }).n;
const audited = (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'assessment.create'").get() as { n: number }).n;
db.close();

const sorted = stats.readMs.sort((a, b) => a - b);
const p = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0) : "—");
const errors = stats.downRefusals + stats.unexpected.length + stats.readFailures;
console.log(`
dashboard loads: ${stats.reads} answered (p50 ${p(0.5)} ms, p95 ${p(0.95)} ms), ${stats.readFailures} failed
exports read slowly alongside: ${stats.exports} complete, ${(stats.exportBytes / 1024).toFixed(0)} KB
assessments by the load reviewers in the database: ${stored} (audit entries for assessments: ${audited}); conflicts answered 409 and retried: ${stats.conflicts}
errors: ${stats.downRefusals} saves refused while the server was down, ${stats.readFailures} failed reads, ${stats.unexpected.length} unexpected${stats.unexpected.length ? `: ${[...new Set(stats.unexpected)].slice(0, 5).join("; ")}` : ""}
integrity_check: ${integrity}; foreign_key_check: ${foreignKeys.length} problems
saves acknowledged: ${acknowledged.length}, saves found: ${acknowledged.length - missing.length}, errors: ${errors}`);

if (values.keep) console.log(`database kept at ${DATABASE_PATH}`);
else rmSync(dir, { recursive: true, force: true });
const ok = missing.length === 0 && integrity === "ok" && foreignKeys.length === 0 && stored >= acknowledged.length && acknowledged.length > 0;
if (missing.length) console.error(`MISSING: ${missing.length} acknowledged saves are not in the database, e.g. ids ${missing.slice(0, 10).map((m) => m.id).join(", ")}`);
process.exit(ok ? 0 : 1);
