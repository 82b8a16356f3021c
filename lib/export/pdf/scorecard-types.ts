// What the scorecard PDFs show, gathered by db/queries/scorecard-pdf.ts and drawn by scorecard-document.tsx.
// Shaped so that a short brief can be drawn from the same data: the changes and the per-benchmark
// details stand on their own, keyed by benchmark id, with names already resolved and withheld where confidential.
import type { DashboardRound, HeatMapGroup, RoundFigures } from "@/lib/dashboard";
import type { DatePrecision, Status } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import type { FilterNames } from "../describe";

export type PdfRoundFigures = RoundFigures<DashboardRound> & { label: string };

export interface PdfEvidenceLink {
  url: string;
  title: string;
  /** ISO date, when known. */
  publishedOn: string | null;
}

export interface PdfSource {
  title: string;
  /** ISO date of the statement, as precise as it is known. */
  date: string;
  datePrecision: DatePrecision;
}

export interface PdfPerson {
  name: string;
  /** The name in Chinese script, when it has one. */
  nameZh: string | null;
  kind: string;
}

/** One benchmark's published reading at the latest round in view, and where it comes from. */
export interface PdfBenchmarkDetail {
  /** The published rationale at the latest round, names withheld; null when not scored there. */
  rationale: string | null;
  /** The rationale rests on public record; null when not scored at the latest round. */
  publicRecord: boolean | null;
  /** The evidence fixed at publication for the latest round. */
  evidence: PdfEvidenceLink[];
  /** The statements that raised the demand. */
  sources: PdfSource[];
  /** People and laws it names; confidential ones left out. */
  people: PdfPerson[];
}

export interface PdfChange {
  benchmarkId: number;
  title: string;
  direction: "up" | "down";
  from: Status;
  to: Status;
  /** The round `from` was published at, when it is not the comparison round (a benchmark assessed at some tracks only). */
  sinceRoundName: string | null;
  /** The latest round's rationale, cut to one line. */
  rationale: string | null;
}

export interface PdfChanges {
  fromRound: { id: number; name: string };
  toRound: { id: number; name: string };
  counts: { up: number; down: number };
  /** Up first, then down; each by title. */
  items: PdfChange[];
}

export interface ScorecardPdfData {
  filters: DashboardFilters;
  /** The names the filters' identifiers stand for (lib/export/describe describeFiltersInWords). */
  filterNames: FilterNames;
  dataVersion: string | null;
  /**
   * The latest release when the PDF was made (what a briefing cites: /releases/N keeps that version
   * retrievable) and its citable address; null before the first publication.
   */
  release: { number: number; publishedAt: string; url: string } | null;
  hasDemo: boolean;
  series: PdfRoundFigures[];
  /** The round the latest one is compared with: the last earlier one that is not preliminary. */
  previous: PdfRoundFigures | null;
  /** The editors' coverage threshold, a fraction. */
  minCoverage: number;
  tableRounds: Array<{ id: number; label: string }>;
  groups: HeatMapGroup[];
  /** Per benchmark in the table. */
  details: Map<number, PdfBenchmarkDetail>;
  /**
   * What changed between the latest round and the one before it (for a one-round view, the last
   * published round before it that is not preliminary); null when there is none to compare with.
   */
  changes: PdfChanges | null;
}
