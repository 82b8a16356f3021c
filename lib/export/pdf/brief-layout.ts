// What the two-page brief lists, and how much of it fits. The brief is drawn from the full scorecard's
// data (scorecard-types.ts); its lists are cut to an estimate of the room on two pages, and the route
// draws it again with shorter lists should the estimate have been short (server/exports/scorecard-pdf.tsx).
import type { Status } from "@/lib/domain";
import { describeFiltersInWords } from "../describe";
import { ENGLISH_WORDS, type ExportWords } from "../words";
import type { PdfChange, ScorecardPdfData } from "./scorecard-types";

export const BRIEF_MAX_PAGES = 2;

/** How many changes and how many people's cases the brief lists. */
export interface BriefLimits {
  changes: number;
  cases: number;
}

/** One named person's case: a benchmark that names them, its status at the latest round and its move since the previous one. */
export interface PersonCase {
  benchmarkId: number;
  /** In both scripts where there is a Chinese name: "Liu Xia 刘霞". */
  person: string;
  demand: string;
  /** At the latest round in view; null: it applies there but has no published score. */
  status: Status | null;
  change: Pick<PdfChange, "direction" | "from"> | null;
}

/** The cases of every person the view's benchmarks name (confidential people are already left out), by name, then demand. */
export function listPersonCases(data: ScorecardPdfData, words: ExportWords = ENGLISH_WORDS): PersonCase[] {
  const changeOf = new Map(data.changes?.items.map((c) => [c.benchmarkId, c]) ?? []);
  const cases: PersonCase[] = [];
  for (const group of data.groups) {
    for (const { benchmark, cells } of group.rows) {
      const status = cells.at(-1)?.status;
      // A benchmark that does not apply at the latest round is history, not a case of this round.
      if (status === undefined || status === "n/a") continue;
      const change = changeOf.get(benchmark.id);
      for (const person of data.details.get(benchmark.id)?.people ?? []) {
        if (person.kind !== "person") continue;
        cases.push({ benchmarkId: benchmark.id, person: words.person(person), demand: benchmark.title, status, change: change ? { direction: change.direction, from: change.from } : null });
      }
    }
  }
  const collation = words.lang === "zh" ? "zh-Hans-u-co-pinyin" : "en";
  return cases.sort((a, b) => a.person.localeCompare(b.person, collation) || a.demand.localeCompare(b.demand, collation));
}

/**
 * The first `n` changes, up and down in turn so that a cut list still shows both directions, then
 * listed up first and down after, each in the order given (by title).
 */
export function selectChanges(items: readonly PdfChange[], n: number): PdfChange[] {
  const up = items.filter((c) => c.direction === "up");
  const down = items.filter((c) => c.direction === "down");
  let takeUp = Math.min(up.length, Math.ceil(n / 2));
  const takeDown = Math.min(down.length, n - takeUp);
  takeUp = Math.min(up.length, n - takeDown);
  return [...up.slice(0, takeUp), ...down.slice(0, takeDown)];
}

// Room on a page (points), inside the brief's margins, and the widths its texts are set in.
const PAGE = { A4: { width: 595, height: 842 }, LETTER: { width: 612, height: 792 } } as const;
export const BRIEF_MARGINS = { top: 36, bottom: 48, side: 36 } as const;
/** Noto Sans SC sets a line at about 1.45 em without a lineHeight; the brief gives every text one. */
export const BRIEF_LINE_HEIGHT = 1.3;
export const BRIEF_FONT = { body: 8.5, small: 7, table: 7.5 } as const;
/** Column widths of the changes list and the cases table, as fractions of the text width. */
export const CHANGE_COLUMNS = { arrow: 42, statuses: 104 } as const;
export const CASE_COLUMNS = { person: 0.27, demand: 0.45 } as const;
/** Kept free on the second page: a row that does not fit at the foot of the first moves on whole. */
const SLACK = 60;

/** About how many lines a text takes in a column: Latin letters average ~0.55 em in Noto Sans, CJK characters 1 em. */
export function estimateLines(text: string, widthPt: number, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(ch) ? 1 : 0.56;
  return Math.max(1, Math.ceil((em * fontSize) / widthPt));
}

const lineHeight = (fontSize: number) => fontSize * BRIEF_LINE_HEIGHT;

function changeHeight(change: PdfChange, textWidth: number): number {
  const width = textWidth - CHANGE_COLUMNS.arrow - CHANGE_COLUMNS.statuses;
  const title = estimateLines(change.title + (change.sinceRoundName ? ` (since ${change.sinceRoundName})` : ""), width, BRIEF_FONT.body) * lineHeight(BRIEF_FONT.body);
  const rationale = change.rationale ? estimateLines(change.rationale, width, BRIEF_FONT.small) * lineHeight(BRIEF_FONT.small) : 0;
  return title + rationale + 5;
}

function caseHeight(row: PersonCase, textWidth: number): number {
  const lines = Math.max(estimateLines(row.person, textWidth * CASE_COLUMNS.person - 4, BRIEF_FONT.table), estimateLines(row.demand, textWidth * CASE_COLUMNS.demand - 4, BRIEF_FONT.table));
  return lines * lineHeight(BRIEF_FONT.table) + 4;
}

/** Everything but the two lists: title block, notices, headline figures, the lists' headings and notes, the method. */
function fixedHeight(data: ScorecardPdfData, textWidth: number, filtersInWords: string): number {
  const meta = (text: string) => estimateLines(text, textWidth, 8) * lineHeight(8) + 2;
  const latest = data.series.at(-1);
  const heading = 11 * 1.3 + 16;
  let height = 18 * 1.2 + 4 + 11 * 1.3; // title and subtitle
  height += meta("Track: x") + meta("Data version: published 2026-01-01 00:00 UTC, the latest publication") + meta(`Filters: ${filtersInWords}`) + 2 * meta("x");
  if (data.hasDemo) height += 2 * lineHeight(8) + 20;
  if (latest?.preliminary) height += 3 * lineHeight(8) + 20;
  height += heading + 52; // headline figures
  height += heading + 3 * lineHeight(BRIEF_FONT.small); // what changed: its count and what is not listed
  height += heading + lineHeight(BRIEF_FONT.table) + 6 + 3 * lineHeight(BRIEF_FONT.small); // the cases: header, notes
  height += heading + 6 * lineHeight(BRIEF_FONT.small) + 4; // the method in three lines (two each at most)
  return height;
}

/**
 * How many changes and cases fit on two pages, by an estimate of each row's lines. When not all fit,
 * the cases keep up to a third of the room (the changes are what a brief is read for) and the changes
 * take the rest; room the changes leave goes back to the cases.
 */
export function initialBriefLimits(data: ScorecardPdfData, size: keyof typeof PAGE, words: ExportWords = ENGLISH_WORDS): BriefLimits {
  const filtersInWords = describeFiltersInWords(data.filters, data.filterNames, words);
  const page = PAGE[size];
  const textWidth = page.width - 2 * BRIEF_MARGINS.side;
  const room = BRIEF_MAX_PAGES * (page.height - BRIEF_MARGINS.top - BRIEF_MARGINS.bottom) - SLACK - fixedHeight(data, textWidth, filtersInWords);
  const changes = selectChanges(data.changes?.items ?? [], Number.MAX_SAFE_INTEGER);
  // In the order selectChanges takes them, so that a prefix of this list is what a cut list shows.
  const byTurn = interleave(changes.filter((c) => c.direction === "up"), changes.filter((c) => c.direction === "down"));
  const changeHeights = byTurn.map((c) => changeHeight(c, textWidth));
  const caseHeights = listPersonCases(data, words).map((c) => caseHeight(c, textWidth));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(changeHeights) + sum(caseHeights) <= room) return { changes: changeHeights.length, cases: caseHeights.length };
  const reserved = Math.min(sum(caseHeights), room / 3);
  const changeCount = fitting(changeHeights, room - reserved);
  const caseCount = fitting(caseHeights, room - sum(changeHeights.slice(0, changeCount)));
  return { changes: changeCount, cases: caseCount };
}

/** A quarter shorter lists, or null when both are empty already. */
export function shrinkBriefLimits(limits: BriefLimits): BriefLimits | null {
  if (limits.changes === 0 && limits.cases === 0) return null;
  return { changes: Math.floor(limits.changes * 0.75), cases: Math.floor(limits.cases * 0.75) };
}

function fitting(heights: number[], room: number): number {
  let used = 0;
  let n = 0;
  for (const h of heights) {
    if (used + h > room) break;
    used += h;
    n += 1;
  }
  return n;
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}
