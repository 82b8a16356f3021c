// The full scorecard's table cut into pages by us, not by react-pdf: its pagination lays out all the
// remaining content again at every page split (twice with a page-number footer), which made a
// 200-benchmark scorecard take ~6 s. Each estimated page becomes a <Page> of its own; rows stay whole,
// a category heading never ends a page, and the last page is not left with a few rows.
import type { ExportWords } from "../words";
import { estimateLines } from "./brief-layout";
import type { PdfBenchmarkDetail, ScorecardPdfData } from "./scorecard-types";

const PAGE = { A4: { width: 595, height: 842 }, LETTER: { width: 612, height: 792 } } as const;
export const SCORECARD_MARGINS = { top: 36, bottom: 48, side: 36 } as const;
/** Lines set without a lineHeight take about 1.45 em in Noto Sans SC; those with one, 1.3 em. */
const NATURAL_LINE = 1.45;
const SET_LINE = 1.3;
/** Room kept free on every page against a short estimate: react-pdf then has no need to split a page. */
const PAGE_SLACK = 40;
/** The table's header at the top of each page. */
const HEADER_HEIGHT = 8.5 * NATURAL_LINE + 5;
/** A category heading (marginTop 6, 8 pt). */
const GROUP_HEIGHT = 6 + 8 * NATURAL_LINE;
/** The last page holds at least this share of a page, or rows move on to it from the page before. */
const MIN_LAST_PAGE_SHARE = 0.25;
/** The table's heading and legend, drawn above the rows of its first page. */
export const LEGEND_HEIGHT = 150;

/** One line of the table: a category heading or a benchmark's row (indices into data.groups). */
export type TableItem = { kind: "group"; group: number } | { kind: "row"; group: number; row: number };

export interface TablePage {
  items: TableItem[];
  /** Estimated height of its items, in points (the header not counted). */
  height: number;
}

function truncatedLength(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** About how tall a benchmark's row is: its title in the 40 % column (or its status cells), then its details at full width. */
export function estimateRowHeight(title: string, detail: PdfBenchmarkDetail | undefined, textWidth: number): number {
  const titleLines = estimateLines(title, textWidth * 0.4 - 4, 8.5 * 1.08); // bold runs wider
  let height = Math.max(titleLines * 8.5 * NATURAL_LINE, 7 * NATURAL_LINE + 2) + 4.5;
  if (!detail) return height;
  const width = textWidth - 12;
  const small = (text: string) => estimateLines(text, width, 7) * 7 * SET_LINE + 1;
  if (detail.rationale) height += small(truncatedLength(detail.rationale, 200) + " (public record, unverified)");
  if (detail.evidence.length) height += small("Evidence at XXXX-XX: " + detail.evidence.map((e) => truncatedLength(e.title, 110) + " (2026-01-01)").join("; "));
  if (detail.people.length) height += small("People: " + detail.people.map((p) => `${p.name} ${p.nameZh ?? ""}`).join(", "));
  if (detail.sources.length) height += small("Sources: " + detail.sources.map((s) => truncatedLength(s.title, 110) + " (1 January 2026)").join(", "));
  return height;
}

/**
 * The table's rows grouped into pages of whole rows. `words` is unused in the estimate but kept so
 * that a language with wider labels can be told apart later; the estimate already counts CJK
 * characters at 1 em (estimateLines).
 */
export function paginateScorecardTable(data: ScorecardPdfData, size: keyof typeof PAGE, _words?: ExportWords): TablePage[] {
  const page = PAGE[size];
  const textWidth = page.width - 2 * SCORECARD_MARGINS.side;
  const room = page.height - SCORECARD_MARGINS.top - SCORECARD_MARGINS.bottom - PAGE_SLACK - HEADER_HEIGHT;
  // Units that must not be parted: a category heading with its first row, any other row on its own.
  const units: Array<{ items: TableItem[]; height: number }> = [];
  data.groups.forEach((group, g) => {
    group.rows.forEach(({ benchmark }, r) => {
      const row = { kind: "row", group: g, row: r } as const;
      const height = estimateRowHeight(benchmark.title, data.details.get(benchmark.id), textWidth);
      units.push(r === 0 ? { items: [{ kind: "group", group: g }, row], height: GROUP_HEIGHT + height } : { items: [row], height });
    });
    if (group.rows.length === 0) units.push({ items: [{ kind: "group", group: g }], height: GROUP_HEIGHT });
  });
  const pages: Array<{ units: typeof units; height: number }> = [];
  let current: (typeof pages)[number] = { units: [], height: LEGEND_HEIGHT };
  for (const unit of units) {
    // A unit taller than a page (a very long row) gets a page of its own; react-pdf splits that one.
    if ((current.units.length > 0 || current.height > 0) && current.height + unit.height > room) {
      pages.push(current);
      current = { units: [], height: 0 };
    }
    current.units.push(unit);
    current.height += unit.height;
  }
  if (current.units.length) pages.push(current);
  // No near-empty last page: move whole units on from the page before while both stay above the share.
  if (pages.length >= 2) {
    const last = pages.at(-1)!;
    const before = pages.at(-2)!;
    const least = room * MIN_LAST_PAGE_SHARE;
    while (last.height < least && before.units.length > 1) {
      const moved = before.units.at(-1)!;
      if (before.height - moved.height < least || last.height + moved.height > room) break;
      before.units.pop();
      before.height -= moved.height;
      last.units.unshift(moved);
      last.height += moved.height;
    }
  }
  return pages.map((p) => ({ items: p.units.flatMap((u) => u.items), height: p.height }));
}
