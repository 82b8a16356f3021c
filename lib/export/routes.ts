import "server-only";
import type { Db } from "@/db/client";
import type { ExportContext } from "@/db/queries/exports";
import type { ExportColumn } from "./columns";
import { DEMO_NOTE, DENOMINATOR_NOTE, describeFilters, exportFileName } from "./describe";
import { setUpExport, streamResponse } from "./http";
import { csvStream, xlsxStream } from "./streams";

interface DataExport<T> {
  kind: string;
  sheetName: string;
  rows: (context: ExportContext, db: Db) => Iterable<T>;
  columns: ExportColumn<T>[];
}

/** The GET handler of a CSV export: filters from the URL, rows streamed, the connection closed at the end. */
export function csvExportRoute<T>(spec: DataExport<T>) {
  return (request: Request): Response => {
    const setup = setUpExport(request);
    if ("error" in setup) return setup.error;
    const { filters, context, db } = setup;
    const stream = csvStream(spec.rows(context, db), spec.columns, () => db.$client.close());
    return streamResponse(stream, "text/csv; charset=utf-8", exportFileName(spec.kind, filters, context.dataVersion, "csv"), context.dataVersion);
  };
}

/** The GET handler of an XLSX export, with an About sheet naming version, filters and denominators. */
export function xlsxExportRoute<T>(spec: DataExport<T>) {
  return (request: Request): Response => {
    const setup = setUpExport(request);
    if ("error" in setup) return setup.error;
    const { filters, context, db } = setup;
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
    const stream = xlsxStream(spec.rows(context, db), spec.columns, spec.sheetName, about, () => db.$client.close());
    return streamResponse(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exportFileName(spec.kind, filters, context.dataVersion, "xlsx"), context.dataVersion);
  };
}

export const SCORES_EXPORT = { kind: "scores", sheetName: "Scores" } as const;
export const BENCHMARKS_EXPORT = { kind: "benchmarks", sheetName: "Benchmarks" } as const;
