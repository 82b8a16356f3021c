// The app behind a real shared cache: Debian's nginx with proxy_cache, run with deploy/nginx-scorecard.conf
// on loopback ports, in front of an app server of this test's own (its own database, and a shared-cache
// lifetime of LIFETIME seconds through SCORECARD_SHARED_CACHE_SECONDS). Shows: public pages served from the
// cache, a 304 path, a signed-in page never stored, and a publication visible within the lifetime.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, request as apiRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { plantScoredRound } from "./round-fixture";
import { EDITOR, signIn } from "./session-helpers";
import { localNginxConfig, NGINX } from "../deploy/nginx-local";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const APP_PORT = BASE_PORT + 2;
const CACHE_PORT = BASE_PORT + 3;
const LIFETIME = 3;
const APP = `http://127.0.0.1:${APP_PORT}`;
const CACHE = `http://127.0.0.1:${CACHE_PORT}`;
const run = Date.now().toString(36);
const ROUND = { slug: `hrc-cache-${run}`, name: `Council session behind the cache ${run}` };
const AGREED = ["end-rsdl", "close-black-jails"];
const REVIEWERS = ["demo-reviewer-a", "demo-reviewer-b"] as const;

let dir: string;
let database: string;
let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let http: APIRequestContext;

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // The app's start script runs the server as its child: end the whole group it leads.
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 8000).unref();
  });
}

/** The shipped config, with this test's ports and folders, inside a main config of its own. */
const nginxConfig = () => localNginxConfig({ dir, listen: CACHE_PORT, upstream: [APP_PORT] });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-nginx-"));
  database = path.join(dir, "scorecard.db");
  const env = {
    ...process.env,
    PORT: String(APP_PORT),
    DATABASE_PATH: database,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_URL: CACHE,
    SCORECARD_SHARED_CACHE_SECONDS: String(LIFETIME),
    SCORECARD_EDITOR_EMAIL: EDITOR.email,
    SCORECARD_EDITOR_PASSWORD: EDITOR.password,
    SCORECARD_EDITOR_NAME: "Erin Editor",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "30",
  };
  const prepared = spawnSync("node_modules/.bin/tsx", ["scripts/prepare-db.ts", "--reset"], { env, stdio: "inherit" });
  expect(prepared.status).toBe(0);
  // A round two reviewers have scored alike, for the editor to publish behind the cache.
  await plantScoredRound(
    database,
    { ...ROUND, startDate: "2019-01-15" },
    AGREED.flatMap((benchmark) => REVIEWERS.map((reviewer) => ({ benchmark, reviewer, status: "partial" as const, rationale: `Partly, by ${reviewer} (${run}).` }))),
  );

  app = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  await waitFor(`${APP}/method`, 90_000);

  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig());
  const check = spawnSync(NGINX, ["-t", "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);
  nginx = spawn(NGINX, ["-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"], detached: true });
  await waitFor(`${CACHE}/method`, 10_000);
  http = await apiRequest.newContext({ baseURL: CACHE });
});

test.afterAll(async () => {
  await http?.dispose();
  await stop(nginx);
  await stop(app);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const status = (response: { headers(): Record<string, string> }) => response.headers()["x-cache-status"];

/** Every file nginx stored, as text. */
function cachedText(): string {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(readFileSync(full, "latin1"));
    }
  };
  walk(path.join(dir, "cache"));
  return files.join("\n");
}

test("public pages, an embed, the API, an export and a feed are served from the cache after the first request", async () => {
  for (const url of ["/rounds/hrc-37", "/benchmarks/end-rsdl", "/method", "/embed/fulfilment", "/api/v1/summary", "/exports/benchmarks.csv", "/feeds/changes.atom"]) {
    const first = await http.get(url);
    expect(first.status(), url).toBe(200);
    expect(status(first), url).toBe("MISS");
    const second = await http.get(url);
    expect(status(second), url).toBe("HIT");
    expect(await second.body(), url).toEqual(await first.body());
  }
});

/** One request through the cache as a client with this Accept-Encoding sends it: its headers and the body as it came, undecoded. */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(CACHE + url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("every encoding is kept as an entry of its own: a plain client first, then a gzip client, each get theirs from the cache", async () => {
  // The plain client asks first: the gzip client must not get its plain entry (or a copy nginx compressed anew), nor the reverse.
  const url = "/benchmarks/close-black-jails";
  const plain = await rawGet(url, "identity");
  expect(plain.headers["x-cache-status"]).toBe("MISS");
  const gzip = await rawGet(url, "gzip");
  expect(gzip.headers["x-cache-status"]).toBe("MISS");
  const gzipAgain = await rawGet(url, "gzip");
  expect(gzipAgain.headers["x-cache-status"]).toBe("HIT");
  expect(gzipAgain.headers["content-encoding"]).toBe("gzip");
  const html = gunzipSync(gzipAgain.body).toString("utf8");
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(gzipAgain.body.length).toBeLessThan(html.length / 2);
  const plainAgain = await rawGet(url, "identity");
  expect(plainAgain.headers["x-cache-status"]).toBe("HIT");
  expect(plainAgain.headers["content-encoding"]).toBeUndefined();
  expect(plainAgain.body.toString("utf8")).toBe(html);
});

test("a 304 path: the cache answers a client's conditional request, and the app answers the cache's", async () => {
  const page = await http.get("/statements");
  expect(page.status()).toBe(200);
  const etag = page.headers().etag!;
  const lastModified = page.headers()["last-modified"]!;
  expect(etag).toMatch(/^W\/"/);
  const fromCache = await http.get("/statements", { headers: { "If-None-Match": etag } });
  expect(fromCache.status()).toBe(304);
  expect(await fromCache.body()).toHaveLength(0);
  // What nginx sends once its copy is older than s-maxage: the app answers 304, nothing rendered.
  const fromApp = await fetch(`${APP}/statements`, { headers: { "If-None-Match": etag, "If-Modified-Since": lastModified } });
  expect(fromApp.status).toBe(304);
  expect(await fromApp.text()).toBe("");
  // After the lifetime, nginx revalidates (in the background: the stale copy meanwhile) and keeps its copy.
  await new Promise((resolve) => setTimeout(resolve, (LIFETIME + 1) * 1000));
  const afterExpiry = await http.get("/statements");
  expect(["STALE", "UPDATING", "REVALIDATED", "EXPIRED"]).toContain(status(afterExpiry));
  await expect.poll(async () => status(await http.get("/statements")), { timeout: 5000 }).toBe("HIT");
});

async function publish(page: Page) {
  await page.goto(`/editor/rounds/${ROUND.slug}`);
  const form = page.getByTestId("publish");
  await form.getByLabel("I have checked the scores and want to publish them.").check();
  await form.getByLabel(/marked preliminary/).check();
  await form.getByRole("button", { name: "Publish this round" }).click();
  await expect(form.getByRole("status")).toContainText(`Published ${ROUND.name}`);
}

test("a signed-in page is never stored, and a publication shows behind the cache within its lifetime", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: CACHE });
  const page = await context.newPage();
  // The dashboard is cached before the publication, and does not name the round yet.
  await http.get("/");
  const before = await http.get("/");
  expect(status(before)).toBe("HIT");
  expect(await before.text()).not.toContain(ROUND.name);

  await signIn(page, EDITOR, "/editor");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (let i = 0; i < 2; i++) {
    const editor = await http.get("/editor", { headers: { Cookie: cookie }, maxRedirects: 0 });
    expect(editor.status()).toBe(200);
    expect(editor.headers()["cache-control"]).toBe("private, no-store");
    expect(status(editor)).not.toBe("HIT");
    expect(await editor.text()).toContain("Erin Editor");
  }
  const anonymous = await http.get("/editor", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(status(anonymous)).not.toBe("HIT");

  await publish(page);
  const published = Date.now();
  // Within s-maxage + stale-while-revalidate (+ a second of slack), every reader of the cache sees it.
  await expect
    .poll(async () => (await (await http.get("/")).text()).includes(ROUND.name), { timeout: (2 * LIFETIME + 2) * 1000, intervals: [250] })
    .toBe(true);
  expect(Date.now() - published).toBeLessThanOrEqual((2 * LIFETIME + 2) * 1000);
  expect(status(await http.get("/"))).toBe("HIT");
  await context.close();

  // Nothing signed-in reached the cache's files: no account's name, no editor page, no session.
  const stored = cachedText();
  expect(stored.length).toBeGreaterThan(1000);
  expect(stored).not.toContain("Erin Editor");
  expect(stored).not.toContain("session_token");
  expect(stored).not.toMatch(/Set-Cookie/i);
});
