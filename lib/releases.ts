// Words and addresses of releases: what each kind is called, how to cite one, and the ?release=N of
// a pinned page (a positive whole number, written plainly; anything else names no release).
import type { ReleaseKind } from "./domain";

export const RELEASE_KIND_LABELS: Record<ReleaseKind, string> = {
  "new-round": "New round published",
  correction: "Correction of an earlier round",
  other: "Other change",
};

/** The release a ?release= value names, or null when it names none (so the page answers 404). */
export function parseReleaseParam(value: string | string[] | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^[1-9]\d{0,8}$/.test(text)) return null;
  return Number(text);
}

export const releasePath = (number: number) => `/releases/${number}`;
export const dataPackagePath = (number: number) => `/releases/${number}/datapackage.zip`;

/** A day as readers read it: "1 December 2026" (UTC, so the same everywhere). */
export function formatReleaseDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The suggested citation: the project, the release and its date, and its stable address. */
export function releaseCitation(release: { number: number; publishedAt: string }, baseUrl: string): string {
  return `Dialogue Scorecard, data release ${release.number} (${formatReleaseDate(release.publishedAt)}). ${baseUrl.replace(/\/$/, "")}${releasePath(release.number)}`;
}
