// How an export names itself: its data version, its filters and its denominator, in words and in the file name.
import { ADDRESSEE_LABELS, STATUS_LABELS, type DatePrecision, type Status } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { FILTER_KEYS, type DashboardFilters } from "@/lib/validation/dashboard-filters";

export const DENOMINATOR_NOTE =
  "Fulfilment index = 100 × (met + ½ partial) ÷ judged benchmarks (met, partial, not met, regressed) at each round; unknown is left out. Coverage = judged ÷ applicable benchmarks.";

export const DEMO_NOTE = "Scores marked as demo data are demonstration assessments shipped with the app, not a published assessment.";

/** What each status means, in a line (the Method page says the same at length). */
export const STATUS_MEANINGS: Record<Status, string> = {
  met: "fully done: the person released unconditionally, the law repealed",
  partial: "real but incomplete: medical parole, a law amended in part",
  not_met: "nothing done",
  regressed: "worse than at the previous round: re-detained, a new restrictive law",
  unknown: "not enough information to judge; left out of the index",
};

/** The filters as identifiers, for exports read by programs (CSV, spreadsheets): they can be pasted back into a URL. */
export function describeFilters(filters: DashboardFilters): string {
  const parts = FILTER_KEYS.filter((k) => filters[k]).map((k) => `${k} = ${filters[k]}`);
  return parts.length ? parts.join("; ") : "none (all published data)";
}

/** The public names the filters' identifiers stand for (db/queries/filter-options getFilterNames). */
export interface FilterNames {
  track?: string;
  from?: string;
  to?: string;
  category?: string;
  statement?: { title: string; date: string; datePrecision: DatePrecision };
  subject?: { name: string; nameZh: string | null };
}

/**
 * The filters as a reader says them: "Rounds: Human Rights Council, 40th session; Category: Legal reform".
 * An identifier without a name (it should not happen: the route refuses unknown ones) is quoted as it is.
 */
export function describeFiltersInWords(filters: DashboardFilters, names: FilterNames): string {
  const parts: string[] = [];
  const from = filters.from && (names.from ?? filters.from);
  const to = filters.to && (names.to ?? filters.to);
  if (from && to) parts.push(filters.from === filters.to ? `Round: ${from}` : `Rounds: from ${from} to ${to}`);
  else if (from) parts.push(`Rounds: from ${from} on`);
  else if (to) parts.push(`Rounds: up to ${to}`);
  if (filters.track) parts.push(`Track: ${names.track ?? filters.track}`);
  if (filters.category) parts.push(`Category: ${names.category ?? filters.category}`);
  if (filters.addressee) parts.push(`Addressed to: ${ADDRESSEE_LABELS[filters.addressee]}`);
  if (filters.statement) {
    const s = names.statement;
    parts.push(`Statement: ${s ? `${s.title} (${formatDate(s.date, s.datePrecision)})` : filters.statement}`);
  }
  if (filters.subject) {
    const s = names.subject;
    parts.push(`Person or law: ${s ? personName(s) : filters.subject}`);
  }
  return parts.length ? parts.join("; ") : "none (all published data)";
}

/** A name in both scripts where it has a Chinese one: "Liu Xia 刘霞". */
export function personName(person: { name: string; nameZh: string | null }): string {
  return person.nameZh ? `${person.name} ${person.nameZh}` : person.name;
}

/** A change of status in words: "Not met → Partial". */
export function describeChange(from: Status, to: Status): string {
  return `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`;
}

/** The data version as a reader reads it: "published 2026-12-02 03:40 UTC". */
export function describeDataVersion(dataVersion: string | null): string {
  return dataVersion ? `published ${dataVersion.slice(0, 16).replace("T", " ")} UTC` : "nothing published in this view";
}

/** The release a PDF was made from, in words, with the address where that version stays retrievable. */
export function describeRelease(release: { number: number; publishedAt: string; url: string } | null): string {
  if (!release) return "none yet (nothing has been published)";
  return `number ${release.number}, published ${release.publishedAt.slice(0, 16).replace("T", " ")} UTC, the latest when this was made; cite it as ${release.url}, where this version stays retrievable`;
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
