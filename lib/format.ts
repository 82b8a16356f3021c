// How figures and dates read on every page and export, in the reader's language (English unless told).
// Independent of the machine's locale.
import type { DatePrecision } from "./domain";

/** The interface languages these formatters know (lib/i18n/locales.ts). */
export type FormatLocale = "en" | "zh";

const DASH = "—";
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** The fulfilment index with one decimal: "62.5"; "—" when there is none. */
export function formatIndex(value: number | null): string {
  return value === null || !Number.isFinite(value) ? DASH : value.toFixed(1);
}

/** A fraction as a whole percent: 0.754 → "75%". */
export function formatPercent(fraction: number | null): string {
  return fraction === null || !Number.isFinite(fraction) ? DASH : `${Math.round(fraction * 100)}%`;
}

/** A change in index points with its sign: "+5.0", "−2.5" (a true minus), "±0.0". */
export function formatSignedDelta(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return "±0.0";
  return `${rounded > 0 ? "+" : "\u2212"}${Math.abs(rounded).toFixed(1)}`;
}

function parts(iso: string): { year: number; month: string; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`Not an ISO date: ${iso}`);
  return { year: Number(match[1]), month, day: Number(match[3]) };
}

/**
 * A round's dates as precise as they are known: "30–31 July 2013", "26 February – 23 March 2018",
 * "July 2012", "February–March 2018", "2018".
 */
export function formatRoundDate(startDate: string, endDate: string | null, precision: DatePrecision, locale: FormatLocale = "en"): string {
  if (locale === "zh") return formatRoundDateZh(startDate, endDate, precision);
  const start = parts(startDate);
  const end = endDate ? parts(endDate) : null;
  if (precision === "year") {
    return end && end.year !== start.year ? `${start.year}–${end.year}` : `${start.year}`;
  }
  if (precision === "month") {
    if (!end || (end.month === start.month && end.year === start.year)) return `${start.month} ${start.year}`;
    if (end.year === start.year) return `${start.month}–${end.month} ${start.year}`;
    return `${start.month} ${start.year} – ${end.month} ${end.year}`;
  }
  if (!end || endDate === startDate) return `${start.day} ${start.month} ${start.year}`;
  if (end.year !== start.year) return `${start.day} ${start.month} ${start.year} – ${end.day} ${end.month} ${end.year}`;
  if (end.month !== start.month) return `${start.day} ${start.month} – ${end.day} ${end.month} ${start.year}`;
  return `${start.day}–${end.day} ${start.month} ${start.year}`;
}

/** The same in Chinese: "2013年7月30日至31日", "2018年2月26日至3月23日", "2012年7月", "2018年2月至3月", "2018年". */
function formatRoundDateZh(startDate: string, endDate: string | null, precision: DatePrecision): string {
  const number = (iso: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  };
  const start = number(startDate);
  const end = endDate ? number(endDate) : null;
  if (precision === "year") return end && end.year !== start.year ? `${start.year}年至${end.year}年` : `${start.year}年`;
  if (precision === "month") {
    if (!end || (end.month === start.month && end.year === start.year)) return `${start.year}年${start.month}月`;
    if (end.year === start.year) return `${start.year}年${start.month}月至${end.month}月`;
    return `${start.year}年${start.month}月至${end.year}年${end.month}月`;
  }
  const first = `${start.year}年${start.month}月${start.day}日`;
  if (!end || endDate === startDate) return first;
  if (end.year !== start.year) return `${first}至${end.year}年${end.month}月${end.day}日`;
  if (end.month !== start.month) return `${first}至${end.month}月${end.day}日`;
  return `${first}至${end.day}日`;
}

/** A single dated event at its precision: "13 July 2017", "July 2017", "2017". */
export function formatDate(iso: string, precision: DatePrecision, locale: FormatLocale = "en"): string {
  return formatRoundDate(iso, null, precision, locale);
}

/** Where a benchmark is assessed: "US–China Human Rights Dialogue rounds"; "every track's rounds" for no limited scope. */
export function formatScope(trackNames: readonly string[], locale: FormatLocale = "en"): string {
  if (locale === "zh") {
    if (trackNames.length === 0) return "所有议程的轮次";
    const names = trackNames.length > 1 ? `${trackNames.slice(0, -1).join("、")}和${trackNames.at(-1)}` : trackNames[0];
    return `${names}的轮次`;
  }
  if (trackNames.length === 0) return "every track's rounds";
  const names = trackNames.length > 1 ? `${trackNames.slice(0, -1).join(", ")} and ${trackNames.at(-1)}` : trackNames[0];
  return `${names} rounds`;
}

/** When a change was made, as histories and the audit log show it: the day and the minute, in UTC and saying so ("Dec 3, 2026, 14:05 UTC"; "2026年12月3日 UTC 14:05"). */
export const CHANGE_TIME_FORMAT = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC", timeZoneName: "short" } as const satisfies Intl.DateTimeFormatOptions;
