import { z } from "zod";
import { STATUSES } from "../domain";
import type { SearchParams } from "./dashboard-filters";

export const SCORECARD_SORTS = ["category", "status", "title"] as const;

const schema = z.object({
  sort: z.enum(SCORECARD_SORTS).catch("category"),
  status: z.enum(STATUSES).optional().catch(undefined),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .optional()
    .catch(undefined),
});

export type ScorecardParams = z.infer<typeof schema>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Sort and filter of a round scorecard; anything unrecognised falls back to the default view. */
export function parseScorecardParams(params: SearchParams): ScorecardParams {
  return schema.parse({ sort: first(params.sort), status: first(params.status), category: first(params.category) });
}
