import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { leakedSecrets, plantConfidentialDataIn, type Plant } from "../../db/testing/confidential-plant";
import { APPLIES_AT, E2E_DATABASE_PATH, readTestCount, readTestRows, writeRows } from "../test-database";
import { hydrated } from "../hydrated";

// Confidentiality on every public surface, over HTTP against the production server: a person at
// risk, a law and a demand about them are marked confidential, scored and published like any other
// and linked to a public statement; a reviewer account with a recognisable email backs published
// scores; a draft score, an unpublished round (with a public statement addressing it and a demand
// applying from it) and a statement's pasted full text sit beside them (db/testing/confidential-plant.ts). Every page reachable by following links from the home page,
// every embed and print view, every read-API endpoint the OpenAPI document names (every page of
// it), and every export linked from the pages must name none of it. Nothing planted here changes
// what the other public-page tests count (each is confidential or unpublished); that a public
// benchmark about a hidden person is hidden too is tested in the workflow tests and, for the API
// and exports, in app/confidentiality.security.test.ts.
const run = Date.now().toString(36);
let plant: Plant;
let secrets: string[];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  plant = await writeRows(E2E_DATABASE_PATH, (db) => plantConfidentialDataIn(db, run, { unpublishedRound: true }));
  // Every account's id, email and name, the seed's demo reviewers and the first editor included.
  const accounts = await readTestRows<{ id: string; email: string; name: string }>("SELECT id, email, name FROM users");
  expect(accounts.map((a) => a.email)).toContain("editor@example.org");
  secrets = [...plant.secrets, ...accounts.flatMap((a) => [a.id, a.email, a.name])];
});

const WORKSPACE = /^\/(review|editor|sign-in|api\/auth)(\/|$|\?)/;

/** Links on a page, as paths on this site, without fragments. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((m) => m[1]!.replaceAll("&amp;", "&").split("#")[0]!)
    .filter((href) => href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/_next/"));
}

async function readable(body: Buffer, type: string): Promise<string> {
  if (type.includes("spreadsheetml")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    return cells.join("\n");
  }
  if (type.includes("pdf")) {
    const parser = new PDFParse({ data: body });
    const text = (await parser.getText()).text;
    await parser.destroy();
    return text;
  }
  return body.toString("utf8");
}

/** Requests in flight at once: the crawl waits on the server (and parses PDFs) far more than it computes. */
const CRAWLERS = 4;

/** Follows every link from the seeds (at most a few query-string variants of each path, only those `within` when given) and checks each answer. */
async function crawl(request: APIRequestContext, seeds: string[], within?: RegExp) {
  const queue = [...seeds];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const visited: Array<{ url: string; status: number }> = [];
  let busy = 0;
  /** The next address to fetch, or null when there is none now (another crawler may still add some). */
  const next = (): string | null => {
    while (queue.length > 0) {
      const url = queue.shift()!;
      const path = url.split("?")[0]!;
      if (seen.has(url) || WORKSPACE.test(url)) continue;
      // Query-string variants of one path (filters, sorts, export formats) add little past a few.
      const n = variants.get(path) ?? 0;
      if (url.includes("?") && n >= (path.startsWith("/exports/") ? 3 : 4)) continue;
      seen.add(url);
      variants.set(path, n + 1);
      return url;
    }
    return null;
  };
  const crawler = async () => {
    for (;;) {
      const url = next();
      if (url === null) {
        if (busy === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      busy++;
      try {
        // One retry on a reset: while this loop parses a large PDF the server may close the idle keep-alive socket (5 s) just as the next request goes out on it.
        const response = await request.get(url, { maxRedirects: 0, maxRetries: 1 });
        const type = response.headers()["content-type"] ?? "";
        const text = await readable(await response.body(), type);
        visited.push({ url, status: response.status() });
        expect(response.status(), url).toBeLessThan(500);
        expect(leakedSecrets(text, secrets, url), url).toEqual([]);
        if (type.includes("text/html")) for (const link of linksIn(text)) if (!seen.has(link) && (!within || within.test(link))) queue.push(link);
      } finally {
        busy--;
      }
    }
  };
  await Promise.all(Array.from({ length: CRAWLERS }, crawler));
  return visited;
}

test("every page, embed, print view and export reachable from the home page names nothing confidential and no account", async ({ request }) => {
  test.setTimeout(240_000);
  const visited = await crawl(request, [
    "/",
    "/embed/fulfilment",
    "/embed/status-mix",
    `/?subject=${plant.hiddenPersonSlug}`,
    `/?from=${plant.unpublishedRoundSlug}`,
    `/people?q=${encodeURIComponent(plant.hiddenPersonName)}`,
    `/people?q=${encodeURIComponent(plant.hiddenPersonNameZh)}`,
    "/people?q=Secret",
    `/laws?q=${encodeURIComponent(plant.hiddenLawName)}`,
    "/laws?q=Secret",
    `/embed/fulfilment?subject=${plant.hiddenPersonSlug}`,
  ]);
  const paths = new Set(visited.map((v) => v.url.split("?")[0]));
  // The crawl reached every public item's page, so "every page" is not a guess.
  const expected = [
    ...(await readTestRows<{ slug: string }>("SELECT slug FROM rounds WHERE published_at IS NOT NULL")).flatMap((r) => [`/rounds/${r.slug}`, `/rounds/${r.slug}/print`]),
    ...(await readTestRows<{ slug: string }>("SELECT slug FROM statements WHERE review_state = 'approved'")).map((s) => `/statements/${s.slug}`),
    ...(await readTestRows<{ slug: string; kind: string }>("SELECT slug, kind FROM subjects WHERE confidential = 0 AND id IN (SELECT subject_id FROM benchmark_subjects)")).map(
      (s) => `/${s.kind === "person" ? "people" : "laws"}/${s.slug}`,
    ),
    "/people",
    "/laws",
    "/statements",
    "/method",
    "/api",
    "/exports/scores.csv",
    "/exports/scores.xlsx",
    "/exports/benchmarks.csv",
    "/exports/scorecard.pdf",
    "/exports/scorecard-brief.pdf",
  ];
  expect(expected.filter((p) => !paths.has(p))).toEqual([]);
  expect(visited.filter((v) => v.url.startsWith("/benchmarks/")).length).toBeGreaterThan(40);
});

test("the Chinese embeds and exports, and every one the Chinese dashboard and a round's scorecard link to, name nothing confidential", async ({ request }) => {
  test.setTimeout(180_000);
  const linked = new Set<string>();
  for (const page of ["/zh", "/zh/rounds/hrc-37"]) {
    const html = await (await request.get(page)).text();
    for (const link of linksIn(html)) if (/^\/zh\/(exports|embed)\//.test(link)) linked.add(link);
  }
  // The Chinese pages link the Chinese files: the PDFs, CSV and Excel under /zh/exports/, the charts under /zh/embed/.
  expect([...linked].filter((l) => l.startsWith("/zh/exports/scorecard")).length).toBeGreaterThanOrEqual(4);
  expect([...linked].some((l) => l.startsWith("/zh/embed/"))).toBe(true);
  const urls = [
    ...linked,
    "/zh/embed/fulfilment",
    "/zh/embed/status-mix",
    `/zh/embed/fulfilment?subject=${plant.hiddenPersonSlug}`,
    "/embed/status-mix?lang=zh",
    "/zh/exports/scorecard.pdf",
    "/zh/exports/scorecard-brief.pdf",
    "/zh/exports/scores.csv",
  ];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0, maxRetries: 1 });
    expect(response.status(), url).toBeLessThan(500);
    const text = await readable(await response.body(), response.headers()["content-type"] ?? "");
    expect(leakedSecrets(text, secrets, url), url).toEqual([]);
  }
});

// The Chinese release pages show the benchmarks' and rounds' Chinese titles, which the plant gives the hidden
// person's Chinese name (a public benchmark's title names them): every release, every page of its changes,
// and the pages pinned to it, in Chinese.
test("the Chinese releases, their changes and the pages pinned to them name nothing confidential", async ({ request }) => {
  test.setTimeout(180_000);
  const visited = await crawl(request, ["/zh/releases"], /^\/zh(\/releases(\/\d+)?(\?page=\d+)?|\/rounds\/[^/?]+\?release=\d+|\/benchmarks\/[^/?]+\?release=\d+|\?release=\d+)$/);
  const paths = visited.map((v) => v.url);
  expect(paths.filter((p) => /^\/zh\/releases\/\d+$/.test(p)).length).toBeGreaterThanOrEqual(1);
  expect(paths.some((p) => /^\/zh\/rounds\/[^/?]+\?release=/.test(p))).toBe(true);
  // The plant's name is in a Chinese title the release's changes list: it is there, withheld, and said so in Chinese.
  const release = await Promise.all(["/zh/releases/1", "/zh/releases/1?page=2"].map(async (url) => (await request.get(url)).text()));
  expect(release.join("\n")).toContain("，例如［姓名已隐去］");
});

test("every read-API endpoint in the OpenAPI document, every page of it, names nothing confidential and no account field", async ({ request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, { get: { parameters?: Array<{ name: string }> } }> };
  expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(8);
  // A path with a parameter (/api/v1/benchmarks/{slug}) is asked for every public benchmark; the
  // hidden ones must answer exactly as a missing one.
  const publicSlugs = ((await (await request.get("/api/v1/benchmarks?pageSize=500")).json()) as { data: Array<{ slug: string }> }).data.map((b) => b.slug);
  expect(publicSlugs.length).toBeGreaterThan(40);
  // Likewise /api/v1/releases/{number}, for every release there is.
  const releaseNumbers = ((await (await request.get("/api/v1/releases?pageSize=500")).json()) as { data: Array<{ number: number }> }).data.map((r) => String(r.number));
  expect(releaseNumbers.length).toBeGreaterThan(0);
  const fillings: Record<string, string[]> = { "{slug}": publicSlugs, "{number}": releaseNumbers };
  const concrete = Object.entries(document.paths).flatMap(([path, item]) => {
    const parameter = Object.keys(fillings).find((p) => path.includes(p));
    return parameter ? fillings[parameter]!.map((value) => [path.replace(parameter, value), item] as const) : [[path, item] as const];
  });
  expect(concrete.filter(([path]) => path.includes("{")), "every path template is filled").toEqual([]);
  for (const [path, item] of concrete) {
    const paged = (item.get.parameters ?? []).some((p) => p.name === "pageSize");
    for (let page = 1; ; page++) {
      const url = paged ? `${path}?pageSize=500&page=${page}` : path;
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expect(leakedSecrets(text, secrets, url), url).toEqual([]);
      const keys = [...text.matchAll(/"([A-Za-z_]+)":/g)].map((m) => m[1]!);
      expect(keys.filter((k) => /email|password|token|session|reviewer|user|decided/i.test(k)), url).toEqual([]);
      const body = JSON.parse(text) as { data?: unknown[]; total?: number };
      if (!paged || page * 500 >= (body.total ?? 0)) break;
    }
  }
  for (const url of [`/api/v1/people?q=${encodeURIComponent(plant.hiddenPersonNameZh)}`, `/api/v1/laws?q=Secret`, `/api/v1/benchmarks?subject=${plant.hiddenPersonSlug}`]) {
    const text = await (await request.get(url)).text();
    expect(leakedSecrets(text, secrets, url), url).toEqual([]);
  }
  const missing = await (await request.get("/api/v1/benchmarks/no-such-benchmark")).text();
  for (const slug of [plant.confidentialBenchmarkSlug, plant.benchmarkFromUnpublishedRoundSlug].filter((s): s is string => s !== null)) {
    const response = await request.get(`/api/v1/benchmarks/${slug}`);
    expect(response.status(), slug).toBe(404);
    expect(await response.text(), slug).toBe(missing);
  }
});

test("the dashboard and scorecards, rendered in a browser, name nothing confidential", async ({ page }) => {
  for (const path of ["/", "/rounds/hrc-37", "/rounds/hrc-37/print", "/benchmarks/release-peaceful-expression-detainees", "/people", "/laws", "/statements/ngo-2018-hrc37-letter", "/embed/status-mix"]) {
    await page.goto(path);
    // After hydration: nothing a client component fetched or computed may add a secret either.
    await hydrated(page);
    expect(leakedSecrets(await page.content(), secrets), path).toEqual([]);
  }
});

test("filtering by a confidential person or an unpublished round answers exactly as for one that does not exist", async ({ page }) => {
  for (const [key, slug] of [["subject", plant.hiddenPersonSlug], ["from", plant.unpublishedRoundSlug!]] as const) {
    await page.goto(`/?${key}=${slug}`);
    const notice = page.getByRole("status").filter({ hasText: "Nothing we publish matches" });
    await expect(notice).toContainText(`${key}: nothing is called “${slug}”`);
    await page.goto(`/?${key}=no-such-thing-at-all`);
    await expect(page.getByRole("status").filter({ hasText: "Nothing we publish matches" })).toContainText(`${key}: nothing is called “no-such-thing-at-all”`);
  }
});

test("searching for a confidential person or law finds nothing", async ({ page }) => {
  for (const [index, term] of [["people", plant.hiddenPersonName], ["people", plant.hiddenPersonNameZh], ["laws", plant.hiddenLawName]] as const) {
    await page.goto(`/${index}?q=${encodeURIComponent(term)}`);
    await expect(page.getByTestId("subject-list").locator("> li")).toHaveCount(0);
    await expect(page.getByRole("status")).toContainText("Nothing matches");
  }
});

test("a statement addressing an unpublished round is shown without it, and a demand applying from it is not shown yet", async ({ page }) => {
  await page.goto("/statements");
  await page.getByRole("link", { name: `Letter before the coming session ${run}` }).click();
  await expect(page).toHaveURL(new RegExp(`/statements/${plant.statementAddressingUnpublishedRoundSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Letter before the coming session ${run}`);
  await expect(page.getByText("Addresses", { exact: true })).toHaveCount(0);
  await expect(page.getByText("No public benchmark comes from this statement.")).toBeVisible();
  await page.screenshot({ path: "test-results/statement-addressing-unpublished-round.png", fullPage: true });
  expect(leakedSecrets(await page.content(), secrets), page.url()).toEqual([]);
  // A statement addressing a published round still links to it.
  await page.goto("/statements/ngo-2018-hrc37-letter");
  await expect(page.getByRole("link", { name: "Human Rights Council, 37th session" }).first()).toHaveAttribute("href", "/rounds/hrc-37");
});

test("confidential items have no page of their own", async ({ page }) => {
  for (const path of [
    `/benchmarks/${plant.confidentialBenchmarkSlug}`,
    `/benchmarks/${plant.benchmarkFromUnpublishedRoundSlug}`,
    `/people/${plant.hiddenPersonSlug}`,
    `/laws/${plant.hiddenLawSlug}`,
    `/rounds/${plant.unpublishedRoundSlug}`,
    `/rounds/${plant.unpublishedRoundSlug}/print`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("drafts and rejected statements have no page, and a filter naming one answers as one naming nothing", async ({ page }) => {
  const { drafts } = plant;
  for (const path of [`/statements/${drafts.statementSlug}`, `/statements/${drafts.rejectedStatementSlug}`, `/benchmarks/${drafts.benchmarkSlug}`, `/benchmarks/${drafts.benchmarkOnPublicStatementSlug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto(`/?statement=${drafts.statementSlug}`);
  await expect(page.getByRole("status").filter({ hasText: "Nothing we publish matches" })).toContainText(`statement: nothing is called “${drafts.statementSlug}”`);
  await page.goto("/statements");
  await expect(page.locator("main")).not.toContainText(drafts.statementTitle);
});

test("a confidential item counts in no public figure", async ({ page }) => {
  await page.goto("/rounds/hrc-37");
  const applicable = await page.getByTestId("scorecard").locator("> li").count();
  await expect(page.getByTestId("round-summary")).toContainText(String(applicable));
  const expected = await readTestCount(
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id, rounds r
      WHERE r.slug = 'hrc-37' AND b.confidential = 0 AND b.review_state = 'approved' AND ${APPLIES_AT}`,
  );
  expect(applicable).toBe(expected);
});
