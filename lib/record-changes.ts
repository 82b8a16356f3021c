// What an edit changed, field by field: the audit entry of an edit stores only these, and a record's
// history shows them ("title “A” → “B”"). Pure, so the history, the commands and the tests share it.

/** The kinds of record an editor corrects; the audit log's `entity` names them so. */
export const EDITABLE_ENTITIES = ["track", "round", "category", "subject", "subject_event", "statement", "benchmark"] as const;
export type EditableEntity = (typeof EDITABLE_ENTITIES)[number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Values compare as JSON, so two lists with the same items in the same order are equal. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields of `after` whose value differs from `before`, in `after`'s order. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Keeps only the changed fields of each side, for the audit entry. */
export function changeSides(changes: readonly FieldChange[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  return {
    before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
    after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
  };
}

/** The words a history prints values with, in the page's language. */
export interface ValueWords {
  none: string;
  yes: string;
  no: string;
  separator: string;
}

const ENGLISH_VALUE_WORDS: ValueWords = { none: "(none)", yes: "yes", no: "no", separator: ", " };

/** A value as the history prints it: text quoted, lists joined, nothing as "(none)". */
export function describeValue(value: unknown, words: ValueWords = ENGLISH_VALUE_WORDS): string {
  if (value === null || value === undefined || value === "") return words.none;
  if (Array.isArray(value)) return value.length ? value.map((v) => describeValue(v, words)).join(words.separator) : words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "string") return `“${value.length > 160 ? `${value.slice(0, 157)}…` : value}”`;
  return JSON.stringify(value);
}
