// The columns of the data exports, shared by CSV and XLSX so both always carry the same fields.
import type { BenchmarkExportRow, ScoreExportRow } from "./rows";
import { ADDRESSEE_LABELS, STATUS_LABELS } from "@/lib/domain";
import { ALL_TRACKS, LIST_SEPARATOR } from "@/lib/validation/import";

export interface ExportColumn<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | boolean | null;
  width?: number;
}

export const SCORE_COLUMNS: ExportColumn<ScoreExportRow>[] = [
  { key: "round", header: "Round", value: (r) => r.roundName, width: 34 },
  { key: "round_id", header: "Round ID", value: (r) => r.roundSlug, width: 22 },
  { key: "round_start", header: "Round start", value: (r) => r.roundStart, width: 12 },
  { key: "track", header: "Track", value: (r) => r.track, width: 28 },
  { key: "benchmark", header: "Benchmark", value: (r) => r.benchmarkTitle, width: 50 },
  { key: "benchmark_id", header: "Benchmark ID", value: (r) => r.benchmarkSlug, width: 30 },
  { key: "category", header: "Category", value: (r) => r.category, width: 26 },
  { key: "addressee", header: "Addressed to", value: (r) => ADDRESSEE_LABELS[r.addressee], width: 24 },
  { key: "status", header: "Status", value: (r) => STATUS_LABELS[r.status], width: 10 },
  { key: "status_code", header: "Status code", value: (r) => r.status, width: 10 },
  { key: "basis", header: "Published on", value: (r) => (r.basis === "agreement" ? "Reviewers' agreement" : "Editor's decision"), width: 18 },
  { key: "rationale", header: "Rationale", value: (r) => r.rationale, width: 60 },
  { key: "public_record", header: "Rests on public record", value: (r) => (r.publicRecord ? (r.evidence ? "yes" : "yes, source to be verified") : "no"), width: 14 },
  { key: "evidence", header: "Evidence", value: (r) => r.evidence, width: 40 },
  { key: "sources", header: "Raised by", value: (r) => r.sources, width: 40 },
  { key: "people", header: "People", value: (r) => r.people, width: 24 },
  { key: "laws", header: "Laws and practices", value: (r) => r.laws, width: 24 },
  { key: "demo", header: "Demo data", value: (r) => (r.demo ? "yes" : "no"), width: 8 },
  { key: "data_version", header: "Data version (published at)", value: (r) => r.publishedAt, width: 24 },
];

export const BENCHMARK_COLUMNS: ExportColumn<BenchmarkExportRow>[] = [
  { key: "benchmark", header: "Benchmark", value: (r) => r.title, width: 50 },
  { key: "benchmark_id", header: "Benchmark ID", value: (r) => r.slug, width: 30 },
  { key: "category", header: "Category", value: (r) => r.category, width: 26 },
  { key: "addressee", header: "Addressed to", value: (r) => ADDRESSEE_LABELS[r.addressee], width: 24 },
  { key: "applies_from", header: "Applies from", value: (r) => r.appliesFrom, width: 30 },
  { key: "assessed_at", header: "Assessed at", value: (r) => formatScopeCell(r.assessedAt), width: 30 },
  { key: "retired_on", header: "Retired on", value: (r) => r.retiredOn, width: 12 },
  { key: "retired_reason", header: "Why retired", value: (r) => r.retiredReason, width: 30 },
  { key: "sources", header: "Raised by", value: (r) => r.sources, width: 40 },
  { key: "people", header: "People", value: (r) => r.people, width: 24 },
  { key: "laws", header: "Laws and practices", value: (r) => r.laws, width: 24 },
];

/** The tracks a benchmark is assessed at, as the import reads them back: names joined, or "All tracks". */
export function formatScopeCell(trackNames: readonly string[]): string {
  return trackNames.length === 0 ? ALL_TRACKS : trackNames.join(LIST_SEPARATOR);
}

export function rowValues<T>(columns: ExportColumn<T>[], row: T): Array<string | number | boolean | null> {
  return columns.map((c) => c.value(row));
}
