import { renderToStream } from "@react-pdf/renderer";
import { Readable } from "node:stream";
import { exportFileName } from "@/lib/export/describe";
import { registerPdfFonts } from "@/lib/export/pdf/fonts";
import { ScorecardDocument } from "@/lib/export/pdf/scorecard-document";
import { getScorecardPdfData, PDF_MAX_BENCHMARKS } from "@/db/queries/scorecard-pdf";
import { getDb } from "@/db/client";
import { publicRouteCacheHeaders } from "@/server/http-cache";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { formatCount } from "@/lib/pagination";
import { filtersToQuery, parseDashboardFilters } from "@/lib/validation/dashboard-filters";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // ?round=slug is one round's scorecard: the range from that round to itself.
  const { filters, problems } = parseDashboardFilters(params.round ? { ...params, from: params.round, to: params.round } : params);
  if (params.size && !["a4", "letter"].includes(params.size)) problems.push(`size: “${params.size}” is not a4 or letter`);
  const unmatched = await findUnmatchedFilters(getDb(), filters);
  if (problems.length || unmatched.length) {
    return new Response(`Nothing was exported. Fix these parameters:\n${[...problems, ...unmatched].join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const data = await getScorecardPdfData(getDb(), filters);
  if ("tooMany" in data) {
    // Refused before any rendering: a PDF of ~100,000 benchmarks would take minutes and thousands of pages.
    const csv = `/exports/scores.csv${filtersToQuery(filters)}`;
    return new Response(
      `Nothing was exported: this view holds ${formatCount(data.tooMany)} benchmarks, and a PDF lists at most ${formatCount(PDF_MAX_BENCHMARKS)}.\n` +
        `Narrow it with a filter (category, addressee, statement, person or law — e.g. ${params.round ? `?round=${params.round}&` : "?"}category=…),\n` +
        `or download every score as CSV: ${csv}\n`,
      { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } },
    );
  }
  registerPdfFonts();
  const stream = await renderToStream(<ScorecardDocument data={data} size={params.size === "letter" ? "LETTER" : "A4"} />);
  return new Response(Readable.toWeb(stream as unknown as Readable) as ReadableStream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${exportFileName("scorecard", filters, data.dataVersion, "pdf")}"`,
      ...publicRouteCacheHeaders(),
      ...(data.dataVersion ? { "X-Data-Version": data.dataVersion } : {}),
    },
  });
}
