// The rows the data exports write: what the database layer reads and the CSV/XLSX writers take.
import type { Addressee, ContentLang, Status } from "@/lib/domain";

// The *Zh fields are the Chinese texts, null where none was written (and, for the lists, in an export asked for in English).
export interface ScoreExportRow {
  roundSlug: string;
  roundName: string;
  roundNameZh: string | null;
  roundStart: string;
  track: string;
  trackZh: string | null;
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkTitleZh: string | null;
  category: string;
  categoryZh: string | null;
  addressee: Addressee;
  status: Status;
  basis: string;
  rationale: string;
  /** The language the rationale is written in. */
  rationaleLang: ContentLang;
  /** The rationale rests on public record (its evidence is the source; without any, still to be verified). */
  publicRecord: boolean;
  evidence: string;
  sources: string;
  /** The statements' titles in Chinese where they have one, else in English. */
  sourcesZh: string | null;
  people: string;
  laws: string;
  demo: boolean;
  publishedAt: string;
}

export interface BenchmarkExportRow {
  slug: string;
  title: string;
  titleZh: string | null;
  category: string;
  categoryZh: string | null;
  addressee: Addressee;
  appliesFrom: string;
  appliesFromZh: string | null;
  /** The names of the tracks at whose rounds it is assessed; none: every track. */
  assessedAt: string[];
  /** The same in Chinese, each track's English name where it has no Chinese one. */
  assessedAtZh: string[];
  retiredOn: string | null;
  retiredReason: string | null;
  sources: string;
  sourcesZh: string | null;
  people: string;
  laws: string;
}
