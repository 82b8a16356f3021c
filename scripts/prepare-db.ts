// npm run db:migrate  — create/migrate the database and seed it if empty.
// npm run db:reset    — delete the database and create it afresh from the seed (on PostgreSQL: drop the app's schema, see db/dialect.ts removeDatabase).
import { describeDatabase } from "@/db/dialect";
import { prepareDatabase } from "@/db/prepare";
import { databaseFile } from "@/lib/env";

const reset = process.argv.includes("--reset");
const { file, seeded } = await prepareDatabase(databaseFile(), { reset });
const database = describeDatabase(file);
console.log(
  seeded
    ? `Database: ${database}, ${reset ? "re-created" : "created"} and seeded (${seeded.benchmarks} benchmarks, ${seeded.rounds} rounds, ${seeded.publishedScores} published demo scores).`
    : `Database: ${database}, migrations applied; it already holds data, so the seed was not loaded.`,
);
