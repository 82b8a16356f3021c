// The brief with more changes and people's cases than two pages hold: it stays at two pages, both
// directions are listed, and it says how many more there are and where (the full scorecard of the same
// view); a view of more benchmarks than a PDF lists is refused before rendering, as the full scorecard is.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/brief-limits-test-${process.pid}-${Date.now()}.db`;
});

const TMP = process.env.TMPDIR ?? "/tmp";
const CATEGORY = "release-of-detained-people";
let changed: { up: number; down: number };

beforeAll(async () => {
  const { openDatabase, getDb } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { generateScaleData } = await import("@/db/seed/scale");
  const setup = openDatabase(process.env.DATABASE_PATH!);
  await migrateDatabase(setup);
  await generateScaleData(setup, { benchmarks: 600, rounds: 3, reviewers: 2, seed: 5 });
  setup.$client.close();
  const sqlite = getDb().$client;
  // Every benchmark of the category scored at both of the last two rounds moves: up to met, or down to regressed.
  const moving = sqlite
    .prepare(
      `SELECT b.id FROM benchmarks b JOIN categories c ON c.id = b.category_id
        WHERE c.slug = ? AND b.confidential = 0
          AND EXISTS (SELECT 1 FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE ps.benchmark_id = b.id AND r.slug = 'round-2')
          AND EXISTS (SELECT 1 FROM published_scores ps JOIN rounds r ON r.id = ps.round_id WHERE ps.benchmark_id = b.id AND r.slug = 'round-3')`,
    )
    .pluck()
    .all(CATEGORY) as number[];
  const setStatus = sqlite.prepare("UPDATE published_scores SET status = ? WHERE benchmark_id = ? AND round_id = (SELECT id FROM rounds WHERE slug = ?)");
  moving.forEach((id, i) => {
    setStatus.run("not_met", id, "round-2");
    setStatus.run(i % 3 === 0 ? "regressed" : "met", id, "round-3");
  });
  changed = { up: moving.filter((_, i) => i % 3 !== 0).length, down: moving.filter((_, i) => i % 3 === 0).length };
  const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
  await refreshPublishedAggregates(getDb());
}, 120_000);

async function get(path: string): Promise<Response> {
  const { GET } = await import("./scorecard-brief.pdf/route");
  return GET(new Request(`http://localhost${path}`));
}

async function brief(path: string) {
  const response = await get(path);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = `${TMP}/brief-limits-${process.pid}.pdf`;
  writeFileSync(file, bytes);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  const parser = new PDFParse({ data: bytes });
  const result = await parser.getText({ parseHyperlinks: true });
  await parser.destroy();
  return { flat: result.text.replace(/\s+/g, " "), pages, bytes };
}

describe("a brief of more changes than two pages hold", () => {
  it("stays within two pages on A4 and on US Letter, lists changes up and down, and counts the rest", async () => {
    expect(changed.up + changed.down).toBeGreaterThan(60);
    // The dashboard's count of those moves (a benchmark outside round 2's track is compared with an earlier round).
    const { getScorecardPdfData } = await import("@/db/queries/scorecard-pdf");
    const { getDb } = await import("@/db/client");
    const data = await getScorecardPdfData(getDb(), { from: "round-3", to: "round-3", category: CATEGORY }, "http://localhost");
    if ("tooMany" in data) throw new Error("view too big");
    const counts = data.changes!.counts;
    expect(counts.up + counts.down).toBeGreaterThan(0.9 * (changed.up + changed.down));
    for (const size of ["", "&size=letter"]) {
      const { flat, pages, bytes } = await brief(`/exports/scorecard-brief.pdf?round=round-3&category=${CATEGORY}${size}`);
      if (!size) writeFileSync(`${TMP}/brief-many.pdf`, bytes);
      expect(pages, size).toBeLessThanOrEqual(2);
      expect(flat).toMatch(new RegExp(`Page 1 of ${pages}`));
      expect(flat).toContain(`${counts.up} up, ${counts.down} down between`);
      const listedUp = (flat.match(/▲ Up /g) ?? []).length;
      const listedDown = (flat.match(/▼ Down /g) ?? []).length;
      expect(listedUp, size).toBeGreaterThan(5);
      expect(listedDown, size).toBeGreaterThan(5);
      const more = counts.up + counts.down - listedUp - listedDown;
      expect(more).toBeGreaterThan(0);
      expect(flat).toContain(`${more} more changes (${counts.up - listedUp} up, ${counts.down - listedDown} down) are not listed here: the full scorecard of this view lists every one`);
      // …and where: the full scorecard of the same view, on the same paper, as a link.
      const full = `http://localhost:3000/exports/scorecard.pdf?category=${CATEGORY}&round=round-3${size}`;
      expect(flat).toContain(`(${full})`);
      expect(bytes.toString("latin1")).toContain(`/URI (${full})`);
      expect(flat).toMatch(/\d+ more cases? not listed here: see the full scorecard/);
      expect(flat).toContain("Method in three lines");
    }
  }, 120_000);

  it("in Chinese, counts what it leaves out in Chinese and links the Chinese full scorecard", async () => {
    const { flat, pages, bytes } = await brief(`/exports/scorecard-brief.pdf?round=round-3&category=${CATEGORY}&lang=zh`);
    expect(pages).toBeLessThanOrEqual(2);
    expect(flat.replace(/\s+/g, "")).toMatch(/另有\d+项变化（\d+项上升，\d+项下降）未在此列出/);
    expect(bytes.toString("latin1")).toContain(`/URI (http://localhost:3000/zh/exports/scorecard.pdf?category=${CATEGORY}&round=round-3)`);
    expect(flat).not.toContain("more changes");
  }, 60_000);

  it("is refused with 422 for a round of more benchmarks than a PDF lists, before rendering", async () => {
    const response = await get("/exports/scorecard-brief.pdf?round=round-3");
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/this view holds \d{3} benchmarks, and a PDF lists at most 250/);
  });
});
