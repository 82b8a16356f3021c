// What an import did, as lines the command line and the editor's page both put into words (in English or the page's language).
import type { ImportKind } from "./csv";

/** What an import wrote. */
export interface ImportSummary {
  kind: ImportKind;
  rowsRead: number;
  /** Slugs of the benchmarks the file created. */
  benchmarksCreated: string[];
  /** Rows naming a stored benchmark that agrees with them. */
  benchmarksUnchanged: number;
  assessmentsCreated: number;
  /** Rows equal to the score already published for that benchmark and round. */
  alreadyPublished: number;
  /** Rows equal to the importer's latest assessment for that benchmark and round. */
  alreadyImported: number;
  /** Of the assessments created, those where a different score is published now. */
  differFromPublished: number;
  /** Of the assessments created, those at rounds already published: they count once the round is published again. */
  atPublishedRounds: number;
}


/** One line of a summary: the key of its sentence in the catalogue (importSummary) and the values it names. */
export type SummaryLine =
  | { key: "read"; values: { count: number; kind: ImportKind } }
  | { key: "created"; values: { count: number; slugs: string } }
  | { key: "unchanged" | "assessments" | "repeatPublished" | "repeatImported" | "differ" | "atPublished"; values: { count: number } };

const SLUGS_LISTED = 20;

/** What an import did, line by line, for the caller to say in its language (server/i18n/import-summary.ts). */
export function importSummaryLines(s: ImportSummary): SummaryLine[] {
  const lines: SummaryLine[] = [{ key: "read", values: { count: s.rowsRead, kind: s.kind } }];
  if (s.kind === "benchmarks") {
    const listed = s.benchmarksCreated.slice(0, SLUGS_LISTED).join(", ") + (s.benchmarksCreated.length > SLUGS_LISTED ? " …" : "");
    lines.push({ key: "created", values: { count: s.benchmarksCreated.length, slugs: listed } });
    if (s.benchmarksUnchanged) lines.push({ key: "unchanged", values: { count: s.benchmarksUnchanged } });
    return lines;
  }
  lines.push({ key: "assessments", values: { count: s.assessmentsCreated } });
  if (s.alreadyPublished) lines.push({ key: "repeatPublished", values: { count: s.alreadyPublished } });
  if (s.alreadyImported) lines.push({ key: "repeatImported", values: { count: s.alreadyImported } });
  if (s.differFromPublished) lines.push({ key: "differ", values: { count: s.differFromPublished } });
  if (s.atPublishedRounds) lines.push({ key: "atPublished", values: { count: s.atPublishedRounds } });
  return lines;
}

/** What the editor's import form gets back from its server action. */
export interface ImportActionState {
  ok: boolean;
  message: string;
  errors?: Record<string, string[] | undefined>;
  /** Rows that need correcting, by line; at most MAX_PROBLEMS_SHOWN of them. */
  problems?: Array<{ line: number; message: string }>;
  /** On success, what was written, in words. */
  summary?: string[];
}

export const MAX_PROBLEMS_SHOWN = 200;
