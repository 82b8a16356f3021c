// The rows the data exports write: what the database layer reads and the CSV/XLSX writers take.
import type { Addressee, Status } from "@/lib/domain";

export interface ScoreExportRow {
  roundSlug: string;
  roundName: string;
  roundStart: string;
  track: string;
  benchmarkSlug: string;
  benchmarkTitle: string;
  category: string;
  addressee: Addressee;
  status: Status;
  basis: string;
  rationale: string;
  /** The rationale rests on public record (its evidence is the source; without any, still to be verified). */
  publicRecord: boolean;
  evidence: string;
  sources: string;
  people: string;
  laws: string;
  demo: boolean;
  publishedAt: string;
}

export interface BenchmarkExportRow {
  slug: string;
  title: string;
  category: string;
  addressee: Addressee;
  appliesFrom: string;
  /** The names of the tracks at whose rounds it is assessed; none: every track. */
  assessedAt: string[];
  retiredOn: string | null;
  retiredReason: string | null;
  sources: string;
  people: string;
  laws: string;
}
