// The dashboard ships its chart library after hydration, not with the page (issue 6): the first-load
// scripts stay small, the charts still draw, keep their place while loading, and still download.
import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";

// Measured as scripts/bench.ts measures shipped JavaScript: every <script src> of the page's HTML, gzipped.
const FIRST_LOAD_BUDGET = 250 * 1024;
// A class name only recharts' own code spells out; the page's own components never do.
const RECHARTS_MARKER = "recharts-cartesian-grid";
const CHARTS = ["fulfilment-chart", "status-mix-chart", "category-chart", "addressee-chart"];

async function firstLoadScripts(request: APIRequestContext, path: string): Promise<Array<{ src: string; body: Buffer }>> {
  const html = await (await request.get(path)).text();
  const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
  return Promise.all([...sources].map(async (src) => ({ src, body: await (await request.get(src)).body() })));
}

test("the dashboard's first-load scripts stay under 250 kB gzipped and leave recharts out", async ({ request }) => {
  const scripts = await firstLoadScripts(request, "/");
  expect(scripts.length).toBeGreaterThan(3);
  const gzipped = scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0);
  expect(gzipped, `first-load JavaScript ${(gzipped / 1024).toFixed(1)} kB gzipped`).toBeLessThan(FIRST_LOAD_BUDGET);
  expect(scripts.filter((s) => s.body.toString("utf8").includes(RECHARTS_MARKER)).map((s) => s.src)).toEqual([]);
});

test("every chart draws after hydration from a later script, in the place its placeholder kept", async ({ page, request }) => {
  const firstLoad = new Set((await firstLoadScripts(request, "/")).map((s) => new URL(s.src, "http://x").pathname));
  // Hold back every script the HTML did not name, to see the page as it is before the charts arrive.
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const lateScripts: string[] = [];
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (firstLoad.has(path)) return route.continue();
    await gate;
    const response = await route.fetch();
    lateScripts.push(await response.text());
    return route.fulfill({ response });
  });

  await page.goto("/");
  const heights: number[] = [];
  for (const id of CHARTS) {
    const chart = page.getByTestId(id);
    await expect(chart.getByText("Loading chart…")).toBeVisible();
    await expect(chart.locator("svg.recharts-surface")).toHaveCount(0);
    heights.push((await chart.boundingBox())!.height);
  }
  expect(Math.min(...heights)).toBeGreaterThan(100);

  release();
  for (const [i, id] of CHARTS.entries()) {
    const chart = page.getByTestId(id);
    const surface = chart.locator("svg.recharts-surface").first();
    await expect(surface).toBeVisible();
    await expect(chart.getByText("Loading chart…")).toHaveCount(0);
    const box = (await chart.boundingBox())!;
    expect(box.height, `${id} keeps its height`).toBeCloseTo(heights[i]!, 0);
    const drawn = (await surface.boundingBox())!;
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(box.y + box.height + 1);
  }
  expect(lateScripts.some((body) => body.includes(RECHARTS_MARKER))).toBe(true);
});

test("a chart still saves as SVG and PNG, stamped with its data version", async ({ page }) => {
  await page.goto("/");
  const section = page.getByRole("region", { name: "Fulfilment index per round" });
  await expect(section.locator("svg.recharts-surface").first()).toBeVisible();

  const [svgDownload] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "SVG" }).click()]);
  expect(svgDownload.suggestedFilename()).toBe("fulfilment-index.svg");
  const svg = await (await svgDownload.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain("recharts-line");
  expect(svg).toContain("Dialogue Scorecard · data version");

  const [pngDownload] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "PNG" }).click()]);
  expect(pngDownload.suggestedFilename()).toBe("fulfilment-index.png");
  const png = await (await pngDownload.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(png.subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
  expect(png.length).toBeGreaterThan(5_000);
});
