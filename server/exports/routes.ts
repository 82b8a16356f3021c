import "server-only";
import type { ExportContext } from "@/db/queries/exports";
import type { Executor } from "@/db/transaction";
import type { ContentLang } from "@/lib/domain";
import type { ExportColumn } from "@/lib/export/columns";
import { DEMO_NOTE, DENOMINATOR_NOTE, describeFilters, exportFileName } from "@/lib/export/describe";
import { setUpExport, streamResponse } from "./http";
import { csvStream, xlsxStream } from "@/lib/export/streams";
import { formatCount } from "@/lib/pagination";
import { filtersToQuery } from "@/lib/validation/dashboard-filters";

interface DataExport<T> {
  kind: string;
  sheetName: string;
  /** The rows, pulled one batch at a time as the client reads (db/queries/exports.ts). */
  rows: (db: Executor, context: ExportContext) => AsyncIterable<T>;
  /** The columns in the language asked for (lib/export/columns.ts). */
  columns: (lang: ContentLang) => ExportColumn<T>[];
}

/**
 * An Excel file holds at most this many rows. exceljs 4.4's streaming writer keeps a worksheet in
 * memory until it is committed (exceljs issues #1894, #2916), so memory grows with the rows: one
 * round at scale (96,690 scores) peaks the server at ~330 MB, three rounds at ~570 MB. CSV streams
 * at constant memory and has no such limit.
 */
export const XLSX_MAX_ROWS = 100_000;

/** The GET handler of a CSV export: filters from the URL, rows streamed, the connection closed at the end. */
export function csvExportRoute<T>(spec: DataExport<T>) {
  return async (request: Request): Promise<Response> => {
    const setup = await setUpExport(request);
    if ("error" in setup) return setup.error;
    const { filters, context, db } = setup;
    const stream = csvStream(spec.rows(db, context), spec.columns(context.lang), () => db.$client.close());
    return streamResponse(stream, "text/csv; charset=utf-8", exportFileName(spec.kind, filters, context.dataVersion, "csv"), context.dataVersion);
  };
}

/**
 * The GET handler of an XLSX export, with an About sheet naming version, filters and denominators.
 * A view of more than XLSX_MAX_ROWS rows is refused at once with 422, pointing to the CSV.
 */
export function xlsxExportRoute<T>(spec: DataExport<T> & { count: (db: Executor, context: ExportContext) => Promise<number> }) {
  return async (request: Request): Promise<Response> => {
    const setup = await setUpExport(request);
    if ("error" in setup) return setup.error;
    const { filters, context, db } = setup;
    const rows = await spec.count(db, context);
    if (rows > XLSX_MAX_ROWS) {
      db.$client.close();
      const csv = `/exports/${spec.kind}.csv${filtersToQuery(filters)}`;
      return new Response(
        `Nothing was exported: this view holds ${formatCount(rows)} ${spec.kind}, and an Excel file here holds at most ${formatCount(XLSX_MAX_ROWS)} rows.\n` +
          `Download the same columns as CSV, which has no limit: ${csv}\nor narrow the view (a range of rounds with from= and to=, or a filter).\n`,
        { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } },
      );
    }
    const about = {
      title: `Dialogue Scorecard: ${spec.kind}`,
      lines: [
        ["Data version (published at)", context.dataVersion ?? "nothing published"],
        ["Filters", describeFilters(filters)],
        ["Denominators", DENOMINATOR_NOTE],
        ["Demo data", DEMO_NOTE],
        ["Exported at", new Date().toISOString()],
      ] as Array<[string, string]>,
    };
    const stream = xlsxStream(spec.rows(db, context), spec.columns(context.lang), spec.sheetName, about, () => db.$client.close());
    return streamResponse(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exportFileName(spec.kind, filters, context.dataVersion, "xlsx"), context.dataVersion);
  };
}

export const SCORES_EXPORT = { kind: "scores", sheetName: "Scores" } as const;
export const BENCHMARKS_EXPORT = { kind: "benchmarks", sheetName: "Benchmarks" } as const;
