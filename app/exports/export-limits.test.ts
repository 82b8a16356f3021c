// Views too big for a PDF or an Excel file are refused at once with a message that says what to do
// instead; the same round narrowed to one category renders.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/pdf-limit-test-${process.pid}-${Date.now()}.db`;
});

let lastRound: string;
let category: { slug: string; n: number };

beforeAll(async () => {
  const { openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { generateScaleData } = await import("@/db/seed/scale");
  const db = openDatabase(process.env.DATABASE_PATH!);
  await migrateDatabase(db);
  await generateScaleData(db, { benchmarks: 1600, rounds: 3, reviewers: 2, seed: 5 });
  const round = db.$client.prepare("SELECT slug, start_date AS d FROM rounds ORDER BY start_date DESC LIMIT 1").get() as { slug: string; d: string };
  lastRound = round.slug;
  // The smallest category of benchmarks that apply at that round: a few hundred.
  category = db.$client
    .prepare(
      `SELECT c.slug, COUNT(*) AS n FROM benchmarks b JOIN categories c ON c.id = b.category_id JOIN rounds f ON f.id = b.applies_from_round_id
        WHERE b.confidential = 0 AND f.start_date <= ? AND (b.retired_on IS NULL OR b.retired_on > ?) GROUP BY c.slug ORDER BY n LIMIT 1`,
    )
    .get(round.d, round.d) as { slug: string; n: number };
  db.$client.close();
}, 60_000);

async function get(path: string) {
  const { GET } = await import("./scorecard.pdf/route");
  return GET(new Request(`http://localhost${path}`));
}

describe("scorecard PDF size limit", () => {
  it("refuses a round of more benchmarks than a PDF lists with 422, and points to the filters and the CSV", async () => {
    // Refused from the count alone, before the view's data is read or anything drawn (the speed is the bench's to measure).
    const response = await get(`/exports/scorecard.pdf?round=${lastRound}`);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toMatch(/this view holds 1,[\d]{3} benchmarks, and a PDF lists at most 250/);
    expect(text).toContain("category");
    expect(text).toContain(`/exports/scores.csv?from=${lastRound}&to=${lastRound}`);
  });

  it("renders the same round narrowed to one category", async () => {
    expect(category.n).toBeGreaterThan(50);
    expect(category.n).toBeLessThanOrEqual(250);
    const response = await get(`/exports/scorecard.pdf?round=${lastRound}&category=${category.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  }, 30_000);
});

describe("Excel size limit", () => {
  async function xlsx(count: number) {
    const { xlsxExportRoute, XLSX_MAX_ROWS } = await import("@/server/exports/routes");
    const { iterateScoreRows } = await import("@/db/queries/exports");
    const { scoreColumns } = await import("@/lib/export/columns");
    expect(XLSX_MAX_ROWS).toBe(100_000);
    const GET = xlsxExportRoute({ kind: "scores", sheetName: "Scores", rows: iterateScoreRows, count: async () => count, columns: scoreColumns });
    return GET(new Request(`http://localhost/exports/scores.xlsx?from=${lastRound}&to=${lastRound}`));
  }

  it("refuses more than 100,000 rows with 422 and points to the CSV of the same view", async () => {
    const response = await xlsx(100_001);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain("this view holds 100,001 scores, and an Excel file here holds at most 100,000 rows");
    expect(text).toContain(`/exports/scores.csv?from=${lastRound}&to=${lastRound}`);
  });

  it("writes the workbook up to the limit", async () => {
    const response = await xlsx(100_000);
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  }, 30_000);

  it("counts the rows of a view as the export writes them", async () => {
    const { getExportContext, countScoreRows, iterateScoreRows } = await import("@/db/queries/exports");
    const { openReadConnection } = await import("@/db/client");
    const db = openReadConnection(process.env.DATABASE_PATH!);
    for (const filters of [{}, { from: lastRound, to: lastRound }, { category: category.slug }]) {
      const context = await getExportContext(db, filters);
      let rows = 0;
      for await (const _ of iterateScoreRows(db, context)) rows++;
      expect(await countScoreRows(db, context)).toBe(rows);
    }
    db.$client.close();
  });
});
