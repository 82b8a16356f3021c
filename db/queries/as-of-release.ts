// The published data as it stood at a release, as tables for FROM or JOIN: the score rows and tally
// rows valid at it and the rounds public then. No "server-only" marker: the release writer
// (db/commands/releases.ts), which start-up and the seed loaders run, counts from them too.
import { and, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { releaseTallies } from "../schema";

/** The published scores as the public saw them at release `n`, as a table for FROM or JOIN. */
export function scoresAsOf(n: number): SQL {
  return sql`(SELECT benchmark_id, round_id, status, basis, assessment_id, is_demo, evidence FROM release_scores
               WHERE valid_from_release <= ${n} AND (valid_to_release IS NULL OR valid_to_release > ${n}))`;
}

/** The ids of the rounds public at release `n`: published by it or an earlier one, and published now. */
export function roundsAsOf(n: number): SQL {
  return sql`(SELECT rr.round_id FROM release_rounds rr JOIN rounds r ON r.id = rr.round_id AND r.published_at IS NOT NULL WHERE rr.release_number <= ${n})`;
}

/** The tally rows (db/schema/releases.ts releaseTallies) holding the figures release `n` published. */
export function talliesValidAt(n: number): SQL {
  return and(lte(releaseTallies.validFromRelease, n), or(isNull(releaseTallies.validToRelease), gt(releaseTallies.validToRelease, n)))!;
}
