import "server-only";
import { Readable } from "node:stream";
import { openReadConnection } from "@/db/client";
import { publicRouteCacheHeaders } from "@/server/http-cache";
import type { Executor } from "@/db/transaction";
import { getExportContext, type ExportContext } from "@/db/queries/exports";
import type { ContentLang } from "@/lib/domain";
import { EXPORT_LOCALE_HEADER } from "@/lib/i18n/locales";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/validation/dashboard-filters";

/**
 * The language of an export, `?lang=en` (the default) or `?lang=zh`, taken out of the filters; Chinese
 * whatever the query says when it was asked at /zh/exports/… (the header proxy.ts sets for those).
 */
export function readLang(params: URLSearchParams, headers?: Headers): { lang: ContentLang; problem: string | null; rest: Record<string, string> } {
  const { lang, ...rest } = Object.fromEntries(params);
  if (headers?.get(EXPORT_LOCALE_HEADER) === "zh") return { lang: "zh", problem: null, rest };
  if (lang === undefined || lang === "en" || lang === "zh") return { lang: lang ?? "en", problem: null, rest };
  return { lang: "en", problem: "lang: use en or zh", rest };
}

export type ExportSetup = { filters: DashboardFilters; context: ExportContext; db: Executor } | { error: Response };

/**
 * Reads the filters from the URL; malformed or unknown ones get a 400 that says which, and nothing is
 * exported. Otherwise the export reads on a connection of its own, which its stream closes at the end.
 */
export async function setUpExport(request: Request): Promise<ExportSetup> {
  const { lang, problem, rest } = readLang(new URL(request.url).searchParams, request.headers);
  const { filters, problems } = parseDashboardFilters(rest);
  const db = openReadConnection();
  const context = await getExportContext(db, filters, lang);
  const messages = [...(problem ? [problem] : []), ...problems, ...context.resolved.unmatched];
  if (messages.length > 0) {
    db.$client.close();
    return { error: new Response(`Nothing was exported. Fix these filters:\n${messages.join("\n")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }) };
  }
  return { filters, context, db };
}

export function streamResponse(stream: Readable, contentType: string, fileName: string, dataVersion: string | null): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      ...publicRouteCacheHeaders(),
      ...(dataVersion ? { "X-Data-Version": dataVersion } : {}),
    },
  });
}
