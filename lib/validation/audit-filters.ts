// The audit log's filters as they travel in the URL (/editor/audit?user=…&entity=round&from=2026-01-01).
// A malformed value is dropped with a message, never silently applied.
import { z } from "zod";
import type { SearchParams } from "./dashboard-filters";

const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(v)));

export const auditFiltersSchema = z.object({
  user: z.string().max(200).regex(/^[\w.@-]+$/).optional(),
  entity: z.string().max(60).regex(/^[a-z_]+$/).optional(),
  entityId: z.string().max(100).regex(/^[\w.@-]+$/).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFiltersSchema.shape) as Array<keyof AuditFilters>;

const MESSAGES: Record<keyof AuditFilters, string> = {
  user: "is not a user id",
  entity: "is not a kind of record",
  entityId: "is not a record id",
  from: "is not a date like 2026-01-31",
  to: "is not a date like 2026-01-31",
};

export function parseAuditFilters(params: SearchParams): { filters: AuditFilters; problems: string[] } {
  const filters: AuditFilters = {};
  const problems: string[] = [];
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = auditFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else problems.push(`${key}: “${value.slice(0, 60)}” ${MESSAGES[key]}, so it was left out.`);
  }
  if (filters.entityId && !filters.entity) {
    problems.push("entityId needs an entity (the kind of record), so it was left out.");
    delete filters.entityId;
  }
  return { filters, problems };
}

/** The filters as query parameters, in a stable order, for links that keep them. */
export function auditFiltersToParams(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(AUDIT_FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]!]));
}
