// The brief read back as text (pdf-parse; pdfinfo for the page count): at most two pages for every
// view of the seed, the largest included; the release's data version, the filters in words, the
// headline with its change, what changed since the previous round with before → after and a
// rationale, the named people in both scripts, the method; and nothing confidential.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/brief-test-${process.pid}-${Date.now()}.db`;
});

let sqlite: import("better-sqlite3").Database;
const TMP = process.env.TMPDIR ?? "/tmp";

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  const id = (q: string) => (sqlite.prepare(q).get() as { id: number }).id;
  const roundId = id("SELECT id FROM rounds WHERE slug = 'upr-china-2018'");
  const previousId = id("SELECT id FROM rounds WHERE slug = 'hrc-37'");
  // A confidential benchmark that changed status (met at UPR 2018 after not met at HRC 37) and names a confidential person.
  const benchmarkId = sqlite
    .prepare("INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, confidential, review_state) VALUES ('secret-brief', 'Confidential benchmark for the brief test', ?, 'chinese_government', ?, 1, 'approved')")
    .run(id("SELECT id FROM categories WHERE slug = 'release-of-detained-people'"), previousId).lastInsertRowid;
  sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, (SELECT id FROM statements LIMIT 1), 'x', 'approved')").run(benchmarkId);
  const personId = sqlite
    .prepare("INSERT INTO subjects (slug, kind, name, name_zh, role, description, confidential) VALUES ('secret-person-brief', 'person', 'Hidden Briefperson', '秘密人', 'x', '', 1)")
    .run().lastInsertRowid;
  sqlite.prepare("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)").run(benchmarkId, personId);
  for (const [round, status] of [[previousId, "not_met"], [roundId, "met"]] as const) {
    const assessmentId = sqlite
      .prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, 'demo-reviewer-a', ?, 'Secret rationale for the brief test.')")
      .run(benchmarkId, round, status).lastInsertRowid;
    sqlite
      .prepare("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, ?, 'agreement', ?, 'demo-editor', '2026-01-01')")
      .run(benchmarkId, round, status, assessmentId);
  }
  const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
  await refreshPublishedAggregates(getDb());
});

const flatten = (text: string) => text.replace(/\s+/g, " ");

async function brief(path: string): Promise<{ text: string; pages: string[]; bytes: Buffer }> {
  const { GET } = await import("./scorecard-brief.pdf/route");
  const response = await GET(new Request(`http://localhost${path}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="dialogue-scorecard-brief-.*\.pdf"$/);
  const bytes = Buffer.from(await response.arrayBuffer());
  const parser = new PDFParse({ data: bytes });
  const result = await parser.getText({ parseHyperlinks: true });
  await parser.destroy();
  return { text: result.text, pages: result.pages.map((p) => p.text), bytes };
}

const pageCount = (bytes: Buffer, file = `${TMP}/brief-pages-${process.pid}.pdf`) => {
  writeFileSync(file, bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
};

describe("the brief", () => {
  it("fits every published round (the seed's largest view) in at most two pages, numbered", async () => {
    const { text, pages, bytes } = await brief("/exports/scorecard-brief.pdf");
    writeFileSync(`${TMP}/brief-all.pdf`, bytes);
    expect(pageCount(bytes)).toBeLessThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(2);
    const flat = flatten(text);
    expect(flat).toContain("Dialogue Scorecard — brief");
    expect(flat).toContain("Filters: none (all published data)");
    expect(flat).toMatch(new RegExp(`Page 1 of ${pages.length}`));
    expect(flat).toContain("Method in three lines");
  }, 60_000);

  it("names the data version, the filters in words and the denominator of a round's view", async () => {
    const { text, bytes } = await brief("/exports/scorecard-brief.pdf?round=upr-china-2018&track=upr");
    expect(pageCount(bytes)).toBeLessThanOrEqual(2);
    const flat = flatten(text);
    const version = (sqlite.prepare("SELECT published_at AS v FROM rounds WHERE slug = 'upr-china-2018'").get() as { v: string }).v;
    expect(flat).toContain(`Data version: published ${version.slice(0, 16).replace("T", " ")} UTC`);
    expect(flat).toContain("Filters: Round: China's Universal Periodic Review, 2018; Track: Universal Periodic Review");
    expect(flat).not.toContain("upr-china-2018");
    // The release it was made from, citable: the newest release's number, time and address.
    const release = sqlite.prepare("SELECT number, published_at AS at FROM releases ORDER BY number DESC LIMIT 1").get() as { number: number; at: string };
    expect(release.number).toBeGreaterThan(0);
    expect(flat).toContain(`Release: number ${release.number}, published ${release.at.slice(0, 16).replace("T", " ")} UTC`);
    expect(flat).toMatch(new RegExp(`cite it as \\S+/releases/${release.number},`));
    expect(flat).toMatch(new RegExp(`Dialogue Scorecard brief · release ${release.number} · data version`));
    expect(flat).toMatch(/Denominator: the index counts the \d+ judged of the \d+ benchmarks that apply at China's Universal Periodic Review, 2018/);
    expect(flat).toContain("DEMO DATA");
  }, 60_000);

  it("gives the headline figures with their change since the previous round and the coverage", async () => {
    const flat = flatten((await brief("/exports/scorecard-brief.pdf?round=upr-china-2018")).text);
    const { getDashboardSummary } = await import("@/db/queries/dashboard-summary");
    const { getDb } = await import("@/db/client");
    const wide = await getDashboardSummary(getDb(), { from: "hrc-37", to: "upr-china-2018" }, { figuresOnly: true, applicableOnly: true });
    const [before, after] = [wide.series.at(-2)!, wide.series.at(-1)!];
    const delta = after.index! - before.index!;
    const signed = (n: number) => (Math.round(n * 10) === 0 ? "±0.0" : `${n > 0 ? "+" : "\u2212"}${Math.abs(n).toFixed(1)}`);
    expect(flat).toContain(`Fulfilment index ${after.index!.toFixed(1)} ${signed(delta)} since HRC 2018`);
    const met = after.tally.met - before.tally.met;
    expect(flat).toContain(`Met ${after.tally.met} ${met === 0 ? "±0" : `${met > 0 ? "+" : "\u2212"}${Math.abs(met)}`} since HRC 2018`);
    expect(flat).toMatch(new RegExp(`Coverage ${Math.round(after.coverage! * 100)}% [+−±]\\d+ pts since HRC 2018`));
  }, 60_000);

  it("lists what changed since the previous round, up and down, before → after with a one-line rationale", async () => {
    const flat = flatten((await brief("/exports/scorecard-brief.pdf?round=upr-china-2018")).text);
    const changes = sqlite
      .prepare(
        `SELECT c.direction, c.title FROM public_changes c JOIN rounds r ON r.id = c.round_id JOIN rounds p ON p.id = c.previous_round_id
          WHERE r.slug = 'upr-china-2018' AND p.slug = 'hrc-37'`,
      )
      .all() as Array<{ direction: "up" | "down"; title: string }>;
    expect(changes.length).toBeGreaterThan(0);
    const up = changes.filter((c) => c.direction === "up").length;
    expect(flat).toContain(`What changed since Human Rights Council, 37th session ${up} up, ${changes.length - up} down between`);
    for (const c of changes) expect(flat).toContain(c.title);
    expect(flat).toContain("▲ Up End Liu Xia's house arrest Allowed to leave China for Germany on 10 July 2018. Not met → Met");
    expect(flat).not.toContain("more changes");
  }, 60_000);

  it("lists the named people's cases with their names in both scripts and the status", async () => {
    const flat = flatten((await brief("/exports/scorecard-brief.pdf?round=upr-china-2018")).text);
    const section = flat.slice(flat.indexOf("People named: their cases"), flat.indexOf("Method in three lines"));
    expect(section).toContain("Person Demand UPR 2018");
    expect(section).toMatch(/Liu Xia 刘霞 End Liu Xia's house arrest Met ▲ from Not met/);
    expect(section).toContain("Tashi Wangchuk 扎西文色");
  }, 60_000);

  it("holds nothing confidential: neither the hidden benchmark that changed nor the hidden person", async () => {
    for (const path of ["/exports/scorecard-brief.pdf", "/exports/scorecard-brief.pdf?round=upr-china-2018", "/exports/scorecard-brief.pdf?round=upr-china-2018&category=release-of-detained-people&size=letter"]) {
      const { text, bytes } = await brief(path);
      for (const secret of ["Confidential benchmark for the brief test", "Hidden Briefperson", "秘密人", "Secret rationale", "secret-brief"]) {
        expect(text, `${path}: ${secret}`).not.toContain(secret);
        expect(bytes.toString("latin1"), path).not.toContain(secret);
      }
    }
  }, 60_000);

  it("refuses unknown parameters with a 400 naming them, as the full scorecard does", async () => {
    const { GET } = await import("./scorecard-brief.pdf/route");
    const response = await GET(new Request("http://localhost/exports/scorecard-brief.pdf?round=no-such-round&size=a3"));
    expect(response.status).toBe(400);
    const message = await response.text();
    expect(message).toContain("no-such-round");
    expect(message).toContain("size");
  });
});

/** Each word pdftotext finds on page `page`, with its left and right edges in points. */
function wordBoxes(bytes: Buffer, page: number): Array<{ word: string; xMin: number; xMax: number }> {
  const file = `${TMP}/brief-bbox-${process.pid}.pdf`;
  writeFileSync(file, bytes);
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ word: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) }));
}

// Runs last: it gives a benchmark a long Chinese title.
describe("a long Chinese title", () => {
  const TITLE = "立即无条件释放这位维权律师并撤销对他的一切指控同时停止以寻衅滋事和颠覆国家政权罪名任意拘留和平表达意见的维权人士";

  it("wraps inside its cell, in the full scorecard's table and in the brief's cases, character by character without hyphens", async () => {
    sqlite.prepare("UPDATE benchmarks SET title = ? WHERE slug = 'release-xu-zhiyong'").run(TITLE);
    const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
    const { getDb } = await import("@/db/client");
    await refreshPublishedAggregates(getDb());

    const { GET } = await import("./scorecard.pdf/route");
    const full = Buffer.from(await (await GET(new Request("http://localhost/exports/scorecard.pdf?round=upr-china-2018&subject=xu-zhiyong"))).arrayBuffer());
    // The benchmark column is 40% of the 523 pt between the 36 pt margins: it ends at 245 pt.
    // The table begins on the page after the title block and legend (scorecard-layout.ts).
    const fullWords = wordBoxes(full, 2).filter((w) => /[\u4E00-\u9FFF]/u.test(w.word) && TITLE.includes(w.word.replace(/-$/, "")));
    expect(fullWords.length).toBeGreaterThanOrEqual(3);
    for (const w of fullWords) expect(w.xMax, w.word).toBeLessThanOrEqual(36 + 0.4 * 523 + 1);
    expect(fullWords.map((w) => w.word).join("")).toBe(TITLE);

    const { bytes } = await brief("/exports/scorecard-brief.pdf?round=upr-china-2018&subject=xu-zhiyong");
    // The brief's demand column: from 27% to 72% of the text width.
    const briefWords = wordBoxes(bytes, 1).filter((w) => /[\u4E00-\u9FFF]/u.test(w.word) && TITLE.includes(w.word));
    expect(briefWords.length).toBeGreaterThanOrEqual(2);
    expect(briefWords.map((w) => w.word).join("")).toContain(TITLE);
    for (const w of briefWords) expect(w.xMax, w.word).toBeLessThanOrEqual(36 + 0.72 * 523 + 1);
  }, 60_000);
});
