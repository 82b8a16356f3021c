// The PDF read back as text: headline figures and benchmark titles match the database, Chinese
// survives, a confidential benchmark is absent, every page is numbered and holds more than a stray
// line or two; filters read as names, evidence as links, and what changed since the previous round is listed.
import { writeFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/pdf-test-${process.pid}-${Date.now()}.db`;
});

let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  const id = (q: string) => (sqlite.prepare(q).get() as { id: number }).id;
  const roundId = id("SELECT id FROM rounds WHERE slug = 'upr-china-2018'");
  const benchmarkId = sqlite
    .prepare("INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, confidential, review_state) VALUES ('secret-pdf', 'Confidential benchmark for the PDF test', ?, 'chinese_government', ?, 1, 'approved')")
    .run(id("SELECT id FROM categories WHERE slug = 'legal-reform'"), roundId).lastInsertRowid;
  sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, (SELECT id FROM statements LIMIT 1), 'x', 'approved')").run(benchmarkId);
  const assessmentId = sqlite.prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, 'demo-reviewer-a', 'met', 'secret')").run(benchmarkId, roundId).lastInsertRowid;
  sqlite
    .prepare("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, 'demo-editor', '2026-01-01')")
    .run(benchmarkId, roundId, assessmentId);
  // Evidence fixed at publication, as publishing.ts copies it: two links for a public benchmark, one for the confidential one.
  const addEvidence = sqlite.prepare("INSERT INTO published_evidence (benchmark_id, round_id, position, url, title, published_on) VALUES (?, ?, ?, ?, ?, ?)");
  const tashi = id("SELECT id FROM benchmarks WHERE slug = 'release-tashi-wangchuk'");
  addEvidence.run(tashi, roundId, 0, EVIDENCE.url, EVIDENCE.title, "2018-05-22");
  addEvidence.run(tashi, roundId, 1, "https://example.org/un/experts-on-tashi-wangchuk", "UN experts on the sentence of Tashi Wangchuk", null);
  addEvidence.run(benchmarkId, roundId, 0, "https://example.org/secret-evidence", "Secret evidence for the PDF test", "2018-01-01");
  sqlite.prepare("UPDATE assessments SET public_record = 1 WHERE id = (SELECT assessment_id FROM published_scores WHERE benchmark_id = ? AND round_id = ?)").run(tashi, roundId);
});

const EVIDENCE = { url: "https://example.org/news/tashi-wangchuk-sentenced", title: "Tibetan language advocate Tashi Wangchuk sentenced to five years" };

const flatten = (text: string) => text.replace(/\s+/g, " ");

async function pdfText(path: string): Promise<{ text: string; pages: number; pageTexts: string[]; bytes: Buffer }> {
  const { GET } = await import("./scorecard.pdf/route");
  const response = await GET(new Request(`http://localhost${path}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  const parser = new PDFParse({ data: bytes });
  // Links read as [text](address), as pdf-parse finds them in the link annotations over the text.
  const result = await parser.getText({ parseHyperlinks: true });
  await parser.destroy();
  return { text: result.text, pages: result.total, pageTexts: result.pages.map((p) => p.text), bytes };
}

describe("scorecard PDF", () => {
  it("states the round, data version, headline figures and every benchmark that applies", async () => {
    const { text, pages, bytes } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018");
    writeFileSync(`${process.env.TMPDIR ?? "/tmp"}/scorecard-test.pdf`, bytes);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("China's Universal Periodic Review, 2018");
    const version = (sqlite.prepare("SELECT published_at AS v FROM rounds WHERE slug = 'upr-china-2018'").get() as { v: string }).v;
    expect(flat).toContain(`Data version: published ${version.slice(0, 16).replace("T", " ")} UTC`);
    const release = sqlite.prepare("SELECT number, published_at AS at FROM releases ORDER BY number DESC LIMIT 1").get() as { number: number; at: string };
    expect(flat).toContain(`Release: number ${release.number}, published ${release.at.slice(0, 16).replace("T", " ")} UTC`);
    expect(flat).toMatch(new RegExp(`Dialogue Scorecard · release ${release.number} · data version`));
    const tally = sqlite
      .prepare(
        `SELECT SUM(ps.status = 'met') AS met, SUM(ps.status = 'partial') AS partial, SUM(ps.status IN ('met','partial','not_met','regressed')) AS judged
           FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
          WHERE r.slug = 'upr-china-2018' AND b.confidential = 0`,
      )
      .get() as { met: number; partial: number; judged: number };
    const index = ((100 * (tally.met + 0.5 * tally.partial)) / tally.judged).toFixed(1);
    expect(flat).toMatch(new RegExp(`Fulfilment index ${index.replace(".", "\\.")}`));
    expect(flat).toContain(`the index counts the ${tally.judged} judged of the`);
    for (const title of ["End Liu Xia's house arrest", "Release Tashi Wangchuk", "UN Special Rapporteurs get prompt access to China, including Tibetan and Uyghur areas"]) {
      expect(flat).toContain(title);
    }
    expect(flat).toContain("DEMO DATA");
    expect(flat).toMatch(/Page 1 of \d/);
    expect(pages).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("keeps Chinese characters and leaves out the confidential benchmark", async () => {
    const { text } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018");
    expect(text).toContain("刘霞");
    expect(text).toContain("指定居所监视居住");
    expect(text).not.toContain("Confidential benchmark for the PDF test");
  }, 60_000);

  it("covers a range of rounds with the dashboard's filters, on US Letter", async () => {
    const { text } = await pdfText("/exports/scorecard.pdf?from=uschrd-2015-washington&to=upr-china-2018&category=legal-reform&size=letter");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Filters: Rounds: from 2015 US–China dialogue, Washington to China's Universal Periodic Review, 2018; Category: Legal reform");
    expect(flat).toContain("Fulfilment index by round");
    expect(flat).toContain("Abolish re-education through labour");
    expect(flat).not.toContain("Release Gui Minhai");
  }, 60_000);

  it("names the round and the track it is filtered by, not their identifiers", async () => {
    const { text } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018&track=upr");
    const flat = flatten(text);
    expect(flat).toContain("Filters: Round: China's Universal Periodic Review, 2018; Track: Universal Periodic Review");
    expect(flat).not.toContain("upr-china-2018");
    expect(flat).not.toMatch(/track = |from = /);
    const person = flatten((await pdfText("/exports/scorecard.pdf?round=upr-china-2018&subject=liu-xia")).text);
    expect(person).toContain("Filters: Round: China's Universal Periodic Review, 2018; Person or law: Liu Xia 刘霞");
  }, 60_000);

  it("links each benchmark's evidence at the latest round with its title and date, and says what a rationale rests on", async () => {
    const { text, bytes } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018");
    const flat = flatten(text);
    expect(flat).toContain(`[${EVIDENCE.title}](${EVIDENCE.url}) (22 May 2018)`);
    expect(flat).toContain("[UN experts on the sentence of Tashi Wangchuk](https://example.org/un/experts-on-tashi-wangchuk)");
    expect(bytes.toString("latin1")).toContain(`/URI (${EVIDENCE.url})`);
    // Its rationale rests on public record, and the evidence is there; a seed rationale on public record has none yet.
    expect(flat).toMatch(/Sentenced to five years in prison in May 2018\. \(public record\) Evidence, UPR 2018:/);
    expect(flat).toContain("(public record, source to be verified)");
    // Sources with their dates; people in both scripts.
    expect(flat).toMatch(/Sources: Joint NGO letter to UN member states ahead of the 37th Human Rights Council session \(3 February 2018\)/);
    expect(flat).toContain("People and laws: Tashi Wangchuk 扎西文色");
    // The confidential benchmark's evidence stays out, link and title.
    expect(flat).not.toContain("Secret evidence for the PDF test");
    expect(bytes.toString("latin1")).not.toContain("secret-evidence");
  }, 60_000);

  it("lists what changed since the previous round, up and down, with before → after and a rationale", async () => {
    const { text } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018");
    const flat = flatten(text);
    const section = flat.slice(flat.indexOf("What changed since Human Rights Council, 37th session"), flat.indexOf("Method in brief"));
    expect(section.length).toBeGreaterThan(0);
    const labels: Record<string, string> = { met: "Met", partial: "Partial", not_met: "Not met", regressed: "Regressed", unknown: "Unknown" };
    const changes = sqlite
      .prepare(
        `SELECT c.direction, c.from_status AS "from", c.to_status AS "to", c.title FROM public_changes c
           JOIN rounds r ON r.id = c.round_id JOIN rounds p ON p.id = c.previous_round_id
          WHERE r.slug = 'upr-china-2018' AND p.slug = 'hrc-37'`,
      )
      .all() as Array<{ direction: "up" | "down"; from: string; to: string; title: string }>;
    expect(changes.length).toBeGreaterThan(0);
    const up = changes.filter((c) => c.direction === "up").length;
    expect(section).toContain(`${up} up, ${changes.length - up} down between Human Rights Council, 37th session and China's Universal Periodic Review, 2018`);
    for (const c of changes) {
      expect(section).toMatch(new RegExp(`${c.direction === "up" ? "▲ Up" : "▼ Down"} ${c.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      expect(section).toContain(`${labels[c.from]} → ${labels[c.to]}`);
    }
    expect(section).toContain("▲ Up End Liu Xia's house arrest Allowed to leave China for Germany on 10 July 2018. Not met → Met");
  }, 60_000);

  it("draws the trend chart only for two rounds or more, and explains every symbol of the table", async () => {
    const one = flatten((await pdfText("/exports/scorecard.pdf?round=upr-china-2018")).text);
    expect(one).not.toContain("Fulfilment index by round");
    expect(one).not.toContain("Denominators:");
    expect(one).toContain("– applies at that round, but has no published score there");
    expect(one).toContain("· does not apply at that round");
    for (const status of ["Met", "Partial", "Not met", "Regressed", "Unknown"]) expect(one).toContain(status);
    expect(one).toContain("(preliminary) after a round: fewer than");
  }, 60_000);

  it("leaves no page with only a stray line or two, and repeats the table header on continued pages", async () => {
    for (const path of ["/exports/scorecard.pdf?round=upr-china-2018", "/exports/scorecard.pdf", "/exports/scorecard.pdf?track=un-hrc&category=release-of-detained-people"]) {
      const { pageTexts } = await pdfText(path);
      pageTexts.forEach((page, i) => {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        expect(lines.length, `${path}, page ${i + 1}: ${lines.join(" | ")}`).toBeGreaterThanOrEqual(6);
        // After the page where the table starts, every page continues it under its header.
        const tableStarts = pageTexts.findIndex((p) => p.includes("Benchmarks by round"));
        if (i > tableStarts) expect(lines[1], `${path}, page ${i + 1}`).toMatch(/^Benchmark\b/);
      });
    }
  }, 120_000);

  it("refuses unknown parameters with a 400 naming them", async () => {
    const { GET } = await import("./scorecard.pdf/route");
    const response = await GET(new Request("http://localhost/exports/scorecard.pdf?round=no-such-round&size=a3"));
    expect(response.status).toBe(400);
    const message = await response.text();
    expect(message).toContain("no-such-round");
    expect(message).toContain("size");
  });
});
