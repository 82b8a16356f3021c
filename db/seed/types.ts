// The shape of the seed dataset: plain typed data keyed by stable slugs, loaded by db/seed/load.ts.
// Every item cites the source document it restates (a key of SEED_SOURCES).
import type {
  Addressee,
  DatePrecision,
  OrganisationKind,
  Status,
  StatementKind,
  SubjectEventKind,
  SubjectKind,
} from "@/lib/domain";

/** ISO date: "2015-08-13". For month or year precision use the first day ("2018-11-01"). */
export type IsoDate = `${number}-${number}-${number}`;

export interface SeedSourceDocument {
  slug: string;
  /** File name under shared/seeds, for provenance only; the text itself is never copied. */
  file: string;
  title: string;
  publisher: string;
  publishedOn: IsoDate;
  datePrecision: DatePrecision;
  /** Public address of the document where known. */
  url: string | null;
}

export interface SeedTrack {
  slug: string;
  name: string;
  shortName: string;
  /** The Chinese name and chart label, restated in the project's own words like the English. */
  nameZh: string;
  shortNameZh: string;
  description: string;
}

export interface SeedRound {
  slug: string;
  trackSlug: string;
  name: string;
  nameZh: string;
  location: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  datePrecision: DatePrecision;
  /** Why the date is what it is, in the project's words. */
  dateNote: string;
  sourceSlug: string;
}

export interface SeedCategory {
  slug: string;
  name: string;
  nameZh: string;
  description: string;
}

export interface SeedOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
}

export interface SeedSignatory {
  name: string;
  /** e.g. "Lawyer", "Human rights defender"; null for organisations. */
  role: string | null;
  /** Set when the signatory is an organisation. */
  organisationSlug: string | null;
}

export interface SeedStatement {
  slug: string;
  title: string;
  kind: StatementKind;
  publisherSlugs: string[];
  signatories: SeedSignatory[];
  date: IsoDate;
  datePrecision: DatePrecision;
  language: string;
  sourceUrl: string | null;
  /** The round the statement addresses; null when it addresses none in particular. */
  roundSlug: string | null;
  /** A short summary in the project's own words. */
  summary: string;
  sourceSlug: string;
}

export interface SeedSubjectEvent {
  kind: SubjectEventKind;
  date: IsoDate;
  datePrecision: DatePrecision;
  description: string;
  /** Seed document that reports the event, or null when it is public record outside the seeds. */
  sourceSlug: string | null;
}

export interface SeedSubject {
  slug: string;
  kind: SubjectKind;
  name: string;
  nameZh: string | null;
  /** For people: who they are ("Human rights lawyer"). */
  role: string | null;
  /** For laws: the article or clause ("Article 73"). */
  article: string | null;
  description: string;
  sourceSlug: string;
  events: SeedSubjectEvent[];
}

export interface SeedBenchmarkSource {
  statementSlug: string;
  /** The demand as this statement made it, restated in the project's own words. */
  demand: string;
}

/** A known or demo status from a round onwards, until the next entry. */
export interface SeedOutcome {
  fromRoundSlug: string;
  status: Status;
  rationale: string;
  /** True when the rationale rests on public record (not invented demo data). */
  publicRecord: boolean;
}

export interface SeedBenchmark {
  slug: string;
  title: string;
  /** Its title in Chinese, restated like the English (never copied from the sources). */
  titleZh: string;
  categorySlug: string;
  addressee: Addressee;
  appliesFromRoundSlug: string;
  /** Its scope: the tracks at whose rounds it is assessed; [] for every track. */
  scopeTrackSlugs: string[];
  subjectSlugs: string[];
  sources: SeedBenchmarkSource[];
  retired: { on: IsoDate; reason: string } | null;
  /** Status timeline for the demo assessments; rounds before the first entry default to not_met. */
  outcomes: SeedOutcome[];
}

export interface SeedData {
  sources: SeedSourceDocument[];
  tracks: SeedTrack[];
  rounds: SeedRound[];
  categories: SeedCategory[];
  organisations: SeedOrganisation[];
  statements: SeedStatement[];
  subjects: SeedSubject[];
  benchmarks: SeedBenchmark[];
}
