// How an export names itself: its data version, its filters and its denominator, in words and in the file name.
import { FILTER_KEYS, type DashboardFilters } from "@/lib/validation/dashboard-filters";

export const DENOMINATOR_NOTE =
  "Fulfilment index = 100 × (met + ½ partial) ÷ judged benchmarks (met, partial, not met, regressed) at each round; unknown is left out. Coverage = judged ÷ applicable benchmarks.";

export const DEMO_NOTE = "Scores marked as demo data are demonstration assessments shipped with the app, not a published assessment.";

export function describeFilters(filters: DashboardFilters): string {
  const parts = FILTER_KEYS.filter((k) => filters[k]).map((k) => `${k} = ${filters[k]}`);
  return parts.length ? parts.join("; ") : "none (all published data)";
}

export function exportFileName(kind: string, filters: DashboardFilters, dataVersion: string | null, extension: string): string {
  const version = dataVersion ? dataVersion.slice(0, 16).replace(/[:T]/g, "-") : "unpublished";
  const filterPart = FILTER_KEYS.filter((k) => filters[k])
    .map((k) => filters[k])
    .join("_");
  return `dialogue-scorecard-${kind}${filterPart ? `-${filterPart}` : ""}-${version}.${extension}`;
}
