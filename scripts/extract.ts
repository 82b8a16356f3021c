// npm run --silent extract -- path/to/statement.txt
// Prints {"demands": [{ text, title, restated, category, addressee, people, laws, match, perPerson … }], "named", "newSubjects"} as JSON on stdout.
import { readFileSync } from "node:fs";
import { getDb } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { loadExtractionContext } from "@/db/queries/extraction-context";
import { extractStatement } from "@/lib/extract/demands";
import { databaseFile } from "@/lib/env";

const file = process.argv.slice(2).find((a) => a !== "--");
if (!file) {
  console.error("Usage: npm run --silent extract -- path/to/statement.txt");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

await prepareDatabase(databaseFile());
const extraction = extractStatement(text, await loadExtractionContext(getDb()));
process.stdout.write(JSON.stringify(extraction, null, 2) + "\n");
