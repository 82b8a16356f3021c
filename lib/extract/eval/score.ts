// Scores the extractor on the written statements: precision and recall of demands, of the people
// linked to them, of new names proposed, and how often the best benchmark match is right.
import type { EvalStatement } from "./statements";

export interface ScoredRun {
  demands: Array<{ text: string; people: string[]; matches: number[] }>;
  newNames: string[];
}

export interface Tally {
  found: number;
  expected: number;
  correct: number;
}

export interface EvalScore {
  demands: Tally;
  people: Tally;
  newNames: Tally;
  matches: { right: number; of: number };
  misses: string[];
}

const empty = (): Tally => ({ found: 0, expected: 0, correct: 0 });

export const precision = (t: Tally) => (t.found === 0 ? 1 : t.correct / t.found);
export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.correct / t.expected);

function add(tally: Tally, found: string[], expected: string[]) {
  tally.found += found.length;
  tally.expected += expected.length;
  tally.correct += found.filter((f) => expected.includes(f)).length;
}

export function scoreRuns(statements: EvalStatement[], run: (text: string) => ScoredRun): EvalScore {
  const score: EvalScore = { demands: empty(), people: empty(), newNames: empty(), matches: { right: 0, of: 0 }, misses: [] };
  for (const statement of statements) {
    const result = run(statement.text);
    const unused = [...result.demands];
    score.demands.found += result.demands.length;
    score.demands.expected += statement.demands.length;
    for (const want of statement.demands) {
      const at = unused.findIndex((d) => d.text.includes(want.contains));
      const got = at >= 0 ? unused.splice(at, 1)[0]! : null;
      add(score.people, got?.people ?? [], want.people ?? []);
      if (!got) {
        score.misses.push(`${statement.id}: no candidate holds “${want.contains}”`);
        continue;
      }
      score.demands.correct += 1;
      if (want.matches) {
        score.matches.of += 1;
        const best = got.matches[0];
        if (want.matches.length === 0 ? best === undefined : best !== undefined && want.matches.includes(best)) score.matches.right += 1;
        else score.misses.push(`${statement.id}: best match ${best ?? "none"} for “${want.contains}”, wanted ${want.matches.join(" or ") || "none"}`);
      }
      for (const slug of want.people ?? []) if (!got.people.includes(slug)) score.misses.push(`${statement.id}: ${slug} not linked to “${want.contains}”`);
    }
    for (const extra of unused) {
      add(score.people, extra.people, []);
      score.misses.push(`${statement.id}: unexpected candidate “${extra.text.slice(0, 60)}”`);
    }
    add(score.newNames, result.newNames, statement.newNames ?? []);
    for (const name of statement.newNames ?? []) if (!result.newNames.includes(name)) score.misses.push(`${statement.id}: new name ${name} not proposed`);
  }
  return score;
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function formatScore(score: EvalScore): string {
  const row = (label: string, t: Tally) => `${label.padEnd(10)} precision ${pct(precision(t)).padStart(4)}  recall ${pct(recall(t)).padStart(4)}  (${t.correct} right of ${t.found} found, ${t.expected} expected)`;
  return [
    row("demands", score.demands),
    row("people", score.people),
    row("new names", score.newNames),
    `matches    best match right ${score.matches.right} of ${score.matches.of}`,
  ].join("\n");
}
