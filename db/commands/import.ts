import "server-only";
import { importCsv, type Importer, type ImportResult } from "../import/import-csv";
import type { Executor } from "../transaction";

export type { ImportResult, ImportSummary } from "../import/import-csv";

/** Imports a benchmarks or scores CSV as the given editor: all of it in one transaction, or nothing. */
export async function importCsvFile(db: Executor, text: string, importer: Importer, fileName: string): Promise<ImportResult> {
  return await importCsv(db, text, importer, fileName);
}
