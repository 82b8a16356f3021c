// Words and addresses of releases: what each kind is called, how to cite one, and the ?release=N of
// a pinned page (a positive whole number, written plainly; anything else names no release).
import type { ReleaseKind } from "./domain";
import { formatDate, type FormatLocale } from "./format";

/** The catalogue key ("releases.kind.…") that names each kind of release on the pages. */
export const RELEASE_KIND_KEYS = { "new-round": "newRound", correction: "correction", other: "other" } as const satisfies Record<ReleaseKind, string>;

/** The release a ?release= value names, or null when it names none (so the page answers 404). */
export function parseReleaseParam(value: string | string[] | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^[1-9]\d{0,8}$/.test(text)) return null;
  return Number(text);
}

export const releasePath = (number: number) => `/releases/${number}`;
export const dataPackagePath = (number: number) => `/releases/${number}/datapackage.zip`;

/** A day as readers read it: "1 December 2026", "2026年12月1日" (the UTC day, so the same everywhere). */
export function formatReleaseDate(iso: string, locale: FormatLocale = "en"): string {
  return formatDate(new Date(iso).toISOString().slice(0, 10), "day", locale);
}

/**
 * The suggested citation: the project, the release and its date, and its stable address (the same in
 * both languages: the release's data does not depend on the language it is read in).
 */
export function releaseCitation(release: { number: number; publishedAt: string }, baseUrl: string, locale: FormatLocale = "en"): string {
  const address = `${baseUrl.replace(/\/$/, "")}${releasePath(release.number)}`;
  const date = formatReleaseDate(release.publishedAt, locale);
  if (locale === "zh") return `对话记分卡，数据发布第 ${release.number} 版（${date}）。${address}`;
  return `Dialogue Scorecard, data release ${release.number} (${date}). ${address}`;
}
