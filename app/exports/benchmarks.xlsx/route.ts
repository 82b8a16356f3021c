import { countPublicBenchmarks } from "@/db/queries/benchmarks";
import { iterateBenchmarkRows } from "@/db/queries/exports";
import { benchmarkColumns } from "@/lib/export/columns";
import { xlsxExportRoute, BENCHMARKS_EXPORT } from "@/server/exports/routes";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export const GET = xlsxExportRoute({ ...BENCHMARKS_EXPORT, rows: iterateBenchmarkRows, count: (db, context) => countPublicBenchmarks(db, context.resolved), columns: benchmarkColumns });
