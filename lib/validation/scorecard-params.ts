import { z } from "zod";
import { STATUSES } from "../domain";
import type { SearchParams } from "./dashboard-filters";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parsePageParams } from "./paging";

export const SCORECARD_SORTS = ["category", "status", "title"] as const;
export const SCORECARD_PAGE_SIZE = DEFAULT_PAGE_SIZE;
export const SCORECARD_MAX_PAGE_SIZE = MAX_PAGE_SIZE;

const schema = z.object({
  sort: z.enum(SCORECARD_SORTS).catch("category"),
  status: z.enum(STATUSES).optional().catch(undefined),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .optional()
    .catch(undefined),
});

export type ScorecardView = z.infer<typeof schema>;
export type ScorecardParams = ScorecardView & { page: number; pageSize: number; problems: string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * Sort, filter and page of a round scorecard. An unrecognised sort or filter falls back to the
 * default view; a malformed page or page size falls back too, with a sentence saying so.
 */
export function parseScorecardParams(params: SearchParams): ScorecardParams {
  const view = schema.parse({ sort: first(params.sort), status: first(params.status), category: first(params.category) });
  return { ...view, ...parsePageParams(params, { default: SCORECARD_PAGE_SIZE, max: SCORECARD_MAX_PAGE_SIZE }) };
}

/** The query string of a scorecard view and page, leaving out defaults so equal views have equal URLs. */
export function scorecardQuery(view: ScorecardView & { pageSize?: number }, page = 1): string {
  const params = new URLSearchParams();
  if (view.sort !== "category") params.set("sort", view.sort);
  if (view.status) params.set("status", view.status);
  if (view.category) params.set("category", view.category);
  if (view.pageSize && view.pageSize !== SCORECARD_PAGE_SIZE) params.set("pageSize", String(view.pageSize));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
