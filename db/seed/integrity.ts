// Integrity rules every dataset must satisfy, the shipped seed and the generated scale data alike.
// Each query returns the rows that break the rule: an empty result means the rule holds.
import { usesPostgres } from "../dialect";
import type { Executor } from "../transaction";
import { rawAll, rawCount } from "../testing/raw-sql";

// SQLite checks foreign keys when asked; PostgreSQL enforces them on every write, so there the rule
// asks that every foreign key is declared and validated (a constraint added NOT VALID would let old rows break it).
const FOREIGN_KEYS_HOLD = usesPostgres()
  ? "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"
  : "PRAGMA foreign_key_check";

export const INTEGRITY_RULES: Record<string, string> = {
  "foreign keys hold": FOREIGN_KEYS_HOLD,
  "every benchmark has a category": "SELECT id FROM benchmarks WHERE category_id NOT IN (SELECT id FROM categories)",
  "every benchmark has a source statement": "SELECT id FROM benchmarks WHERE id NOT IN (SELECT benchmark_id FROM benchmark_sources)",
  "every linked person or law exists": "SELECT benchmark_id FROM benchmark_subjects WHERE subject_id NOT IN (SELECT id FROM subjects)",
  "no benchmark applies before the statement that raised it": `
    SELECT b.id FROM benchmarks b
      JOIN rounds r ON r.id = b.applies_from_round_id
      JOIN benchmark_sources bs ON bs.benchmark_id = b.id
      JOIN statements s ON s.id = bs.statement_id
     GROUP BY b.id, r.start_date HAVING r.start_date < MIN(s.date)`,
  "published scores only where the benchmark applies": `
    SELECT ps.benchmark_id, ps.round_id FROM published_scores ps
      JOIN benchmarks b ON b.id = ps.benchmark_id
      JOIN rounds f ON f.id = b.applies_from_round_id
      JOIN rounds r ON r.id = ps.round_id
     WHERE r.start_date < f.start_date OR (b.retired_on IS NOT NULL AND r.start_date >= b.retired_on)`,
  "no assessment at a round whose track the benchmark's scope leaves out": `
    SELECT a.id FROM assessments a JOIN rounds r ON r.id = a.round_id
     WHERE EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = a.benchmark_id)
       AND NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = a.benchmark_id AND bt.track_id = r.track_id)`,
  "no published score at a round whose track the benchmark's scope leaves out": `
    SELECT ps.benchmark_id, ps.round_id FROM published_scores ps JOIN rounds r ON r.id = ps.round_id
     WHERE EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = ps.benchmark_id)
       AND NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = ps.benchmark_id AND bt.track_id = r.track_id)`,
  "a published score points to an assessment of the same benchmark and round": `
    SELECT ps.benchmark_id FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id
     WHERE a.benchmark_id <> ps.benchmark_id OR a.round_id <> ps.round_id`,
  "an agreed score is what every latest assessment says": `
    SELECT ps.benchmark_id, ps.round_id FROM published_scores ps
     WHERE ps.basis = 'agreement' AND EXISTS (
       SELECT 1 FROM assessments a WHERE a.benchmark_id = ps.benchmark_id AND a.round_id = ps.round_id AND a.status <> ps.status
         AND a.id = (SELECT MAX(id) FROM assessments x WHERE x.benchmark_id = a.benchmark_id AND x.round_id = a.round_id AND x.reviewer_id = a.reviewer_id))`,
};

export async function integrityViolations(db: Executor): Promise<Record<string, number>> {
  const violations: Record<string, number> = {};
  for (const [rule, sql] of Object.entries(INTEGRITY_RULES)) violations[rule] = (await rawAll(db, sql)).length;
  return violations;
}

/** Applicable benchmark × published round pairs (in the benchmark's window and scope) that have no published score. */
export async function unscoredApplicablePairs(db: Executor): Promise<number> {
  return rawCount(
    db,
    `SELECT COUNT(*) AS n FROM benchmarks b JOIN rounds f ON f.id = b.applies_from_round_id JOIN rounds r ON r.start_date >= f.start_date
          WHERE r.published_at IS NOT NULL AND (b.retired_on IS NULL OR r.start_date < b.retired_on)
            AND (NOT EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id)
                 OR EXISTS (SELECT 1 FROM benchmark_tracks bt WHERE bt.benchmark_id = b.id AND bt.track_id = r.track_id))
            AND NOT EXISTS (SELECT 1 FROM published_scores ps WHERE ps.benchmark_id = b.id AND ps.round_id = r.id)`,
  );
}
