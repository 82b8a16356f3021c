// Confidentiality on every machine-readable public surface, called in-process: every read-API
// endpoint (every page of it, with searches and filters naming the hidden items), the OpenAPI
// document, and every export (CSV, XLSX, PDF). None may contain a confidential person, law or
// benchmark, a benchmark about a hidden person, an unpublished round or draft, a statement's
// private full text, or any field of the users, accounts or sessions tables. The HTML pages and
// embeds are checked over HTTP in e2e/security/confidentiality.spec.ts.
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { transaction } from "@/db/transaction";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { leakedSecrets, plantConfidentialDataIn, type Plant } from "@/db/testing/confidential-plant";
import { rawRun, rawValue, rawValues } from "@/db/testing/raw-sql";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/confidentiality-test-${process.pid}-${Date.now()}.db`;
});

type Handler = (request: Request) => Response | Promise<Response>;
const API: Record<string, () => Promise<{ GET: Handler }>> = {
  tracks: () => import("./api/v1/tracks/route"),
  rounds: () => import("./api/v1/rounds/route"),
  statements: () => import("./api/v1/statements/route"),
  benchmarks: () => import("./api/v1/benchmarks/route"),
  people: () => import("./api/v1/people/route"),
  laws: () => import("./api/v1/laws/route"),
  scores: () => import("./api/v1/scores/route"),
  summary: () => import("./api/v1/summary/route"),
  releases: () => import("./api/v1/releases/route"),
};
const EXPORTS: Record<string, () => Promise<{ GET: Handler }>> = {
  "scores.csv": () => import("./exports/scores.csv/route"),
  "benchmarks.csv": () => import("./exports/benchmarks.csv/route"),
  "scores.xlsx": () => import("./exports/scores.xlsx/route"),
  "benchmarks.xlsx": () => import("./exports/benchmarks.xlsx/route"),
  "scorecard.pdf": () => import("./exports/scorecard.pdf/route"),
  "scorecard-brief.pdf": () => import("./exports/scorecard-brief.pdf/route"),
};

let plant: Plant;
/** Everything a user row holds for the seed's accounts too: demo reviewers' emails and ids. */
let userFields: string[];
let releaseNumbers: number[];

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  const db = getDb();
  plant = await transaction(db, (tx) => plantConfidentialDataIn(tx, "vq7", { benchmarkAboutHiddenPerson: true, unpublishedRound: true }));
  // The planted scores as a release of their own, naming every round, the unpublished one too: no
  // release number may bring back what is hidden now, nor name a round that is not published.
  const { recordRelease } = await import("@/db/commands/releases");
  const roundIds = await rawValues<number>(db, "SELECT id FROM rounds");
  await transaction(getDb(), (tx) => recordRelease(tx, { roundIds, firstTime: new Set(), userId: null, note: `Corrections ${plant.hiddenPersonName}` }));
  // And the unpublished round's scores in release_scores, as if it had been published once and withdrawn.
  await rawRun(
    db,
    "INSERT INTO release_scores (benchmark_id, round_id, status, basis, assessment_id, evidence, valid_from_release) SELECT benchmark_id, round_id, 'met', 'agreement', id, '[]', 2 FROM assessments WHERE round_id = (SELECT id FROM rounds WHERE published_at IS NULL LIMIT 1)",
  );
  releaseNumbers = await rawValues<number>(db, "SELECT number FROM releases ORDER BY number");
  userFields = [...(await rawValues<string>(db, "SELECT id FROM users")), ...(await rawValues<string>(db, "SELECT email FROM users"))];
});

/** The response as text a reader's software would see: XLSX cells and PDF text included. */
async function readable(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes("spreadsheetml")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    // Also the raw XML of every part, in case something sits outside a cell (comments, names, properties).
    const { inflateRawSync } = await import("node:zlib");
    return cells.join("\n") + rawZipText(bytes, inflateRawSync);
  }
  if (type.includes("pdf")) {
    const parser = new PDFParse({ data: bytes });
    const [text, info] = [await parser.getText(), await parser.getInfo()];
    await parser.destroy();
    return `${text.text}\n${JSON.stringify(info.info ?? {})}`;
  }
  return bytes.toString("utf8");
}

/** The text of every deflated or stored entry of a zip file. */
function rawZipText(zip: Buffer, inflate: (b: Buffer) => Buffer): string {
  const parts: string[] = [];
  for (let at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    try {
      parts.push((method === 8 ? inflate(zip.subarray(start, size ? start + size : undefined)) : zip.subarray(start, start + size)).toString("utf8"));
    } catch {
      // A streamed entry has its size after the data; inflate to the end of the buffer instead.
      try {
        parts.push(inflate(zip.subarray(start)).toString("utf8"));
      } catch {
        /* not a text entry */
      }
    }
  }
  expect(parts.length).toBeGreaterThan(0);
  return parts.join("\n");
}

function expectNoLeak(text: string, url: string) {
  expect(leakedSecrets(text, [...plant.secrets, ...userFields], url), url).toEqual([]);
  for (const field of ["password", "session_token", "sessionToken", "reviewerId", "reviewer_id", "decidedBy", "decided_by", "@example.net"]) expect(text, `${url}: ${field}`).not.toContain(field);
}

async function getApi(name: string, query: string): Promise<Response> {
  const { GET } = await API[name]!();
  return GET(new Request(`http://localhost/api/v1/${name}${query}`));
}

describe("the read API", () => {
  it("lists every endpoint the OpenAPI document names, in this test", async () => {
    expect(Object.keys(API).sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it.each(Object.keys(ENDPOINTS).flatMap((name) => [[name, "en"], [name, "zh"]]))("%s in %s: no page of it names anything confidential or any account", async (name, lang) => {
    let pages = 0;
    for (let page = 1; ; page++) {
      const query = `?lang=${lang}${"page" in ENDPOINTS[name as keyof typeof ENDPOINTS].query.shape ? `&pageSize=500&page=${page}` : ""}`;
      const response = await getApi(name, query);
      expect(response.status).toBe(200);
      const text = await response.text();
      expectNoLeak(text, `/api/v1/${name}${query}`);
      pages += 1;
      const body = JSON.parse(text) as { data?: unknown[]; total?: number };
      if (!body.data || page * 500 >= (body.total ?? 0)) break;
    }
    expect(pages).toBeGreaterThan(0);
  });

  it.each(["people", "laws"])("%s: searching for a hidden name, Chinese name, role or description finds nothing", async (name) => {
    for (const term of [plant.hiddenPersonName, plant.hiddenPersonNameZh, plant.hiddenLawName, "Secret role", "Secret description", "Secret article", "Hidden"]) {
      const query = `?q=${encodeURIComponent(term)}`;
      const response = await getApi(name, query);
      const text = await response.text();
      expectNoLeak(text, `/api/v1/${name}${query}`);
      expect((JSON.parse(text) as { data: unknown[] }).data, term).toEqual([]);
    }
  });

  it.each(["benchmarks", "scores", "summary"])("%s: a filter naming a hidden item answers exactly as one naming nothing", async (name) => {
    const filters = [
      `subject=${plant.hiddenPersonSlug}`,
      `subject=${plant.hiddenLawSlug}`,
      `from=${plant.unpublishedRoundSlug}`,
      `to=${plant.unpublishedRoundSlug}`,
      `statement=${plant.drafts.statementSlug}`,
      `statement=${plant.drafts.rejectedStatementSlug}`,
    ];
    for (const filter of filters) {
      const [key, slug] = filter.split("=") as [string, string];
      const hidden = await getApi(name, `?${filter}`);
      const missing = await getApi(name, `?${key}=no-such-thing-at-all`);
      expect(hidden.status, filter).toBe(missing.status);
      const text = await hidden.text();
      expectNoLeak(text, `/api/v1/${name}?${filter}`);
      expect(text.replaceAll(slug, "X")).toBe((await missing.text()).replaceAll("no-such-thing-at-all", "X"));
    }
  });

  it.each(["benchmarks", "scores", "summary"])("%s: a round range that leaves the unpublished round out names nothing of it either", async (name) => {
    for (const query of ["?from=hrc-37&to=hrc-37", "?from=uschrd-2012-washington&to=upr-china-2018", "?track=un-hrc", "?track=un-hrc&lang=zh"]) {
      const response = await getApi(name, query);
      expect(response.status, query).toBe(200);
      expectNoLeak(await response.text(), `/api/v1/${name}${query}`);
    }
  });

  it.each(["scores", "summary"])("%s: no release (?release=N) names anything confidential, and an unknown one answers 404", async (name) => {
    expect(releaseNumbers.length).toBeGreaterThan(1);
    for (const number of releaseNumbers) {
      for (const query of [`?release=${number}`, `?release=${number}&pageSize=500`, `?release=${number}&from=hrc-37&to=hrc-37`]) {
        if (name === "summary" && query.includes("pageSize")) continue;
        const response = await getApi(name, query);
        expect(response.status, query).toBe(200);
        expectNoLeak(await response.text(), `/api/v1/${name}${query}`);
      }
      const hidden = await getApi(name, `?release=${number}&subject=${plant.hiddenPersonSlug}`);
      const missing = await getApi(name, `?release=${number}&subject=no-such-thing-at-all`);
      expect((await hidden.text()).replaceAll(plant.hiddenPersonSlug, "X")).toBe((await missing.text()).replaceAll("no-such-thing-at-all", "X"));
    }
    expect((await getApi(name, "?release=999")).status).toBe(404);
    expect((await getApi(name, "?release=0")).status).toBe(400);
  });

  it("every release and its changelog, with every page of changes, name nothing confidential, and an unknown number answers 404", async () => {
    const { GET } = (await import("./api/v1/releases/[number]/route")) as { GET: (r: Request, c: { params: Promise<{ number: string }> }) => Promise<Response> };
    const ask = (number: string, query = "") => GET(new Request(`http://localhost/api/v1/releases/${number}${query}`), { params: Promise.resolve({ number }) });
    for (const number of releaseNumbers) {
      for (let page = 1; ; page++) {
        const response = await ask(String(number), `?pageSize=500&page=${page}`);
        expect(response.status).toBe(200);
        const text = await response.text();
        expectNoLeak(text, `/api/v1/releases/${number}?page=${page}`);
        expect(text).not.toContain(plant.unpublishedRoundSlug);
        const body = JSON.parse(text) as { total: number };
        if (page * 500 >= body.total) break;
      }
    }
    for (const number of ["999", "0", "abc", "1.5"]) expect((await ask(number)).status, number).toBe(404);
  });

  it("every release's data package names nothing confidential and no unpublished round, and an unknown one answers 404", async () => {
    const { GET } = (await import("./releases/[number]/datapackage.zip/route")) as { GET: (r: Request, c: { params: Promise<{ number: string }> }) => Promise<Response> };
    const { inflateRawSync } = await import("node:zlib");
    for (const number of releaseNumbers) {
      const response = await GET(new Request(`http://localhost/releases/${number}/datapackage.zip`), { params: Promise.resolve({ number: String(number) }) });
      expect(response.status).toBe(200);
      const text = rawZipText(Buffer.from(await response.arrayBuffer()), inflateRawSync);
      expect(text).toContain("release-gui-minhai");
      expectNoLeak(text, `/releases/${number}/datapackage.zip`);
      expect(text).not.toContain(plant.unpublishedRoundSlug);
    }
    const missing = await GET(new Request("http://localhost/releases/999/datapackage.zip"), { params: Promise.resolve({ number: "999" }) });
    expect(missing.status).toBe(404);
  }, 90_000);

  it("the OpenAPI document describes no account field", async () => {
    const { GET } = await import("./api/v1/openapi.json/route");
    const text = JSON.stringify(await GET().json());
    expectNoLeak(text, "/api/v1/openapi.json");
    expect(text).not.toMatch(/"(email|password|token|userId|reviewer)"/);
  });
});

describe("the exports", () => {
  const cases: Array<[string, string]> = [
    ["scores.csv", ""],
    ["scores.csv", "?category=release-of-detained-people"],
    ["benchmarks.csv", ""],
    ["benchmarks.csv", "?from=hrc-37&to=hrc-37"],
    ["scores.xlsx", ""],
    ["scores.xlsx", "?from=hrc-37&to=hrc-37"],
    ["benchmarks.xlsx", ""],
    ["benchmarks.xlsx", "?from=hrc-37&to=hrc-37"],
    ["scores.csv", "?lang=zh"],
    ["benchmarks.csv", "?lang=zh"],
    ["scores.xlsx", "?lang=zh"],
    ["benchmarks.xlsx", "?lang=zh&from=hrc-37&to=hrc-37"],
    ["scorecard.pdf", ""],
    ["scorecard.pdf", "?round=hrc-37"],
    ["scorecard.pdf", "?round=hrc-37&category=release-of-detained-people&size=letter"],
    ["scorecard-brief.pdf", ""],
    ["scorecard-brief.pdf", "?round=hrc-37"],
    ["scorecard-brief.pdf", "?round=hrc-37&category=release-of-detained-people&size=letter"],
    ["scorecard.pdf", "?lang=zh"],
    ["scorecard.pdf", "?round=hrc-37&lang=zh"],
    ["scorecard-brief.pdf", "?lang=zh"],
    ["scorecard-brief.pdf", "?round=hrc-37&category=release-of-detained-people&lang=zh"],
  ];

  it.each(cases)("%s%s names nothing confidential and no account", async (name, query) => {
    const { GET } = await EXPORTS[name]!();
    const response = await GET(new Request(`http://localhost/exports/${name}${query}`));
    expect(response.status).toBe(200);
    const text = await readable(response);
    expect(text.length).toBeGreaterThan(500);
    // The export does list the public benchmark the hidden one sits beside, so the check reads real content.
    expect(text).toContain(name.startsWith("scorecard") ? (query.includes("lang=zh") ? "桂民海" : "Release Gui") : "release-gui-minhai");
    expectNoLeak(text, `/exports/${name}${query}`);
  }, 90_000);

  it.each(Object.keys(EXPORTS))("%s: a filter naming a hidden item is refused exactly as one naming nothing", async (name) => {
    const { GET } = await EXPORTS[name]!();
    for (const [key, slug] of [["subject", plant.hiddenPersonSlug], ["subject", plant.hiddenLawSlug], ["statement", plant.drafts.statementSlug]] as const) {
      const hidden = await GET(new Request(`http://localhost/exports/${name}?${key}=${slug}`));
      const missing = await GET(new Request(`http://localhost/exports/${name}?${key}=no-such-thing-at-all`));
      expect(hidden.status).toBe(400);
      expect((await hidden.text()).replaceAll(slug, "X")).toBe((await missing.text()).replaceAll("no-such-thing-at-all", "X"));
    }
  });
});

describe("one benchmark by its address, and a merged benchmark's old address", () => {
  type One = { GET: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> };
  const getOne = async (slug: string, query = "") => {
    const { GET } = (await import("./api/v1/benchmarks/[slug]/route")) as One;
    return GET(new Request(`http://localhost/api/v1/benchmarks/${slug}${query}`), { params: Promise.resolve({ slug }) });
  };

  it("answers a hidden benchmark exactly as one that does not exist, and a public one without naming anything hidden", async () => {
    const missing = await getOne("no-such-thing-at-all");
    expect(missing.status).toBe(404);
    const missingText = await missing.text();
    for (const slug of [plant.confidentialBenchmarkSlug, plant.benchmarkAboutHiddenPersonSlug!, plant.benchmarkFromUnpublishedRoundSlug!, plant.drafts.benchmarkSlug]) {
      for (const query of ["", "?lang=zh"]) {
        const hidden = await getOne(slug, query);
        expect(hidden.status, slug).toBe(404);
        expect(await hidden.text(), slug).toBe(missingText);
      }
    }
    const { getDb } = await import("@/db/client");
    const slugs = await rawValues<string>(getDb(), "SELECT slug FROM benchmarks WHERE review_state = 'approved' AND confidential = 0");
    let answered = 0;
    for (const slug of slugs) {
      const response = await getOne(slug, "?lang=zh");
      const text = await response.text();
      expectNoLeak(text, `/api/v1/benchmarks/${slug}?lang=zh`);
      if (response.status === 200) answered += 1;
    }
    expect(answered).toBeGreaterThan(40);
  });

  it("leads a merged benchmark's address to the kept one only when that one is public and the merged one was not confidential", async () => {
    const { getDb } = await import("@/db/client");
    const db = getDb();
    const merged = async (slug: string, into: string, confidential = 0) => {
      const id = (await rawValue<number>(db, "SELECT id FROM benchmarks WHERE slug = ?", into))!;
      await rawRun(
        db,
        "INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, confidential, review_state, merged_into_id) SELECT ?, 'Merged ' || ?, category_id, addressee, applies_from_round_id, ?, 'merged', ? FROM benchmarks WHERE id = ?",
        slug,
        slug,
        confidential,
        id,
        id,
      );
    };
    await merged("merged-into-public-vq7", "release-liu-xia");
    await merged("merged-into-confidential-vq7", plant.confidentialBenchmarkSlug);
    await merged("merged-into-hidden-person-vq7", plant.benchmarkAboutHiddenPersonSlug!);
    await merged("merged-into-unpublished-vq7", plant.benchmarkFromUnpublishedRoundSlug!);
    await merged("confidential-merged-vq7", "release-liu-xia", 1);
    await merged("merged-twice-vq7", "merged-into-public-vq7");

    for (const slug of ["merged-into-public-vq7", "merged-twice-vq7"]) {
      const response = await getOne(slug);
      expect(response.status, slug).toBe(308);
      expect(response.headers.get("location")).toBe("/api/v1/benchmarks/release-liu-xia");
    }
    const missingText = await (await getOne("no-such-thing-at-all")).text();
    for (const slug of ["merged-into-confidential-vq7", "merged-into-hidden-person-vq7", "merged-into-unpublished-vq7", "confidential-merged-vq7"]) {
      const response = await getOne(slug);
      expect(response.status, slug).toBe(404);
      expect(response.headers.get("location"), slug).toBeNull();
      expect(await response.text(), slug).toBe(missingText);
    }
  });
});

describe("the Atom feeds", () => {
  async function feed(path: string): Promise<Response> {
    const { GET } = await import("./feeds/[...path]/route");
    return GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ path: new URL(path, "http://localhost").pathname.replace(/^\/feeds\//, "").split("/") }) });
  }

  it("every feed — all, each track, round, benchmark, person and law, in English and in Chinese — names nothing confidential and no account", async () => {
    const { getDb } = await import("@/db/client");
    const slugs = (query: string) => rawValues<string>(getDb(), query);
    const paths = [
      "/feeds/changes.atom",
      ...(await slugs("SELECT slug FROM tracks")).map((s) => `/feeds/tracks/${s}.atom`),
      ...(await slugs("SELECT slug FROM rounds")).map((s) => `/feeds/rounds/${s}.atom`),
      ...(await slugs("SELECT slug FROM benchmarks")).map((s) => `/feeds/benchmarks/${s}.atom`),
      ...(await slugs("SELECT slug FROM subjects WHERE kind = 'person'")).map((s) => `/feeds/people/${s}.atom`),
      ...(await slugs("SELECT slug FROM subjects WHERE kind <> 'person'")).map((s) => `/feeds/laws/${s}.atom`),
    ];
    let answered = 0;
    for (const path of paths.flatMap((p) => [p, `${p}?lang=zh`])) {
      const response = await feed(path);
      const text = await response.text();
      if (response.status === 200) answered += 1;
      expectNoLeak(text, path);
    }
    expect(answered).toBeGreaterThan(100);
    expect((await (await feed("/feeds/changes.atom")).text()).match(/<entry>/g)?.length).toBeGreaterThan(5);
    expect((await (await feed("/feeds/changes.atom?lang=zh")).text()).match(/<entry>/g)?.length).toBeGreaterThan(5);
  }, 240_000);

  it("a hidden person, law, benchmark or unpublished round has no feed: it answers exactly as one that does not exist", async () => {
    const missing = await (await feed("/feeds/rounds/no-such-thing-at-all.atom")).text();
    const hidden = [
      `/feeds/people/${plant.hiddenPersonSlug}.atom`,
      `/feeds/laws/${plant.hiddenLawSlug}.atom`,
      `/feeds/benchmarks/${plant.confidentialBenchmarkSlug}.atom`,
      `/feeds/benchmarks/${plant.benchmarkAboutHiddenPersonSlug}.atom`,
      `/feeds/benchmarks/${plant.benchmarkFromUnpublishedRoundSlug}.atom`,
      `/feeds/rounds/${plant.unpublishedRoundSlug}.atom`,
    ];
    for (const path of hidden) {
      const response = await feed(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe(missing);
    }
  });
});
