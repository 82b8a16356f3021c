// What refers to a record, as db/queries/reference-records.ts names it in English, keyed for the catalogues
// (recordPage.refs): the deletion panel and the deletion's refusal say it in the page's language.
export const REFERENCE_KEYS = {
  rounds: "rounds",
  "benchmark scopes": "benchmarkScopes",
  benchmarks: "benchmarks",
  "benchmarks applying from it": "benchmarksApplying",
  assessments: "assessments",
  "editor's decisions": "decisions",
  "published scores": "publishedScores",
  "statements addressed to it": "statements",
  events: "events",
  "records merged into it": "merged",
} as const;

export type ReferenceKey = (typeof REFERENCE_KEYS)[keyof typeof REFERENCE_KEYS];

export function referenceKey(what: string): ReferenceKey | undefined {
  return Object.hasOwn(REFERENCE_KEYS, what) ? REFERENCE_KEYS[what as keyof typeof REFERENCE_KEYS] : undefined;
}
