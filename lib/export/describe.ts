// How an export names itself: its data version, its filters and its denominator, in words and in the file name.
// The words are the catalogue's (lib/export/words.ts): English unless the export was asked for in Chinese.
import type { DatePrecision, Status } from "@/lib/domain";
import { FILTER_KEYS, type DashboardFilters } from "@/lib/validation/dashboard-filters";
import en from "@/messages/en.json";
import { ENGLISH_WORDS, type ExportWords } from "./words";

export const DENOMINATOR_NOTE = en.pdf.denominatorNote;

export const DEMO_NOTE = en.pdf.demoNote;

/** What each status means, in a line (the Method page says the same at length). */
export const STATUS_MEANINGS: Record<Status, string> = en.pdf.meaning;

/** The filters as identifiers, for exports read by programs (CSV, spreadsheets): they can be pasted back into a URL. */
export function describeFilters(filters: DashboardFilters, words: ExportWords = ENGLISH_WORDS): string {
  const parts = FILTER_KEYS.filter((k) => filters[k]).map((k) => `${k} = ${filters[k]}`);
  return parts.length ? parts.join("; ") : words.t("filters.none");
}

/** The public names the filters' identifiers stand for (db/queries/filter-options getFilterNames), with their Chinese where written. */
export interface FilterNames {
  track?: string;
  trackZh?: string | null;
  from?: string;
  fromZh?: string | null;
  to?: string;
  toZh?: string | null;
  category?: string;
  categoryZh?: string | null;
  statement?: { title: string; titleZh?: string | null; date: string; datePrecision: DatePrecision };
  subject?: { name: string; nameZh: string | null };
}

/**
 * The filters as a reader says them: "Rounds: Human Rights Council, 40th session; Category: Legal reform",
 * or in Chinese "轮次：……；类别：……" with the Chinese names where written.
 * An identifier without a name (it should not happen: the route refuses unknown ones) is quoted as it is.
 */
export function describeFiltersInWords(filters: DashboardFilters, names: FilterNames, words: ExportWords = ENGLISH_WORDS): string {
  const { t, text } = words;
  const parts: string[] = [];
  const from = filters.from && (names.from ? text(names.from, names.fromZh) : filters.from);
  const to = filters.to && (names.to ? text(names.to, names.toZh) : filters.to);
  if (from && to) parts.push(filters.from === filters.to ? t("filters.round", { round: from }) : t("filters.rounds", { from, to }));
  else if (from) parts.push(t("filters.roundsFrom", { from }));
  else if (to) parts.push(t("filters.roundsTo", { to }));
  if (filters.track) parts.push(t("filters.track", { track: names.track ? text(names.track, names.trackZh) : filters.track }));
  if (filters.category) parts.push(t("filters.category", { category: names.category ? text(names.category, names.categoryZh) : filters.category }));
  if (filters.addressee) parts.push(t("filters.addressee", { addressee: words.addressee(filters.addressee) }));
  if (filters.statement) {
    const s = names.statement;
    parts.push(t("filters.statement", { statement: s ? t("dated", { title: text(s.title, s.titleZh), date: words.date(s.date, s.datePrecision) }) : filters.statement }));
  }
  if (filters.subject) {
    const s = names.subject;
    parts.push(t("filters.subject", { subject: s ? words.person(s) : filters.subject }));
  }
  return parts.length ? parts.join(t("filters.separator")) : t("filters.none");
}

/** A name in both scripts where it has a Chinese one: "Liu Xia 刘霞". */
export function personName(person: { name: string; nameZh: string | null }, words: ExportWords = ENGLISH_WORDS): string {
  return words.person(person);
}

/** A change of status in words: "Not met → Partial". */
export function describeChange(from: Status, to: Status, words: ExportWords = ENGLISH_WORDS): string {
  return words.t("change", { from: words.status(from), to: words.status(to) });
}

/** The data version as a reader reads it: "published 2026-12-02 03:40 UTC", "发布于 2026年12月2日 03:40（UTC）". */
export function describeDataVersion(dataVersion: string | null, words: ExportWords = ENGLISH_WORDS): string {
  if (!dataVersion) return words.t("nothingPublished");
  const date = words.lang === "zh" ? words.date(dataVersion.slice(0, 10), "day") : dataVersion.slice(0, 10);
  return words.t("publishedAt", { date, time: dataVersion.slice(11, 16) });
}

/** The data version in a page's footer: its day, "2026-12-02" or "2026年12月2日"; "—" for none. */
export function footerVersion(dataVersion: string | null, words: ExportWords = ENGLISH_WORDS): string {
  if (!dataVersion) return "—";
  return words.lang === "zh" ? words.date(dataVersion.slice(0, 10), "day") : dataVersion.slice(0, 10);
}

/** The release a PDF was made from, in words, with the address where that version stays retrievable. */
export function describeRelease(release: { number: number; publishedAt: string; url: string } | null, words: ExportWords = ENGLISH_WORDS): string {
  if (!release) return words.t("noRelease");
  return words.t("releaseNote", { number: release.number, published: release.publishedAt.slice(0, 16).replace("T", " "), url: release.url });
}

/** The release in a page's footer: "release 12 · ", or nothing before the first publication. */
export function footerRelease(release: { number: number } | null, words: ExportWords = ENGLISH_WORDS): string {
  return release ? words.t("footerRelease", { number: release.number }) : "";
}

/** A rationale in one line (the list of changes): its first sentence, cut at a word past `max` characters. */
export function firstSentence(text: string | null, max = 160): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  const sentence = /^(.+?[.!?。])(\s|$)/u.exec(trimmed)?.[1] ?? trimmed;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)}…`;
}

export function exportFileName(kind: string, filters: DashboardFilters, dataVersion: string | null, extension: string): string {
  const version = dataVersion ? dataVersion.slice(0, 16).replace(/[:T]/g, "-") : "unpublished";
  const filterPart = FILTER_KEYS.filter((k) => filters[k])
    .map((k) => filters[k])
    .join("_");
  return `dialogue-scorecard-${kind}${filterPart ? `-${filterPart}` : ""}-${version}.${extension}`;
}
