// The dashboard's filters as they travel in the URL. Unknown or malformed values are dropped with a
// message for the reader, never silently applied.
import { z } from "zod";
import { ADDRESSEES, type Addressee } from "../domain";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "is not a valid identifier").max(120);

export const dashboardFiltersSchema = z.object({
  track: slug.optional(),
  from: slug.optional(),
  to: slug.optional(),
  category: slug.optional(),
  addressee: z.enum(ADDRESSEES).optional(),
  statement: slug.optional(),
  subject: slug.optional(),
});

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;
export const FILTER_KEYS = Object.keys(dashboardFiltersSchema.shape) as Array<keyof DashboardFilters>;

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ParsedFilters {
  filters: DashboardFilters;
  /** One line per value that was dropped, e.g. "addressee: “martians” is not one of the options". */
  problems: string[];
}

/** A value no filter accepts: stands in the canonical query for whatever malformed value a reader sent. */
const MALFORMED = "!";

/**
 * `quoteValues: false` leaves the dropped value out of the message ("addressee: the value is not one of
 * the options"), for the dashboard, whose cached rendering is shared by every malformed value.
 */
export function parseDashboardFilters(params: SearchParams, { quoteValues = true }: { quoteValues?: boolean } = {}): ParsedFilters {
  const filters: DashboardFilters = {};
  const problems: string[] = [];
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = dashboardFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) {
      (filters as Record<string, string | undefined>)[key] = parsed.data;
    } else {
      const named = quoteValues ? `“${value.slice(0, 60)}”` : "the value";
      problems.push(`${key}: ${named} ${key === "addressee" ? "is not one of the options" : "is not a valid identifier"}`);
    }
  }
  return { filters, problems };
}

/**
 * The query that shows the same dashboard, in one spelling, so that it can be a cache key: the known
 * filters in a fixed order, the first value of each, any malformed value replaced by one fixed malformed
 * value (the dashboard reports it without quoting it), then the pages past the first; unknown
 * parameters dropped.
 */
export function canonicalDashboardQuery(params: SearchParams): string {
  const canonical = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    canonical.set(key, dashboardFiltersSchema.shape[key].safeParse(value).success ? value : MALFORMED);
  }
  // Page 1 is the address without a page: one entry, however it is spelt.
  for (const key of DASHBOARD_PAGE_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = pageNumber.safeParse(value);
    if (!parsed.success) canonical.set(key, MALFORMED);
    else if (parsed.data > 1) canonical.set(key, String(parsed.data));
  }
  return canonical.toString();
}

/**
 * The dashboard's long lists are paged: which page of the heat map and of the named changes a reader
 * is on. Not filters: the figures, exports and embeds ignore them, and the filter form starts again
 * at page 1. A page is a whole number written plainly, up to a bound, so that the addresses a cache
 * may be asked for stay finite.
 */
export const DASHBOARD_PAGE_KEYS = ["heatPage", "changesPage"] as const;
export type DashboardPageKey = (typeof DASHBOARD_PAGE_KEYS)[number];
export type DashboardPages = Record<DashboardPageKey, number>;

const MAX_PAGE = 100_000;
const pageNumber = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, "is not a page number")
  .transform(Number)
  .refine((n) => n <= MAX_PAGE, "is not a page number");

/** The pages asked for (1 where none or a malformed one was), with a line per malformed value (not quoted back). */
export function parseDashboardPages(params: SearchParams): { pages: DashboardPages; problems: string[] } {
  const pages: DashboardPages = { heatPage: 1, changesPage: 1 };
  const problems: string[] = [];
  for (const key of DASHBOARD_PAGE_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = pageNumber.safeParse(value);
    if (parsed.success) pages[key] = parsed.data;
    else problems.push(`${key}: the value is not a page number`);
  }
  return { pages, problems };
}

/** The query string for a set of filters, in a stable order, so equal views have equal URLs. */
export function filtersToQuery(filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(filters: DashboardFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}

export type { Addressee };
