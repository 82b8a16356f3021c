// The full scorecard's own pagination: whole rows, the header on every page, no near-empty last
// page, "page N of M" true to the pages as read back, and a row longer than a page not lost.
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { exportWords } from "../words";
import { registerPdfFonts } from "./fonts";
import { ScorecardDocument } from "./scorecard-document";
import { paginateScorecardTable } from "./scorecard-layout";
import type { HeatMapGroup } from "@/lib/dashboard";
import type { ScorecardPdfData } from "./scorecard-types";

type RowBenchmark = HeatMapGroup["rows"][number]["benchmark"];

function data(benchmarks: number, { longRow = false, zh = false } = {}): ScorecardPdfData {
  const groups = [0, 1, 2].map((g) => ({
    categorySlug: `c${g}`,
    categoryName: `Category ${g}`,
    categoryNameZh: null,
    rows: Array.from({ length: Math.ceil(benchmarks / 3) }, (_, i) => {
      const id = g * 1000 + i;
      const title = zh ? `第${id}号基准：释放被任意拘留的人权捍卫者并保障其获得律师帮助的权利和家属探视的权利` : `Benchmark ${id}: release the detained defenders and let their lawyers see them`;
      return { benchmark: { id, slug: `b${id}`, title } as RowBenchmark, cells: [{ roundId: 1, status: "met" as const }] };
    }),
  }));
  const details = new Map(
    groups.flatMap((g) =>
      g.rows.map(({ benchmark }, i) => [
        benchmark.id,
        {
          rationale: longRow && g.categorySlug === "c1" && i === 2 ? "A very long rationale line. ".repeat(400) : "The government reported steps; the detained were not all released.",
          publicRecord: false,
          evidence: [],
          sources: [{ title: "Recommendation of a state", date: "2018-11-06", datePrecision: "day" as const }],
          people: [],
        },
      ]),
    ),
  );
  return {
    filters: {},
    filterNames: {} as never,
    dataVersion: "2026-01-01T00:00:00.000Z",
    release: null,
    hasDemo: false,
    series: [],
    previous: null,
    minCoverage: 0.5,
    tableRounds: [{ id: 1, label: "UPR 2018" }],
    groups,
    details,
    changes: null,
  };
}

async function read(d: ScorecardPdfData, lang: "en" | "zh" = "en") {
  registerPdfFonts();
  const bytes = await renderToBuffer(createElement(ScorecardDocument, { data: d, size: "A4", words: exportWords(lang) }) as Parameters<typeof renderToBuffer>[0]);
  const parser = new PDFParse({ data: bytes });
  const result = await parser.getText();
  await parser.destroy();
  return { pages: result.total, pageTexts: result.pages.map((p) => p.text.replace(/\s+/g, " ")) };
}

describe("paginateScorecardTable", () => {
  it("puts every row on exactly one page, a category heading never last on a page, the last page not near-empty", () => {
    for (const n of [4, 30, 61, 200, 230]) {
      const d = data(n);
      const pages = paginateScorecardTable(d, "A4");
      const rows = pages.flatMap((p) => p.items.filter((i) => i.kind === "row").map((i) => `${i.group}/${(i as { row: number }).row}`));
      expect(rows).toEqual(d.groups.flatMap((g, gi) => g.rows.map((_, ri) => `${gi}/${ri}`)));
      for (const p of pages) expect(p.items.at(-1)?.kind).toBe("row");
      if (pages.length >= 2) expect(pages.at(-1)!.height).toBeGreaterThan(pages.at(-2)!.height * 0.2);
    }
  });
});

describe("the full scorecard, paginated", () => {
  it("repeats the header on every table page and numbers pages as many as there are", async () => {
    const d = data(120);
    const { pages, pageTexts } = await read(d);
    expect(pages).toBe(1 + paginateScorecardTable(d, "A4").length);
    pageTexts.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages}`);
      if (i > 0) expect(text).toContain("UPR 2018");
      if (i > 0) expect(text.split("Benchmark ").length - 1).toBeGreaterThanOrEqual(3);
    });
    // Every benchmark shows, once.
    const all = pageTexts.join(" ");
    for (const g of d.groups) for (const { benchmark } of g.rows) expect(all.split(`Benchmark ${benchmark.id}:`).length - 1).toBe(1);
  }, 60_000);

  it("does not lose a row longer than a page", async () => {
    const { pageTexts } = await read(data(30, { longRow: true }));
    expect(pageTexts.join(" ")).toContain("Benchmark 1002:");
    expect(pageTexts.join(" ")).toContain("Benchmark 1003:");
  }, 60_000);

  it("keeps long Chinese titles whole across its pages", async () => {
    const d = data(60, { zh: true });
    const { pages, pageTexts } = await read(d, "zh");
    expect(pages).toBe(1 + paginateScorecardTable(d, "A4").length);
    pageTexts.forEach((text, i) => expect(text.replace(/\s+/g, "")).toContain(`第${i + 1}页，共${pages}页`));
    const all = pageTexts.join("").replace(/\s+/g, "");
    for (const g of d.groups) for (const { benchmark } of g.rows) expect(all).toContain(`第${benchmark.id}号基准`);
  }, 60_000);
});
