// The PDF read back as text: headline figures and benchmark titles match the database, Chinese
// survives, a confidential benchmark is absent, and every page is numbered.
import { writeFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/pdf-test-${process.pid}-${Date.now()}.db`;
});

let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  prepareDatabase(process.env.DATABASE_PATH!);
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
});

async function pdfText(path: string): Promise<{ text: string; pages: number; bytes: Buffer }> {
  const { GET } = await import("./scorecard.pdf/route");
  const response = await GET(new Request(`http://localhost${path}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  const parser = new PDFParse({ data: bytes });
  const result = await parser.getText();
  await parser.destroy();
  return { text: result.text, pages: result.total, bytes };
}

describe("scorecard PDF", () => {
  it("states the round, data version, headline figures and every benchmark that applies", async () => {
    const { text, pages, bytes } = await pdfText("/exports/scorecard.pdf?round=upr-china-2018");
    writeFileSync(`${process.env.TMPDIR ?? "/tmp"}/scorecard-test.pdf`, bytes);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("China's Universal Periodic Review, 2018");
    const version = (sqlite.prepare("SELECT published_at AS v FROM rounds WHERE slug = 'upr-china-2018'").get() as { v: string }).v;
    expect(flat).toContain(`Data version: published ${version.slice(0, 16).replace("T", " ")} UTC`);
    const tally = sqlite
      .prepare(
        `SELECT SUM(ps.status = 'met') AS met, SUM(ps.status = 'partial') AS partial, SUM(ps.status IN ('met','partial','not_met','regressed')) AS judged
           FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
          WHERE r.slug = 'upr-china-2018' AND b.confidential = 0`,
      )
      .get() as { met: number; partial: number; judged: number };
    const index = ((100 * (tally.met + 0.5 * tally.partial)) / tally.judged).toFixed(1);
    expect(flat).toMatch(new RegExp(`Fulfilment index ${index.replace(".", "\\.")}`));
    expect(flat).toContain(`Index over ${tally.judged} judged`);
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
    expect(flat).toContain("Filters: from = uschrd-2015-washington; to = upr-china-2018; category = legal-reform");
    expect(flat).toContain("Abolish re-education through labour");
    expect(flat).not.toContain("Release Gui Minhai");
  }, 60_000);

  it("refuses unknown parameters with a 400 naming them", async () => {
    const { GET } = await import("./scorecard.pdf/route");
    const response = await GET(new Request("http://localhost/exports/scorecard.pdf?round=no-such-round&size=a3"));
    expect(response.status).toBe(400);
    const message = await response.text();
    expect(message).toContain("no-such-round");
    expect(message).toContain("size");
  });
});
