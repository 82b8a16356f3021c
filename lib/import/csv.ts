// Reads an import file: CSV in the shape the app's own score or benchmark export writes, header on
// line 1. Every row is validated; every problem comes back with the line the row starts on.
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { BENCHMARK_COLUMNS, SCORE_COLUMNS } from "@/lib/export/columns";
import { restoreNeutralisedCell } from "@/lib/export/formula-cells";
import { benchmarkRowSchema, scoreRowSchema, type BenchmarkImportRow, type ScoreImportRow } from "@/lib/validation/import";

export type ImportKind = "scores" | "benchmarks";

export interface ImportProblem {
  /** The line of the file the row starts on; the header is line 1. */
  line: number;
  message: string;
}

export type ReadImport =
  | { ok: true; kind: "scores"; rows: Array<{ line: number; row: ScoreImportRow }>; problems: ImportProblem[] }
  | { ok: true; kind: "benchmarks"; rows: Array<{ line: number; row: BenchmarkImportRow }>; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

const COLUMNS: Record<ImportKind, Array<{ key: string; header: string }>> = { scores: SCORE_COLUMNS, benchmarks: BENCHMARK_COLUMNS };
const REQUIRED: Record<ImportKind, string[]> = {
  scores: ["round_id", "benchmark_id", "rationale"],
  benchmarks: ["benchmark", "benchmark_id", "category", "addressee", "applies_from"],
};

/** Which export a header comes from, and the column key of each header cell. */
function readHeader(header: string[]): { kind: ImportKind; keys: string[] } | { problems: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const keyFor = (kind: ImportKind, name: string) => COLUMNS[kind].find((c) => c.header.toLowerCase() === name || c.key === name)?.key;
  const kind: ImportKind | undefined = names.some((n) => keyFor("scores", n) === "round_id")
    ? "scores"
    : names.some((n) => keyFor("benchmarks", n) === "applies_from")
      ? "benchmarks"
      : undefined;
  if (!kind) return { problems: ["The header is neither that of a scores CSV (it has “Round ID”) nor that of a benchmarks CSV (it has “Applies from”)."] };
  const problems: string[] = [];
  const keys = names.map((name, i) => {
    const key = keyFor(kind, name);
    if (!key) problems.push(`Column ${i + 1} (“${header[i]!.trim()}”) is not a column of the ${kind} CSV export.`);
    return key ?? "";
  });
  for (const [i, key] of keys.entries()) if (key && keys.indexOf(key) !== i) problems.push(`The column “${header[i]!.trim()}” appears twice.`);
  const missing = REQUIRED[kind].filter((k) => !keys.includes(k)).map((k) => `“${COLUMNS[kind].find((c) => c.key === k)!.header}”`);
  if (missing.length) problems.push(`A ${kind} CSV needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`);
  if (kind === "scores" && !keys.includes("status_code") && !keys.includes("status")) problems.push("A scores CSV needs the column “Status code” (or “Status”).");
  return problems.length ? { problems } : { kind, keys };
}

function describeIssues(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.message))].join(" ");
}

export function readImportCsv(text: string): ReadImport {
  // One kind of line end, so each line break inside a quoted cell is one line of the file.
  const normalised = text.replace(/\r\n?/g, "\n");
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(normalised, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines ?? 1);
      return { ok: false, problems: [{ line, message: `This is not valid CSV here: ${error.message.replace(/ at line \d+/, "")}` }] };
    }
    throw error;
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return { ok: false, problems: [{ line: 1, message: "The file is empty." }] };
  const header = readHeader(headerRecord.record);
  if ("problems" in header) return { ok: false, problems: header.problems.map((message) => ({ line: 1, message })) };
  if (dataRecords.length === 0) return { ok: false, problems: [{ line: 2, message: "The file has a header but no rows." }] };

  const schema = header.kind === "scores" ? scoreRowSchema : benchmarkRowSchema;
  const problems: ImportProblem[] = [];
  const rows: Array<{ line: number; row: unknown }> = [];
  for (const { record, info } of dataRecords) {
    // csv-parse counts the line a record ends on; a row starts as many lines earlier as its cells hold line breaks.
    const line = info.lines - record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== header.keys.length) {
      problems.push({ line, message: `The row has ${record.length} cells; the header has ${header.keys.length}.` });
      continue;
    }
    // The export put a quote before text a spreadsheet would run as a formula: the text is what counts.
    const cells = Object.fromEntries(header.keys.map((key, i) => [key, restoreNeutralisedCell(record[i]!)]));
    const parsed = schema.safeParse(cells);
    if (parsed.success) rows.push({ line, row: parsed.data });
    else problems.push({ line, message: describeIssues(parsed.error) });
  }
  return { ok: true, kind: header.kind, rows, problems } as ReadImport;
}
