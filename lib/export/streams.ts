// Streamed CSV and XLSX writers: rows are pulled from a generator (sync or async) as the client
// reads, so a large export never sits in memory whole.
import { PassThrough, Readable } from "node:stream";
import { once } from "node:events";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { ExportColumn } from "./columns";
import { rowValues } from "./columns";
import { quoteLikeNeutralised } from "./formula-cells";

/**
 * UTF-8 with a byte-order mark, so Excel opens Chinese names correctly. A text cell a spreadsheet
 * would run as a formula gets a single quote before it (./formula-cells.ts); numbers stay numbers.
 */
export function csvStream<T>(rows: Iterable<T> | AsyncIterable<T>, columns: ExportColumn<T>[], onDone: () => void): Readable {
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    escape_formulas: true,
    cast: { string: quoteLikeNeutralised },
  });
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? ""]));
    })(),
  );
  source.on("error", (error) => stringifier.destroy(error));
  stringifier.on("close", onDone);
  return source.pipe(stringifier);
}

export interface AboutSheet {
  title: string;
  lines: Array<[string, string]>;
}

/** A workbook with the data on the first sheet and what it is (version, filters, denominators) on the second. */
export function xlsxStream<T>(rows: Iterable<T> | AsyncIterable<T>, columns: ExportColumn<T>[], sheetName: string, about: AboutSheet, onDone: () => void): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  void (async () => {
    try {
      const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 20 }));
      sheet.getRow(1).font = { bold: true };
      let n = 0;
      for await (const row of rows) {
        sheet.addRow(rowValues(columns, row)).commit();
        // Let the client catch up every few thousand rows instead of buffering the whole sheet.
        if (++n % 2000 === 0 && output.writableNeedDrain) await once(output, "drain");
      }
      sheet.commit();
      const info = workbook.addWorksheet("About");
      info.columns = [{ width: 28 }, { width: 100 }];
      info.addRow([about.title]).font = { bold: true, size: 14 };
      for (const line of about.lines) info.addRow(line).commit();
      info.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    } finally {
      onDone();
    }
  })();
  return output;
}
