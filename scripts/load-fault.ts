// npm run load-fault -- [--seconds 20] [--reviewers 4] [--readers 4] [--port 3500] [--kill-at 0.5] [--keep] [--instances 2]
// Load and a fault on loopback, bounded in time: a throwaway copy of the seed database, the
// production server on it, N reviewer accounts saving scores through POST /api/v1/assessments
// (several on the same benchmarks at once) while readers load the dashboard and a slow client
// downloads an export. Part-way through, the server is killed with SIGKILL and started again; the
// load carries on. At the end the database is opened directly: integrity and foreign-key checks,
// and every save the server acknowledged must be there, with its text. Prints
// "saves acknowledged: N, saves found: N, errors: N"; exits 1 if a save is missing or the database
// is damaged.
// With DATABASE_URL=postgres://… and --instances 2: a throwaway PostgreSQL database of its own on that
// server (created, and dropped at the end unless --keep), two servers on it (--port and --port + 1)
// with one secret; the reviewers are spread over both, and it is the first instance that is killed
// and restarted: its reviewers carry on through the other one meanwhile, as a load balancer would
// send them. Integrity and foreign keys are PostgreSQL's own to enforce; every acknowledged save is
// looked for as on SQLite.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    reviewers: { type: "string", default: "4" },
    readers: { type: "string", default: "4" },
    port: { type: "string", default: "3500" },
    "kill-at": { type: "string", default: "0.5" },
    keep: { type: "boolean", default: false },
    instances: { type: "string", default: "1" },
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
const INSTANCES = bounded("instances", values.instances, 1, 2);
const SERVER_URL = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
if (INSTANCES > 1 && !SERVER_URL) {
  console.error("--instances 2 needs DATABASE_URL=postgres://… (a server the run may create a throwaway database on): two instances share one PostgreSQL database.");
  process.exit(2);
}
const BASES = Array.from({ length: INSTANCES }, (_, i) => `http://127.0.0.1:${PORT + i}`);
const BASE = BASES[0]!;

const dir = mkdtempSync(path.join(tmpdir(), "load-fault-"));
const DATABASE_PATH = path.join(dir, "scorecard.db");
process.env.DATABASE_PATH = DATABASE_PATH;
process.env.PORT = String(PORT);
process.env.BETTER_AUTH_URL = BASE;
// Every instance signs sessions with the same secret: a session made on one is valid on the other.
process.env.BETTER_AUTH_SECRET ??= `load-fault-${process.pid}-${Date.now()}-secret-of-the-run`;
let throwawayDatabase: { admin: string; name: string } | null = null;
if (SERVER_URL) {
  const pg = (await import("pg")).default;
  const name = `load_fault_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  throwawayDatabase = { admin: SERVER_URL, name };
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  delete process.env.SCORECARD_PG_DATABASE_PER_FILE;
}

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
const { openDatabase } = await import("@/db/client");
const { rawAll, rawGet } = await import("@/db/testing/raw-sql");
const setup = openDatabase(DATABASE_PATH);
const PAIRS = await rawAll<{ round: string; benchmark: string }>(
  setup,
  `SELECT r.slug AS round, b.slug AS benchmark FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
    WHERE r.slug IN ('hrc-37', 'upr-china-2018') AND f.start_date <= r.start_date AND (b.retired_on IS NULL OR b.retired_on > r.start_date)
      AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id) OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id AND bt.track_id = r.track_id))
    ORDER BY b.id, r.id LIMIT 6`,
);
await setup.$client.close();

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running next build …");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

// 2. The production servers, each in a process group of its own so that one SIGKILL takes all of it.
const servers: Array<ChildProcess | null> = BASES.map(() => null);
function startServer(instance: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(PORT + instance), NEXT_TELEMETRY_DISABLED: "1", SIGN_IN_ATTEMPTS_PER_MINUTE: String(REVIEWERS + 10) },
  });
}
function killServer(instance: number, signal: NodeJS.Signals) {
  const pid = servers[instance]?.pid;
  if (pid) {
    try {
      process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
  }
}
const killAll = (signal: NodeJS.Signals) => servers.forEach((_, i) => killServer(i, signal));
async function waitUntilServing(base: string, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await fetch(`${base}/api/v1/tracks`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`The server did not answer on ${base} within ${timeoutMs / 1000} s.`);
}
process.on("exit", () => killAll("SIGKILL"));

// One after the other: the first migrates and seeds (done above already), the second finds it ready.
for (const [i, base] of BASES.entries()) {
  servers[i] = startServer(i);
  await waitUntilServing(base);
}
t0 = performance.now();
log(`serving ${BASES.join(" and ")} on ${SERVER_URL ? `PostgreSQL database ${throwawayDatabase!.name}` : DATABASE_PATH}`);

// 3. Each reviewer signs in once; the session lives in the database, so it survives the restart.
async function signIn(account: { email: string; password: string }, i: number): Promise<string> {
  // Each reviewer signs in on the instance they start on (in turn), and uses the session on both.
  const response = await fetch(`${BASES[i % BASES.length]}/api/auth/sign-in/email`, {
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
const cookies = await Promise.all(accounts.map((account, i) => signIn(account, i)));
log(`${REVIEWERS} reviewers signed in; they score ${PAIRS.length} benchmark × round pairs`);

interface Ack {
  id: number;
  reviewer: string;
  rationale: string;
}
const acknowledged: Ack[] = [];
const stats = { conflicts: 0, downRefusals: 0, unexpected: [] as string[], reads: 0, readFailures: 0, readMs: [] as number[], exportBytes: 0, exports: 0 };
let serverDown = false;
/** The instance a reviewer's next save goes to: their own, or the other one while theirs is down. */
const instanceFor = (reviewerIndex: number) => {
  const own = reviewerIndex % BASES.length;
  return serverDown && own === 0 && BASES.length > 1 ? 1 : own;
};
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
      const response = await fetch(`${BASES[instanceFor(i)]}/api/v1/assessments`, {
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

async function reader(_: unknown, index: number) {
  while (performance.now() < endAt) {
    const started = performance.now();
    try {
      const response = await fetch(`${BASES[instanceFor(index)]}/`, { signal: AbortSignal.timeout(15_000) });
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

// 4. The fault: SIGKILL part-way through (the first instance, with two), then start again while the load goes on.
async function fault() {
  await sleep(SECONDS * 1000 * KILL_AT);
  const saved = acknowledged.length;
  serverDown = true;
  killServer(0, "SIGKILL");
  log(`${BASES.length > 1 ? `instance ${BASE}` : "server"} killed with SIGKILL after ${saved} acknowledged saves, ${savesInFlight} saves in flight`);
  const restarted = performance.now();
  servers[0] = startServer(0);
  await waitUntilServing(BASE);
  serverDown = false;
  log(`restarted and serving again after ${((performance.now() - restarted) / 1000).toFixed(1)} s`);
}

await Promise.all([...accounts.map((_, i) => reviewer(i)), ...Array.from({ length: READERS }, reader), slowExporter(), fault()]);
log("load finished; stopping the server");
killAll("SIGTERM");
await sleep(1000);
killAll("SIGKILL");

// 5. The database, opened directly: consistent, and holding every acknowledged save.
const check = openDatabase(DATABASE_PATH);
let integrity = "ok (PostgreSQL's own)";
let foreignKeys: unknown[] = [];
if (!SERVER_URL) {
  const sqlite = check.$client as unknown as import("better-sqlite3").Database;
  integrity = sqlite.pragma("integrity_check", { simple: true }) as string;
  foreignKeys = sqlite.pragma("foreign_key_check") as unknown[];
}
const missing: Ack[] = [];
for (const ack of acknowledged) {
  const row = await rawGet<{ rationale: string; email: string }>(check, "SELECT a.rationale, u.email FROM assessments a JOIN users u ON u.id = a.reviewer_id WHERE a.id = ?", ack.id);
  if (!row || row.rationale !== ack.rationale || row.email !== ack.reviewer) missing.push(ack);
}
const stored = Number((await rawGet<{ n: number }>(check, "SELECT COUNT(*) AS n FROM assessments a JOIN users u ON u.id = a.reviewer_id WHERE u.email LIKE 'load-reviewer-%'"))!.n);
const audited = Number((await rawGet<{ n: number }>(check, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'assessment.create'"))!.n);
await check.$client.close();

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

if (values.keep) console.log(`database kept: ${throwawayDatabase ? `PostgreSQL database ${throwawayDatabase.name}` : DATABASE_PATH}`);
else {
  rmSync(dir, { recursive: true, force: true });
  if (throwawayDatabase) {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: throwawayDatabase.admin });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${throwawayDatabase.name}" WITH (FORCE)`);
    await admin.end();
  }
}
const ok = missing.length === 0 && integrity === "ok" && foreignKeys.length === 0 && stored >= acknowledged.length && acknowledged.length > 0;
if (missing.length) console.error(`MISSING: ${missing.length} acknowledged saves are not in the database, e.g. ids ${missing.slice(0, 10).map((m) => m.id).join(", ")}`);
process.exit(ok ? 0 : 1);
