import { iterateBenchmarkRows } from "@/db/queries/exports";
import { BENCHMARK_COLUMNS } from "@/lib/export/columns";
import { exportFileName } from "@/lib/export/describe";
import { setUpExport, streamResponse } from "@/lib/export/http";
import { csvStream } from "@/lib/export/streams";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const setup = setUpExport(request);
  if ("error" in setup) return setup.error;
  const { filters, context, db } = setup;
  const stream = csvStream(iterateBenchmarkRows(context, db), BENCHMARK_COLUMNS, () => db.$client.close());
  return streamResponse(stream, "text/csv; charset=utf-8", exportFileName("benchmarks", filters, context.dataVersion, "csv"), context.dataVersion);
}
