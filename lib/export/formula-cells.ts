// Spreadsheet formula injection (OWASP "CSV injection"): a spreadsheet opening a CSV runs a cell that
// begins with = + - @, a tab or a carriage return (some also the full-width ＝ ＋ － ＠) as a formula.
// csv-stringify's escape_formulas puts a single quote before such a text cell (never before a number,
// so a negative figure stays a number); this file keeps that reversible, so a re-import reads the text.

/** A cell the CSV writer neutralised: quotes, then what a spreadsheet would run (the import reads CR as LF). */
const NEUTRALISED = /^'+[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text that already looks like a neutralised cell gets one more quote, so the import can take exactly one off. */
export function quoteLikeNeutralised(text: string): string {
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

/** The text of a CSV cell as the export was given it: the one quote the export added is taken off. */
export function restoreNeutralisedCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
