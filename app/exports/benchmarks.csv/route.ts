import { iterateBenchmarkRows } from "@/db/queries/exports";
import { benchmarkColumns } from "@/lib/export/columns";
import { csvExportRoute, BENCHMARKS_EXPORT } from "@/server/exports/routes";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export const GET = csvExportRoute({ ...BENCHMARKS_EXPORT, rows: iterateBenchmarkRows, columns: benchmarkColumns });
