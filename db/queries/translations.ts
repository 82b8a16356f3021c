import "server-only";
// The "still to translate" list: public records whose Chinese title or name is missing, so that a
// Chinese page shows them in English. Workspace only; it lists what the public sees, nothing hidden.
import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import type { RecordPageEntity } from "@/lib/record-paths";
import type { Executor } from "../transaction";
import { benchmarks, categories, rounds, statements, subjects, tracks } from "../schema";
import { isPublicBenchmark, isPublicStatement } from "./shared";

export interface UntranslatedRecord {
  entity: RecordPageEntity;
  slug: string;
  /** What it is called in English. */
  name: string;
}

/** No Chinese text: none stored, or only blanks. */
const missing = (column: SQLWrapper) => or(isNull(column), eq(sql`trim(${column})`, ""));

/** Every public track, published round, category, benchmark, statement, person and law without a Chinese title or name, by kind. */
export async function listUntranslatedRecords(db: Executor): Promise<Record<RecordPageEntity, UntranslatedRecord[]>> {
  const [trackRows, roundRows, categoryRows, benchmarkRows, statementRows, subjectRows] = await Promise.all([
    db.select({ slug: tracks.slug, name: tracks.name }).from(tracks).where(missing(tracks.nameZh)).orderBy(asc(tracks.id)),
    db
      .select({ slug: rounds.slug, name: rounds.name })
      .from(rounds)
      .where(and(isNotNull(rounds.publishedAt), missing(rounds.nameZh)))
      .orderBy(asc(rounds.startDate), asc(rounds.id)),
    db.select({ slug: categories.slug, name: categories.name }).from(categories).where(missing(categories.nameZh)).orderBy(asc(categories.position), asc(categories.id)),
    db
      .select({ slug: benchmarks.slug, name: benchmarks.title })
      .from(benchmarks)
      .where(and(isPublicBenchmark, missing(benchmarks.titleZh)))
      .orderBy(asc(benchmarks.title)),
    db
      .select({ slug: statements.slug, name: statements.title })
      .from(statements)
      .where(and(isPublicStatement, missing(statements.titleZh)))
      .orderBy(desc(statements.date), desc(statements.id)),
    db
      .select({ slug: subjects.slug, name: subjects.name })
      .from(subjects)
      .where(and(eq(subjects.confidential, false), isNull(subjects.mergedIntoId), missing(subjects.nameZh)))
      .orderBy(asc(subjects.name)),
  ]);
  const as = (entity: RecordPageEntity, rows: Array<{ slug: string; name: string }>) => rows.map((r) => ({ entity, ...r }));
  return {
    track: as("track", trackRows),
    round: as("round", roundRows),
    category: as("category", categoryRows),
    benchmark: as("benchmark", benchmarkRows),
    statement: as("statement", statementRows),
    subject: as("subject", subjectRows),
  };
}
