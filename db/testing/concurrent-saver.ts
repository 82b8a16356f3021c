// A reviewer in a process of its own, with its own database connection, for the concurrency tests.
// Run: node --conditions=react-server --import tsx db/testing/concurrent-saver.ts <database> <reviewerId> <round> <benchmark>
// It prints "ready", then obeys lines on stdin, answering each with one JSON line:
//   "burst N"  — save N scores as fast as it can, each after its own previous one;
//   "race ID"  — save one score as if the form was opened when the latest id was ID;
//   "quit".
import { createInterface } from "node:readline";
import { openDatabase } from "@/db/client";
import { ConflictError, saveScore } from "@/db/commands/review";
import { rawGet } from "@/db/testing/raw-sql";

const [file, reviewerId, roundSlug, benchmarkSlug] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(file);
let saved = 0;

async function save(expectedLatestId: number, label: string): Promise<{ id?: number; conflict?: string; error?: string }> {
  try {
    const { id } = await saveScore(db, { roundSlug, benchmarkSlug, reviewerId, status: "not_met", rationale: `${reviewerId} ${label}: still held.`, evidence: [], expectedLatestId });
    saved += 1;
    return { id };
  } catch (error) {
    if (error instanceof ConflictError) return { conflict: error.message };
    return { error: String(error) };
  }
}

const lines = createInterface({ input: process.stdin });
console.log("ready");
for await (const line of lines) {
  const [command, argument] = line.trim().split(" ");
  if (command === "burst") {
    const results = [];
    let latest = Number(
      (await rawGet<{ id: number }>(
        db,
        "SELECT COALESCE(MAX(a.id), 0) AS id FROM assessments a JOIN rounds r ON r.id = a.round_id JOIN benchmarks b ON b.id = a.benchmark_id WHERE r.slug = ? AND b.slug = ? AND a.reviewer_id = ?",
        roundSlug,
        benchmarkSlug,
        reviewerId,
      ))!.id,
    );
    for (let i = 0; i < Number(argument); i++) {
      const result = await save(latest, `save ${saved + 1}`);
      if (result.id) latest = result.id;
      results.push(result);
    }
    console.log(JSON.stringify(results));
  } else if (command === "race") {
    console.log(JSON.stringify(await save(Number(argument), `race from ${argument}`)));
  } else {
    break;
  }
}
await db.$client.close();
