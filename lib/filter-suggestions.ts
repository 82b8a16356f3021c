// Suggestions for the dashboard's search fields (long filter lists), from the read API's list pages.
// Kept free of React so the rules are tested on their own.
import { SUBJECT_KINDS, type SubjectKind } from "./domain";

/** Fewer letters than this match too much to be worth a request. */
export const MIN_SEARCH_LENGTH = 2;
export const MAX_SUGGESTIONS = 10;

export interface Suggestion {
  slug: string;
  label: string;
  /** What a reader may type instead of the slug: the name, the Chinese name, the title. */
  names: string[];
}

/** The fields suggestions use from an item of /api/v1/people, /api/v1/laws (or /api/v1/statements). */
export interface SuggestionItem {
  slug: string;
  name?: string;
  title?: string;
  nameZh?: string | null;
  kind?: string;
}

const fold = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, "");

export function subjectOptionLabel(name: string, kind: string, nameZh?: string | null): string {
  const isLaw = SUBJECT_KINDS.includes(kind as SubjectKind) && kind !== "person";
  return `${name}${nameZh ? ` ${nameZh}` : ""}${isLaw ? " (law or practice)" : ""}`;
}

export function toSuggestion(item: SuggestionItem): Suggestion {
  const name = item.name ?? item.title ?? item.slug;
  return {
    slug: item.slug,
    label: item.kind ? subjectOptionLabel(name, item.kind, item.nameZh) : name,
    names: [name, item.nameZh].filter((n): n is string => !!n),
  };
}

/** Chromium shows a <datalist> option only if its value or label contains what was typed (ignoring case and spaces); suggest only those. */
export function matchesTerm(suggestion: Suggestion, term: string): boolean {
  const wanted = fold(term);
  return fold(suggestion.slug).includes(wanted) || fold(suggestion.label).includes(wanted);
}

export function suggestionsUrl(path: string, term: string): string {
  return `${path}?${new URLSearchParams({ q: term.trim(), pageSize: String(MAX_SUGGESTIONS) })}`;
}

/** Merges the pages of several endpoints into one list of suggestions that match the term, by label. */
export function mergeSuggestions(pages: Array<{ data?: SuggestionItem[] }>, term: string): Suggestion[] {
  return pages
    .flatMap((page) => page.data ?? [])
    .map(toSuggestion)
    .filter((s) => matchesTerm(s, term))
    .sort((a, b) => a.label.localeCompare(b.label))
    .slice(0, MAX_SUGGESTIONS);
}

// The shape lib/validation/dashboard-filters.ts accepts for a slug (not imported: that would ship zod to the browser).
const IDENTIFIER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isIdentifier(value: string): boolean {
  return IDENTIFIER.test(value) && value.length <= 120;
}

/**
 * What to submit for what the reader typed: nothing, a suggestion's slug, the slug of the one suggestion
 * whose name was typed in full, or an identifier typed by hand (the server says if it names nothing).
 * Anything else would only be refused by the server, so the reader is told why at once.
 */
export function resolveTyped(typed: string, suggestions: Suggestion[]): { value: string } | { problem: string } {
  const value = typed.trim();
  if (value === "" || suggestions.some((s) => s.slug === value)) return { value };
  const wanted = fold(value);
  const named = suggestions.filter((s) => s.names.some((n) => fold(n) === wanted) || fold(s.label) === wanted);
  if (named.length === 1) return { value: named[0]!.slug };
  if (named.length > 1) return { problem: `Several match “${value}”: choose one of the suggestions.` };
  if (isIdentifier(value)) return { value };
  return { problem: `“${value}” is not an identifier (lower-case letters, digits and hyphens): see the hint below the field.` };
}
