import "server-only";
import { getDb, type Db } from "../client";
import { importCsv, type Importer, type ImportResult } from "../import/import-csv";

export type { ImportResult, ImportSummary } from "../import/import-csv";

/** Imports a benchmarks or scores CSV as the given editor: all of it in one transaction, or nothing. */
export function importCsvFile(text: string, importer: Importer, fileName: string, db: Db = getDb()): ImportResult {
  return importCsv(db, text, importer, fileName);
}
