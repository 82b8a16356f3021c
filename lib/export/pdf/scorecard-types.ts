// What the scorecard PDF shows, gathered by db/queries/scorecard-pdf.ts and drawn by scorecard-document.tsx.
import type { DashboardRound, HeatMapGroup, RoundFigures } from "@/lib/dashboard";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";

export interface ScorecardPdfData {
  filters: DashboardFilters;
  dataVersion: string | null;
  hasDemo: boolean;
  series: Array<RoundFigures<DashboardRound> & { label: string }>;
  /** The round the latest one is compared with: the last earlier one that is not preliminary. */
  previous: (RoundFigures<DashboardRound> & { label: string }) | null;
  /** The editors' coverage threshold, a fraction. */
  minCoverage: number;
  tableRounds: Array<{ id: number; label: string }>;
  groups: HeatMapGroup[];
  rationaleOf: Map<number, string>;
  sourcesOf: Map<number, string[]>;
  /** People (with their Chinese names) and laws, confidential ones left out. */
  peopleOf: Map<number, string[]>;
}
