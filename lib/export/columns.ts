// The columns of the data exports, shared by CSV and XLSX so both always carry the same fields. Asked
// for in Chinese (?lang=zh), the headers and status words are Chinese, and each content column gives
// the Chinese text where one was written, the English otherwise; the keys and identifiers stay.
import type { BenchmarkExportRow, ScoreExportRow } from "./rows";
import type { ContentLang } from "@/lib/domain";
import { localized } from "@/lib/localized";
import { ALL_TRACKS, LIST_SEPARATOR } from "@/lib/validation/import";
import { CATALOGUES } from "./words";

export interface ExportColumn<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | boolean | null;
  width?: number;
}

const WORDS = {
  en: {
    round: "Round",
    roundId: "Round ID",
    roundStart: "Round start",
    track: "Track",
    benchmark: "Benchmark",
    benchmarkId: "Benchmark ID",
    category: "Category",
    addressee: "Addressed to",
    status: "Status",
    statusCode: "Status code",
    basis: "Published on",
    agreement: "Reviewers' agreement",
    decision: "Editor's decision",
    rationale: "Rationale",
    publicRecord: "Rests on public record",
    toVerify: "yes, source to be verified",
    yes: "yes",
    no: "no",
    evidence: "Evidence",
    sources: "Raised by",
    people: "People",
    laws: "Laws and practices",
    demo: "Demo data",
    dataVersion: "Data version (published at)",
    appliesFrom: "Applies from",
    assessedAt: "Assessed at",
    allTracks: ALL_TRACKS,
    retiredOn: "Retired on",
    retiredReason: "Why retired",
  },
  zh: {
    round: "轮次",
    roundId: "轮次标识",
    roundStart: "开始日期",
    track: "对话机制",
    benchmark: "基准",
    benchmarkId: "基准标识",
    category: "类别",
    addressee: "对象",
    status: "状态",
    statusCode: "状态代码",
    basis: "发布依据",
    agreement: "评审员意见一致",
    decision: "编辑裁定",
    rationale: "理由",
    publicRecord: "依据公开记录",
    toVerify: "是，来源待核实",
    yes: "是",
    no: "否",
    evidence: "证据",
    sources: "提出者",
    people: "人物",
    laws: "法律与做法",
    demo: "演示数据",
    dataVersion: "数据版本（发布时间）",
    appliesFrom: "适用起始轮次",
    assessedAt: "评估所在机制",
    allTracks: "所有机制",
    retiredOn: "停用日期",
    retiredReason: "停用原因",
  },
} as const satisfies Record<ContentLang, Record<string, string>>;

// Status and addressee words as the pages say them: the message catalogues are their one source.
const STATUS_WORDS = { en: CATALOGUES.en.status, zh: CATALOGUES.zh.status };
const ADDRESSEE_WORDS = { en: CATALOGUES.en.addressee, zh: CATALOGUES.zh.addressee };

/** The score export's columns in a language. */
export function scoreColumns(lang: ContentLang): ExportColumn<ScoreExportRow>[] {
  const w = WORDS[lang];
  const text = (en: string, zh: string | null) => localized(lang, en, zh).text;
  return [
    { key: "round", header: w.round, value: (r) => text(r.roundName, r.roundNameZh), width: 34 },
    { key: "round_id", header: w.roundId, value: (r) => r.roundSlug, width: 22 },
    { key: "round_start", header: w.roundStart, value: (r) => r.roundStart, width: 12 },
    { key: "track", header: w.track, value: (r) => text(r.track, r.trackZh), width: 28 },
    { key: "benchmark", header: w.benchmark, value: (r) => text(r.benchmarkTitle, r.benchmarkTitleZh), width: 50 },
    { key: "benchmark_id", header: w.benchmarkId, value: (r) => r.benchmarkSlug, width: 30 },
    { key: "category", header: w.category, value: (r) => text(r.category, r.categoryZh), width: 26 },
    { key: "addressee", header: w.addressee, value: (r) => ADDRESSEE_WORDS[lang][r.addressee], width: 24 },
    { key: "status", header: w.status, value: (r) => STATUS_WORDS[lang][r.status], width: 10 },
    { key: "status_code", header: w.statusCode, value: (r) => r.status, width: 10 },
    { key: "basis", header: w.basis, value: (r) => (r.basis === "agreement" ? w.agreement : w.decision), width: 18 },
    { key: "rationale", header: w.rationale, value: (r) => r.rationale, width: 60 },
    { key: "public_record", header: w.publicRecord, value: (r) => (r.publicRecord ? (r.evidence ? w.yes : w.toVerify) : w.no), width: 14 },
    { key: "evidence", header: w.evidence, value: (r) => r.evidence, width: 40 },
    { key: "sources", header: w.sources, value: (r) => text(r.sources, r.sourcesZh), width: 40 },
    { key: "people", header: w.people, value: (r) => r.people, width: 24 },
    { key: "laws", header: w.laws, value: (r) => r.laws, width: 24 },
    { key: "demo", header: w.demo, value: (r) => (r.demo ? w.yes : w.no), width: 8 },
    { key: "data_version", header: w.dataVersion, value: (r) => r.publishedAt, width: 24 },
  ];
}

/** The benchmark export's columns in a language. */
export function benchmarkColumns(lang: ContentLang): ExportColumn<BenchmarkExportRow>[] {
  const w = WORDS[lang];
  const text = (en: string, zh: string | null) => localized(lang, en, zh).text;
  return [
    { key: "benchmark", header: w.benchmark, value: (r) => text(r.title, r.titleZh), width: 50 },
    { key: "benchmark_id", header: w.benchmarkId, value: (r) => r.slug, width: 30 },
    { key: "category", header: w.category, value: (r) => text(r.category, r.categoryZh), width: 26 },
    { key: "addressee", header: w.addressee, value: (r) => ADDRESSEE_WORDS[lang][r.addressee], width: 24 },
    { key: "applies_from", header: w.appliesFrom, value: (r) => text(r.appliesFrom, r.appliesFromZh), width: 30 },
    { key: "assessed_at", header: w.assessedAt, value: (r) => formatScopeCell(lang === "zh" ? r.assessedAtZh : r.assessedAt, w.allTracks), width: 30 },
    { key: "retired_on", header: w.retiredOn, value: (r) => r.retiredOn, width: 12 },
    { key: "retired_reason", header: w.retiredReason, value: (r) => r.retiredReason, width: 30 },
    { key: "sources", header: w.sources, value: (r) => text(r.sources, r.sourcesZh), width: 40 },
    { key: "people", header: w.people, value: (r) => r.people, width: 24 },
    { key: "laws", header: w.laws, value: (r) => r.laws, width: 24 },
  ];
}

export const SCORE_COLUMNS = scoreColumns("en");
export const BENCHMARK_COLUMNS = benchmarkColumns("en");

/** The tracks a benchmark is assessed at, as the import reads them back: names joined, or "All tracks". */
export function formatScopeCell(trackNames: readonly string[], allTracks: string = ALL_TRACKS): string {
  return trackNames.length === 0 ? allTracks : trackNames.join(LIST_SEPARATOR);
}

export function rowValues<T>(columns: ExportColumn<T>[], row: T): Array<string | number | boolean | null> {
  return columns.map((c) => c.value(row));
}
