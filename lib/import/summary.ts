// What an import did, in words, for the command line and the editor's page alike.
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


const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeImportSummary(s: ImportSummary): string[] {
  const lines = [`Read ${plural(s.rowsRead, "row")} of ${s.kind}.`];
  if (s.kind === "benchmarks") {
    lines.push(`Created ${plural(s.benchmarksCreated.length, "benchmark")}${s.benchmarksCreated.length ? `: ${s.benchmarksCreated.slice(0, 20).join(", ")}${s.benchmarksCreated.length > 20 ? " …" : ""}` : ""}.`);
    if (s.benchmarksUnchanged) lines.push(`${plural(s.benchmarksUnchanged, "benchmark was", "benchmarks were")} already stored exactly so and left as ${s.benchmarksUnchanged === 1 ? "it was" : "they were"}.`);
    return lines;
  }
  lines.push(`Added ${plural(s.assessmentsCreated, "assessment")} in your name; no one else's assessment was changed.`);
  if (s.alreadyPublished) lines.push(`${plural(s.alreadyPublished, "row repeats", "rows repeat")} the published score and added nothing.`);
  if (s.alreadyImported) lines.push(`${plural(s.alreadyImported, "row repeats", "rows repeat")} your latest assessment and added nothing.`);
  if (s.differFromPublished) lines.push(`${plural(s.differFromPublished, "new assessment differs", "new assessments differ")} from the published score: resolve ${s.differFromPublished === 1 ? "it" : "them"} on the round's editor page.`);
  if (s.atPublishedRounds) lines.push(`${plural(s.atPublishedRounds, "new assessment is", "new assessments are")} at rounds already published: the public sees ${s.atPublishedRounds === 1 ? "it" : "them"} only after the round is published again.`);
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
