// Two app instances on one PostgreSQL database behind nginx as the load balancer (issue 18, item 3):
// deploy/nginx-scorecard.conf with its upstream holding both, as a deployment of two would run it.
// Runs under `npm run test:pg` (it needs the PostgreSQL cluster test:pg starts, the production build
// and Debian's nginx); skipped otherwise. Every server is started here and stopped at the end.
// What it shows: both instances answer behind the balancer; a session made through one is valid on
// the other; sign-in limits are counted once for both; a publication written by one process is seen
// at once by the other instance, and through nginx's cache within the shared-cache lifetime.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawGet, rawInsert } from "@/db/testing/raw-sql";
import type { Db } from "@/db/client";
import { localNginxConfig, NGINX } from "@/deploy/nginx-local";

const runs = Boolean(process.env.DATABASE_URL?.startsWith("postgres")) && existsSync(".next/BUILD_ID") && existsSync(NGINX);
const BASE_PORT = Number(process.env.TWO_INSTANCES_PORT ?? Number(process.env.PG_TEST_PORT ?? 4790) - 1000);
const ports = { a: BASE_PORT, b: BASE_PORT + 1, nginx: BASE_PORT + 2 };
const origin = (port: number) => `http://127.0.0.1:${port}`;
const balancer = origin(ports.nginx);
// The database both instances and this test open (SCORECARD_PG_DATABASE_PER_FILE names it from this path).
const DATABASE_NAME = path.join(tmpdir(), "scorecard-two-instances.db");
const CACHE_SECONDS = 4;
const SIGN_IN_LIMIT = 4;
const EDITOR = { email: "two-instances-editor@example.org", password: "two-instances-password-1" };

const servers: ChildProcess[] = [];
let dir = "";
let db: Db;

function start(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("exit", () => writeFileSync(path.join(dir, log), output));
  servers.push(child);
  return child;
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function instance(port: number, name: string): Promise<void> {
  start("node_modules/.bin/tsx", ["scripts/start.ts"], {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: DATABASE_NAME,
    NEXT_TELEMETRY_DISABLED: "1",
    // The address readers and the sign-in form use: the balancer's, on both instances.
    BETTER_AUTH_URL: balancer,
    BETTER_AUTH_SECRET: "two-instances-test-secret-0123456789abcdef",
    SCORECARD_EDITOR_EMAIL: EDITOR.email,
    SCORECARD_EDITOR_PASSWORD: EDITOR.password,
    SCORECARD_EDITOR_NAME: "Two Instances Editor",
    SCORECARD_SHARED_CACHE_SECONDS: String(CACHE_SECONDS),
    SIGN_IN_ATTEMPTS_PER_MINUTE: String(SIGN_IN_LIMIT),
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
  }, `${name}.log`);
  return waitFor(`${origin(port)}/api/v1/tracks`, 240);
}

function signIn(at: string, email: string, password: string): Promise<Response> {
  return fetch(`${at}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: balancer },
    body: JSON.stringify({ email, password }),
  });
}

async function releaseNumbers(at: string): Promise<number[]> {
  const response = await fetch(`${at}/api/v1/releases`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Array<{ number: number }> }).data.map((r) => r.number);
}

describe.skipIf(!runs)("two app instances on one PostgreSQL database behind nginx", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "scorecard-two-instances-"));
    // The first instance creates, migrates and seeds the database; the second finds it ready.
    await instance(ports.a, "instance-a");
    await instance(ports.b, "instance-b");
    // The shipped site with both instances in its upstream, and which instance answered (for this test only).
    writeFileSync(path.join(dir, "nginx.conf"), localNginxConfig({ dir, listen: ports.nginx, upstream: [ports.a, ports.b], extraHeaders: ["add_header X-Upstream $upstream_addr always;"] }));
    start(NGINX, ["-c", path.join(dir, "nginx.conf")], process.env, "nginx.log");
    await waitFor(`${balancer}/api/v1/tracks`, 30);
    const { openDatabase } = await import("@/db/client");
    db = openDatabase(DATABASE_NAME);
  }, 600_000);

  afterAll(async () => {
    for (const child of servers.reverse()) {
      if (child.exitCode !== null || child.pid === undefined) continue;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        continue;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await db?.$client.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("answer through the balancer from both instances", async () => {
    const seen = new Set<string>();
    // A signed-in address is never cached, so every request reaches an instance.
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${balancer}/api/workspace/can-edit`);
      expect(response.status).toBe(200);
      seen.add(response.headers.get("x-upstream") ?? "");
    }
    expect(seen).toEqual(new Set([`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`]));
  });

  it("accept a session made through one instance on the other", async () => {
    const response = await signIn(origin(ports.a), EDITOR.email, EDITOR.password);
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toMatch(/session_token=/);
    const canEdit = async (port: number) => ((await (await fetch(`${origin(port)}/api/workspace/can-edit`, { headers: { cookie } })).json()) as { canEdit: boolean }).canEdit;
    for (const port of [ports.a, ports.b]) expect(await canEdit(port), `signed in as the editor on ${port}`).toBe(true);
    // Signed out through the other instance, the session ends on both.
    expect((await fetch(`${origin(ports.b)}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: balancer } })).status).toBe(200);
    for (const port of [ports.a, ports.b]) expect(await canEdit(port), `signed out on ${port}`).toBe(false);
  });

  it("count an account's sign-in attempts once for both instances", async () => {
    const account = `guessed-${Date.now()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) statuses.push((await signIn(origin(i % 2 === 0 ? ports.a : ports.b), account, "wrong-password-1")).status);
    expect(statuses.slice(0, SIGN_IN_LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(SIGN_IN_LIMIT)).toEqual([429, 429]);
  });

  it("show a publication written elsewhere on the other instance at once, and through nginx's cache within its lifetime", async () => {
    const before = await releaseNumbers(origin(ports.b));
    // Read twice through the balancer, so that nginx holds the list before the publication.
    await releaseNumbers(balancer);
    expect((await fetch(`${balancer}/api/v1/releases`)).headers.get("x-cache-status")).toBe("HIT");

    // A publication, by another process on the same database (as instance A's action would write it).
    const { publishRound } = await import("@/db/commands/publishing");
    const { createAssessment } = await import("@/db/commands/review");
    const { listRoundBenchmarks } = await import("@/db/queries/review");
    const track = (await rawGet<{ id: number }>(db, "SELECT id FROM tracks WHERE slug = 'un-hrc'"))!;
    const round = { id: await rawInsert(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES ('hrc-two-instances', ?, 'Session of two instances', '2031-02-24', 'day')", track.id), trackId: track.id, startDate: "2031-02-24" };
    for (const b of (await listRoundBenchmarks(db, round)).filter((x) => !x.confidential)) {
      for (const reviewerId of ["demo-reviewer-a", "demo-reviewer-b"]) {
        await createAssessment(db, { benchmarkId: b.id, roundId: round.id, reviewerId, status: "not_met", rationale: `${reviewerId}: nothing changed.`, evidence: [], expectedLatestId: 0 });
      }
    }
    const { release } = await publishRound(db, round.id, "demo-editor", { note: "Published while two instances serve." });
    expect(before).not.toContain(release);

    for (const port of [ports.a, ports.b]) expect(await releaseNumbers(origin(port)), `instance on ${port}`).toContain(release);
    const published = Date.now();
    let seenThroughNginx = false;
    while (Date.now() - published < (2 * CACHE_SECONDS + 5) * 1000) {
      if ((await releaseNumbers(balancer)).includes(release)) {
        seenThroughNginx = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seenThroughNginx, "the release through nginx within the cache lifetime (and its stale-while-revalidate)").toBe(true);
  });
});
