import { iterateScoreRows } from "@/db/queries/exports";
import { SCORE_COLUMNS } from "@/lib/export/columns";
import { DEMO_NOTE, DENOMINATOR_NOTE, describeFilters, exportFileName } from "@/lib/export/describe";
import { setUpExport, streamResponse } from "@/lib/export/http";
import { xlsxStream } from "@/lib/export/streams";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const setup = setUpExport(request);
  if ("error" in setup) return setup.error;
  const { filters, context, db } = setup;
  const about = {
    title: "Dialogue Scorecard: scores",
    lines: [
      ["Data version (published at)", context.dataVersion ?? "nothing published"],
      ["Filters", describeFilters(filters)],
      ["Denominators", DENOMINATOR_NOTE],
      ["Demo data", DEMO_NOTE],
      ["Exported at", new Date().toISOString()],
    ] as Array<[string, string]>,
  };
  const stream = xlsxStream(iterateScoreRows(context, db), SCORE_COLUMNS, "Scores", about, () => db.$client.close());
  return streamResponse(
    stream,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    exportFileName("scores", filters, context.dataVersion, "xlsx"),
    context.dataVersion,
  );
}
