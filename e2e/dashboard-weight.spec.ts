// The dashboard's weight at scale: an app server of this test's own on a generated database (the scale
// generator, db/seed/scale.ts, at 25 rounds like the 100,000 × 25 benchmark database, with more
// benchmarks and changes than a page holds). The page must stay within its budget — 300 kB of HTML,
// 50 kB gzipped — and each heat-map row must cost a bounded number of bytes, so that the page weighs the
// same at 100,000 benchmarks: its lists are paged, and the React payload carries a row as one short
// line, not its cells again.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { DASHBOARD_LIMITS } from "../lib/dashboard";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const APP = `http://127.0.0.1:${PORT}`;
const ROUNDS = 25;
const BUDGET = { html: 300_000, gzip: 50_000 };
/** At 25 rounds: a row's 25 cells and its header in the HTML, and its line in the React payload. */
const PER_ROW = { html: 3_600, payload: 300 };

let dir: string;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  // Generating the database and starting a server of its own: minutes on a loaded machine.
  test.setTimeout(300_000);
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-weight-"));
  const database = path.join(dir, "scale.db");
  const seeded = spawnSync("node_modules/.bin/tsx", ["scripts/seed-scale.ts", "--benchmarks", "1500", "--rounds", String(ROUNDS), "--reviewers", "2", "--out", database], {
    encoding: "utf8",
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  app = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: database, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_URL: APP },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const until = Date.now() + 120_000;
  for (;;) {
    if (await fetch(`${APP}/method`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error(`${APP} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    process.kill(-app.pid!, "SIGTERM");
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The React payload Next inlines into the page (self.__next_f.push), decoded. */
function payloadOf(html: string): string {
  return [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)]
    .map((m) => JSON.parse(m[1]!) as [number, string?])
    .map(([, chunk]) => chunk ?? "")
    .join("");
}

for (const address of ["/", "/?heatPage=2&changesPage=2", "/zh"]) {
  test(`the dashboard ${address} stays within its weight budget, a bounded number of bytes per heat-map row`, async () => {
    // Twice: the second answer is the cached one readers get.
    await fetch(APP + address);
    const response = await fetch(APP + address, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const bytes = Buffer.byteLength(html);
    const gzipped = gzipSync(html).length;

    // More than a page of everything: the lists are paged, not cut.
    const heatMap = html.slice(html.indexOf('data-testid="heat-map"'), html.indexOf("</table>", html.indexOf('data-testid="heat-map"')));
    const rows = heatMap.match(/<th scope="row"/g)?.length ?? 0;
    expect(rows).toBe(DASHBOARD_LIMITS.heatMapPage);
    expect(heatMap.match(/<td/g)?.length).toBe(rows * ROUNDS);
    expect(html).toMatch(/aria-label="(Pages of the heat map|热力图的页面)"/);
    const changes = html.slice(html.indexOf('data-testid="changes"'), html.indexOf("</ul>", html.indexOf('data-testid="changes"')));
    // A page lists up to a page of each direction, of every change counted ("N up, M down …").
    // Round names hold digits too ("人权理事会第37届会议"): read the counts by the words around them, in either language.
    const counts = /data-testid="change-counts">([^<]*)</.exec(html)?.[1] ?? "";
    const [up, down] = (/([\d,]+) up, ([\d,]+) down/.exec(counts) ?? /([\d,]+) 项上升，([\d,]+) 项下降/.exec(counts) ?? []).slice(1).map((n) => Number(n.replace(/,/g, "")));
    expect(Math.max(up!, down!)).toBeGreaterThan(DASHBOARD_LIMITS.changesPage);
    const page = address.includes("changesPage=2") ? 2 : 1;
    const onPage = (n: number) => Math.max(0, Math.min(DASHBOARD_LIMITS.changesPage, n - (page - 1) * DASHBOARD_LIMITS.changesPage));
    expect(changes.match(/<li/g)?.length).toBe(onPage(up!) + onPage(down!));

    // Per row: the HTML of its header and cells, and what the React payload holds of it.
    const body = heatMap.slice(heatMap.indexOf("<tbody"));
    expect(Buffer.byteLength(body) / rows).toBeLessThan(PER_ROW.html);
    const payload = payloadOf(html);
    const rowLines = payload.split("\n").find((line) => line.includes('"roundSlugs"'));
    expect(rowLines, "the heat map's rows travel as one line of the payload").toBeDefined();
    expect(Buffer.byteLength(rowLines!) / rows).toBeLessThan(PER_ROW.payload);
    // The cells are in the HTML only: nothing of their markup is in the payload.
    expect(payload).not.toContain('"aria-labelledby":"hb');

    expect(bytes, `HTML ${bytes} bytes`).toBeLessThanOrEqual(BUDGET.html);
    expect(gzipped, `gzipped ${gzipped} bytes`).toBeLessThanOrEqual(BUDGET.gzip);
  });
}

test("a page past the last one says so, and the pages link to each other", async () => {
  const html = await (await fetch(`${APP}/?heatPage=99999`)).text();
  expect(html).toContain("There is no page 99,999 of the heat map");
  const first = await (await fetch(`${APP}/`)).text();
  expect(first).toMatch(/href="\/\?heatPage=2#heat-heading"/);
  expect(first).toMatch(/href="\/\?changesPage=2#changes-heading"/);
});
