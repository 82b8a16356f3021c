// A stable name for each candidate the extractor proposes in a statement, so that confirming one is
// recorded against it: the statement page can show what became of it after a reload, and a second
// confirmation (a double click, a replayed request, a second tab) finds the first one's benchmark.
import { createHash } from "node:crypto";

export const CANDIDATE_KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * The key of one candidate: the statement, the candidate's text with its spacing folded, and which
 * occurrence of that text it is (a statement may repeat a sentence). The same pasted text and
 * extractor give the same keys on every load.
 */
export function candidateKey(statementId: number, text: string, occurrence = 0): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${statementId}\u0000${occurrence}\u0000${folded}`).digest("hex").slice(0, 32);
}

/** The keys of a statement's candidates, in their order. */
export function candidateKeys(statementId: number, candidates: ReadonlyArray<{ text: string }>): string[] {
  const seen = new Map<string, number>();
  return candidates.map(({ text }) => {
    const folded = text.replace(/\s+/g, " ").trim();
    const occurrence = seen.get(folded) ?? 0;
    seen.set(folded, occurrence + 1);
    return candidateKey(statementId, folded, occurrence);
  });
}
