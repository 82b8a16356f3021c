// The Atom feeds against the seed database and one more publication: every feed parses as Atom with
// the elements RFC 4287 requires, holds the last publication's changes first (before → after, the
// rationale, a link), escapes what it quotes, and answers 404 for anything not public.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NAME_WITHHELD, withheldMarkersIn } from "@/lib/redaction";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/feeds-test-${process.pid}-${Date.now()}.db`;
});

const ROUND = { slug: "hrc-feed-test", name: "Council session of the feed test" };
const BENCHMARK = "end-rsdl";
const RATIONALE = "Two detainees were released <script>alert(1)</script> & one was charged.";

async function get(path: string): Promise<Response> {
  const { GET } = await import("@/app/feeds/[...path]/route");
  const segments = new URL(path, "http://localhost").pathname.replace(/^\/feeds\//, "").split("/");
  return GET(new Request(`http://localhost${path}`), { params: Promise.resolve({ path: segments }) });
}

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: { "@_href": string };
  summary: string;
}

/** Parses the feed and checks what Atom requires of a feed and of each entry; returns the entries. */
async function entriesOf(path: string): Promise<AtomEntry[]> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" }).parse(await response.text());
  const feed = parsed.feed;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  for (const element of ["id", "title", "updated", "author"]) expect(feed[element], `${path}: feed ${element}`).toBeTruthy();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.link.find((l: { "@_rel": string }) => l["@_rel"] === "self")["@_href"]).toBe(`http://localhost:3000${path}`);
  // A type="html" text comes back with its attribute: its text is under #text.
  const text = (value: unknown) => (value && typeof value === "object" ? String((value as Record<string, unknown>)["#text"] ?? "") : String(value ?? ""));
  const entries = (feed.entry ?? []).map((e: Record<string, unknown> & { link: Array<{ "@_href": string }> }) => ({
    id: text(e.id),
    title: text(e.title),
    updated: text(e.updated),
    summary: text(e.summary),
    link: e.link[0]!,
  }));
  for (const entry of entries) {
    for (const element of ["id", "title", "updated"] as const) expect(entry[element], `${path}: entry ${element}`).toBeTruthy();
    expect(entry.link["@_href"]).toMatch(path.endsWith("?lang=zh") ? /^http:\/\/localhost:3000\/zh\/benchmarks\// : /^http:\/\/localhost:3000\/benchmarks\//);
  }
  expect(new Set(entries.map((e: AtomEntry) => e.id)).size).toBe(entries.length);
  return entries;
}

let previousStatus: string;

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = "http://localhost:3000";
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  const sqlite = getDb().$client;
  // A publication after the seed's: one benchmark's status changes from its latest published one.
  previousStatus = (
    sqlite
      .prepare("SELECT ps.status FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id WHERE b.slug = ? ORDER BY r.start_date DESC LIMIT 1")
      .get(BENCHMARK) as { status: string }
  ).status;
  const next = previousStatus === "met" ? "regressed" : "met";
  sqlite.transaction(() => {
    const round = sqlite
      .prepare("INSERT INTO rounds (slug, track_id, name, start_date, date_precision, published_at) SELECT ?, id, ?, '2019-01-15', 'day', '2099-01-01T00:00:00.000Z' FROM tracks WHERE slug = 'un-hrc'")
      .run(ROUND.slug, ROUND.name).lastInsertRowid;
    const assessment = sqlite
      .prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) SELECT id, ?, 'demo-reviewer-a', ?, ? FROM benchmarks WHERE slug = ?")
      .run(round, next, RATIONALE, BENCHMARK).lastInsertRowid;
    sqlite
      .prepare("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) SELECT id, ?, ?, 'agreement', ?, 'demo-reviewer-a', '2099-01-01T00:00:00.000Z' FROM benchmarks WHERE slug = ?")
      .run(round, next, assessment, BENCHMARK);
  })();
});

describe("the Atom feeds", () => {
  it("of every change: the last publication's change first, with before → after, the rationale escaped and a link", async () => {
    const entries = await entriesOf("/feeds/changes.atom");
    expect(entries.length).toBeGreaterThan(1);
    const [first] = entries;
    expect(first!.title).toContain(`→ ${previousStatus === "met" ? "Regressed" : "Met"} (${ROUND.name})`);
    expect(first!.updated).toBe("2099-01-01T00:00:00.000Z");
    expect(first!.link["@_href"]).toBe(`http://localhost:3000/benchmarks/${BENCHMARK}`);
    expect(first!.summary).toContain("Rationale: Two detainees were released &lt;script&gt;alert(1)&lt;/script&gt; &amp; one was charged.");
    expect(first!.summary).not.toContain("<script>");
  });

  it("of the round, its track and the benchmark hold that change; of a person or law, their benchmarks' changes", async () => {
    const round = await entriesOf(`/feeds/rounds/${ROUND.slug}.atom`);
    expect(round).toHaveLength(1);
    expect((await entriesOf("/feeds/tracks/un-hrc.atom"))[0]!.id).toBe(round[0]!.id);
    expect((await entriesOf(`/feeds/benchmarks/${BENCHMARK}.atom`))[0]!.id).toBe(round[0]!.id);
    const { getDb } = await import("@/db/client");
    const subject = getDb()
      .$client.prepare("SELECT s.slug, s.kind FROM subjects s JOIN benchmark_subjects bs ON bs.subject_id = s.id JOIN benchmarks b ON b.id = bs.benchmark_id WHERE s.confidential = 0 AND s.kind = 'person' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
      .get() as { slug: string };
    await entriesOf(`/feeds/people/${subject.slug}.atom`);
    const law = getDb().$client.prepare("SELECT slug FROM subjects WHERE kind IN ('law', 'practice') AND confidential = 0 LIMIT 1").get() as { slug: string };
    await entriesOf(`/feeds/laws/${law.slug}.atom`);
  });

  it("in Chinese (?lang=zh): Chinese titles, status words and links to the Chinese pages; the rationale as written, marked English", async () => {
    const STATUS_LABELS_ZH = (await import("@/lib/export/words")).CATALOGUES.zh.status;
    const { getDb } = await import("@/db/client");
    const sqlite = getDb().$client;
    const titleZh = (sqlite.prepare("SELECT title_zh AS t FROM benchmarks WHERE slug = ?").get(BENCHMARK) as { t: string | null }).t;
    expect(titleZh, "the seed gives every benchmark a Chinese title").toBeTruthy();
    const response = await get("/feeds/changes.atom?lang=zh");
    const xml = await response.text();
    expect(xml).toContain("<title>对话记分卡：状态变化</title>");
    const entries = await entriesOf("/feeds/changes.atom?lang=zh");
    const english = await entriesOf("/feeds/changes.atom");
    expect(entries.map((e) => e.id)).toEqual(english.map((e) => e.id));
    const [first] = entries;
    const next = previousStatus === "met" ? "regressed" : "met";
    // The test round has no Chinese name: its English one stands in.
    expect(first!.title).toBe(`${titleZh}：${STATUS_LABELS_ZH[previousStatus as keyof typeof STATUS_LABELS_ZH]} → ${STATUS_LABELS_ZH[next]}（${ROUND.name}）`);
    expect(first!.link["@_href"]).toBe(`http://localhost:3000/zh/benchmarks/${BENCHMARK}`);
    expect(first!.summary).toContain('理由：<span lang="en">Two detainees were released &lt;script&gt;');
    expect(first!.summary).not.toContain("Rationale:");
    // A round with a Chinese name is called by it in its feed's title.
    const round = sqlite.prepare("SELECT slug, name_zh AS nameZh FROM rounds WHERE name_zh IS NOT NULL AND published_at IS NOT NULL LIMIT 1").get() as { slug: string; nameZh: string };
    expect(await (await get(`/feeds/rounds/${round.slug}.atom?lang=zh`)).text()).toContain(`<title>状态变化：${round.nameZh}</title>`);
  });

  it("refuses a language it does not have, and keeps a confidential person's Chinese name out of the Chinese feed", async () => {
    const refused = await get("/feeds/changes.atom?lang=fr");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const { getDb } = await import("@/db/client");
    const sqlite = getDb().$client;
    // A public benchmark's Chinese title naming a person who is then made confidential: the feed withholds the name.
    sqlite.prepare("INSERT INTO subjects (slug, kind, name, name_zh, role, description, confidential) VALUES ('feed-secret-person', 'person', 'Hidden Feedperson', '隐秘人士', 'x', '', 1)").run();
    sqlite.prepare("UPDATE benchmarks SET title_zh = '释放隐秘人士' WHERE slug = ?").run(BENCHMARK);
    const xml = await (await get("/feeds/changes.atom?lang=zh")).text();
    expect(xml).not.toContain("隐秘人士");
    // In Chinese text the marker is said in Chinese.
    expect(xml).toContain(`释放${withheldMarkersIn("zh", NAME_WITHHELD)}`);
    expect(xml).not.toContain(NAME_WITHHELD);
  });

  it("answers 404 for an unpublished round, a confidential benchmark or person and a made-up address, all alike", async () => {
    const { getDb } = await import("@/db/client");
    const sqlite = getDb().$client;
    sqlite.prepare("INSERT INTO rounds (slug, track_id, name, start_date, date_precision) SELECT 'hrc-feed-unpublished', id, 'Unpublished', '2019-06-01', 'day' FROM tracks WHERE slug = 'un-hrc'").run();
    const missing = await (await get("/feeds/rounds/no-such-round.atom")).text();
    for (const path of ["/feeds/rounds/hrc-feed-unpublished.atom", "/feeds/rounds/no-such-round.atom", "/feeds/nothing/x.atom", "/feeds/rounds/UPPER.atom", "/feeds/rounds/x.rss", "/feeds/changes.atom/more"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe(missing);
    }
  });
});
