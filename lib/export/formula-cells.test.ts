import { text as readStream } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./columns";
import { restoreNeutralisedCell } from "./formula-cells";
import { csvStream } from "./streams";

interface Row {
  change: number;
  note: string;
}

const COLUMNS: ExportColumn<Row>[] = [
  { key: "change", header: "Change", value: (r) => r.change },
  { key: "note", header: "Note", value: (r) => r.note },
];

/** The data cells of a CSV as the import reads them: line ends as LF, the export's quote taken off. */
async function roundTrip(rows: Row[]): Promise<{ raw: string[][]; restored: string[][] }> {
  const csv = (await readStream(csvStream(rows, COLUMNS, () => {}))).replace(/\r\n?/g, "\n");
  const raw = (parse(csv, { bom: true }) as string[][]).slice(1);
  return { raw, restored: raw.map((row) => row.map(restoreNeutralisedCell)) };
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe("CSV cells a spreadsheet would run as formulas", () => {
  it("a negative number stays a number; the same characters as text get a quote", async () => {
    const { raw, restored } = await roundTrip([{ change: -2.5, note: "-2.5" }]);
    expect(raw).toEqual([["-2.5", "'-2.5"]]);
    expect(restored).toEqual([["-2.5", "-2.5"]]);
  });

  it("quotes each of = + - @ tab CR and their full-width forms, and text that begins with a quote before one", async () => {
    const notes = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠1", "'=1", "''+1"];
    const { raw } = await roundTrip(notes.map((note) => ({ change: 0, note })));
    expect(raw.map((r) => r[1])).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\n=1", "'＝1", "'＋1", "'－1", "'＠1", "''=1", "'''+1"]);
  });

  it("leaves other text alone, a quote at its start included", async () => {
    const notes = ["Released on bail", "'quoted", "1 = 1", "a-b", "刘霞", ""];
    const { raw } = await roundTrip(notes.map((note) => ({ change: 1, note })));
    expect(raw.map((r) => r[1])).toEqual(notes);
  });

  it("for any text: no cell begins as a formula, and the import reads the text back", async () => {
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "'", " ", "＝", "＋", "－", "＠", "a", "1", ",", '"');
    const note = fc.oneof(fc.string(), fc.array(risky, { maxLength: 8 }).map((chars) => chars.join("")), fc.tuple(fc.array(risky, { maxLength: 4 }), fc.string()).map(([start, rest]) => start.join("") + rest));
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 1, maxLength: 5 }), fc.integer({ min: -1000, max: 1000 }), async (notes, change) => {
        const { raw, restored } = await roundTrip(notes.map((n) => ({ change, note: n })));
        expect(raw.filter(([, cell]) => FORMULA_START.test(cell!))).toEqual([]);
        expect(restored).toEqual(notes.map((n) => [String(change), n.replace(/\r\n?/g, "\n")]));
      }),
      { numRuns: 300 },
    );
  });
});
