// npm run extract:eval [-- --verbose]
// Runs the extractor on the statements written for its evaluation and prints precision and recall
// of demands, people and new names, and how often the best benchmark match is right.
import { extractStatement } from "@/lib/extract/demands";
import { formatScore, scoreRuns } from "@/lib/extract/eval/score";
import { EVAL_CONTEXT, EVAL_STATEMENTS } from "@/lib/extract/eval/statements";

const score = scoreRuns(EVAL_STATEMENTS, (text) => {
  const { demands, newSubjects } = extractStatement(text, EVAL_CONTEXT);
  return { demands, newNames: newSubjects.map((s) => s.name) };
});
process.stdout.write(`${EVAL_STATEMENTS.length} statements (${EVAL_STATEMENTS.filter((s) => s.lang === "zh").length} in Chinese)\n${formatScore(score)}\n`);
if (process.argv.includes("--verbose")) process.stdout.write(`\n${score.misses.join("\n")}\n`);
