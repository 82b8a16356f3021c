import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { getDb } from "@/db/client";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { getScorecardPdfData, PDF_MAX_BENCHMARKS } from "@/db/queries/scorecard-pdf";
import { exportFileName } from "@/lib/export/describe";
import { BriefDocument } from "@/lib/export/pdf/brief-document";
import { BRIEF_MAX_PAGES, initialBriefLimits, shrinkBriefLimits, type BriefLimits } from "@/lib/export/pdf/brief-layout";
import { registerPdfFonts } from "@/lib/export/pdf/fonts";
import { ScorecardDocument } from "@/lib/export/pdf/scorecard-document";
import { paginateScorecardTable } from "@/lib/export/pdf/scorecard-layout";
import { exportWords, type ExportWords } from "@/lib/export/words";
import type { ScorecardPdfData } from "@/lib/export/pdf/scorecard-types";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { formatCount } from "@/lib/pagination";
import { filtersToQuery, parseDashboardFilters, type DashboardFilters } from "@/lib/validation/dashboard-filters";
import { publicRouteCacheHeaders } from "@/server/http-cache";
import { readLang } from "./http";

export type PdfKind = "scorecard" | "brief";
type PageSize = "A4" | "LETTER";

/** The two PDFs of a view: the full scorecard at /exports/scorecard.pdf and the brief beside it. */
export const PDF_PATHS: Record<PdfKind, string> = { scorecard: "/exports/scorecard.pdf", brief: "/exports/scorecard-brief.pdf" };

/**
 * The GET handler of a scorecard PDF. Both documents read the same parameters (the dashboard's
 * filters, or ?round= for one round, ?size=a4|letter and ?lang=en|zh), refuse the same way (400 naming
 * what is wrong, 422 for a view of more benchmarks than a PDF lists) and draw the same data, names withheld.
 * /zh/exports/… is the same document in Chinese (proxy.ts says so in a header of its own).
 */
export function scorecardPdfRoute(kind: PdfKind) {
  return async (request: Request): Promise<Response> => {
    const { lang, problem, rest: params } = readLang(new URL(request.url).searchParams, request.headers);
    // ?round=slug is one round's scorecard: the range from that round to itself.
    const { filters, problems } = parseDashboardFilters(params.round ? { ...params, from: params.round, to: params.round } : params);
    if (problem) problems.push(problem);
    if (params.size && !["a4", "letter"].includes(params.size)) problems.push(`size: “${params.size}” is not a4 or letter`);
    const unmatched = await findUnmatchedFilters(getDb(), filters);
    if (problems.length || unmatched.length) {
      return new Response(`Nothing was exported. Fix these parameters:\n${[...problems, ...unmatched].join("\n")}\n`, {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    const data = await getScorecardPdfData(getDb(), filters, publicBaseUrl(readEnv()), lang);
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
    const size: PageSize = params.size === "letter" ? "LETTER" : "A4";
    const words = exportWords(lang);
    // The brief points to the full scorecard in the brief's own language.
    const fullScorecard = `${publicBaseUrl(readEnv())}${lang === "zh" ? "/zh" : ""}${PDF_PATHS.scorecard}${fullScorecardQuery(filters, params)}`;
    const body = new Uint8Array(kind === "brief" ? await renderBrief(data, size, fullScorecard, words) : await renderScorecard(data, size, words));
    return new Response(body, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${exportFileName(kind === "brief" ? "brief" : "scorecard", filters, data.dataVersion, "pdf")}"`,
        ...publicRouteCacheHeaders(),
        ...(data.dataVersion ? { "X-Data-Version": data.dataVersion } : {}),
      },
    });
  };
}

/** The full scorecard of the same view, asked for as the brief was (by ?round= or by the range), on the same paper. */
function fullScorecardQuery(filters: DashboardFilters, params: Record<string, string>): string {
  const extra = { ...(params.round ? { round: params.round } : {}), ...(params.size === "letter" ? { size: "letter" } : {}) };
  return filtersToQuery(params.round ? { ...filters, from: undefined, to: undefined } : filters, extra);
}

/**
 * The full scorecard with its footers numbered in advance: its table's pages are cut by the app
 * (scorecard-layout.ts), and the front matter alone is drawn first to count its pages (about a
 * tenth of the time the page-number render function costs on every page). Should react-pdf still
 * split a table page (an estimate too short), the numbers printed would be off: it is drawn again,
 * numbered by react-pdf as it paginates.
 */
async function renderScorecard(data: ScorecardPdfData, size: PageSize, words: ExportWords): Promise<Buffer> {
  const frontPages = countPdfPages(await renderToBuffer(<ScorecardDocument data={data} size={size} words={words} frontOnly />));
  const numbering = { frontPages, pages: frontPages + paginateScorecardTable(data, size, words).length };
  const pdf = await renderToBuffer(<ScorecardDocument data={data} size={size} words={words} numbering={numbering} />);
  if (countPdfPages(pdf) === numbering.pages) return pdf;
  return renderToBuffer(<ScorecardDocument data={data} size={size} words={words} />);
}

/**
 * The brief in at most two pages. The lists are cut to what the layout estimate says fits; should
 * the rendered document still run over (long titles, many wrapped lines), it is drawn again with
 * shorter lists — never with a third page. Each list then says how many more the full scorecard holds.
 */
async function renderBrief(data: ScorecardPdfData, size: PageSize, fullScorecardUrl: string, words: ExportWords): Promise<Buffer> {
  let limits: BriefLimits | null = initialBriefLimits(data, size, words);
  let last: Buffer | null = null;
  while (limits) {
    last = await renderToBuffer(<BriefDocument data={data} size={size} limits={limits} fullScorecardUrl={fullScorecardUrl} words={words} />);
    if (countPdfPages(last) <= BRIEF_MAX_PAGES) return last;
    limits = shrinkBriefLimits(limits);
  }
  return last!;
}

/** The page count a PDF's page tree declares (react-pdf writes it uncompressed: `/Type /Pages … /Count N`). */
export function countPdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : 0;
}
