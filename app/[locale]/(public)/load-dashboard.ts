import "server-only";
import type { DashboardViewProps } from "@/components/dashboard/dashboard-view";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getFilterNames, listFilterOptions } from "@/db/queries/filter-options";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { getLocale } from "next-intl/server";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { contentLang } from "@/lib/localized";
import { parseDashboardFilters, parseDashboardPages, type SearchParams } from "@/lib/validation/dashboard-filters";
import { feedAlternates } from "@/server/feeds/atom-feeds";
import { localizeValidationMessage } from "@/server/i18n/validation";
import { cachedByPublishedData } from "@/server/published-cache";

/** What the dashboard shows for a query string, read once per published data version (both dashboard routes render it). */
export async function loadDashboard(searchParams: SearchParams, release?: number): Promise<DashboardViewProps> {
  // Malformed values are not quoted back: one cached rendering serves them all (see proxy.ts).
  const { filters, problems: filterProblems } = parseDashboardFilters(searchParams, { quoteValues: false });
  const { pages, problems: pageProblems } = parseDashboardPages(searchParams);
  // A view naming nothing public is cheap to compute and could be varied at will, so it is not kept.
  // The rows are sorted by title in the page's language, so each language has its own rendering.
  const locale = (await getLocale()) as Locale;
  const lang = contentLang(locale);
  const problems = [...filterProblems, ...pageProblems].map((problem) => localizeValidationMessage(problem, locale));
  const dashboard = await cachedByPublishedData(
    ["dashboard", lang, JSON.stringify(filters), `heat-${pages.heatPage}`, `changes-${pages.changesPage}`, ...(release ? [`release-${release}`] : [])],
    () =>
      getDashboardSummary(getDb(), filters, {
        heatMapLimit: DASHBOARD_LIMITS.heatMapPage,
        heatMapOffset: (pages.heatPage - 1) * DASHBOARD_LIMITS.heatMapPage,
        changesLimit: DASHBOARD_LIMITS.changesPage,
        changesOffset: (pages.changesPage - 1) * DASHBOARD_LIMITS.changesPage,
        release,
        lang,
      }),
    { when: (await findUnmatchedFilters(getDb(), filters)).length === 0 },
  );
  const [options, filterNames] = await Promise.all([listFilterOptions(getDb(), filters), getFilterNames(getDb(), filters)]);
  return { filters, pages, release, problems, dashboard, options, filterNames };
}

/** The dashboard's feeds: every change, and the track's when the view is of one track. */
export function dashboardFeeds(locale: string, searchParams: SearchParams) {
  const track = searchParams.track;
  const all = feedAlternates(locale).types["application/atom+xml"];
  const ofTrack = typeof track === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(track) ? feedAlternates(locale, "tracks", track).types["application/atom+xml"] : [];
  return { types: { "application/atom+xml": [...all, ...ofTrack] } };
}
