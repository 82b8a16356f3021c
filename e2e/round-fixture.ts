// A round of the UN Human Rights Council track that the demo reviewers have already scored, planted in
// the server's database (SQLite or PostgreSQL, through db/) for tests of the editor's side of a round:
// agreement, rulings and publishing. The review form that makes such scores is tested in workflow.spec.ts.
import { rawInsert, rawRun } from "../db/testing/raw-sql";
import type { Status } from "../lib/domain";
import { detectTextLang } from "../lib/localized";
import { writeRows } from "./test-database";

export interface PlantedScore {
  benchmark: string;
  reviewer: "demo-reviewer-a" | "demo-reviewer-b";
  status: Status;
  rationale: string;
  /** Evidence links, as [url, title]. */
  links?: Array<[string, string]>;
}

/** Adds the round (unpublished) and its reviewers' assessments in one transaction; answers the round's id. */
export function plantScoredRound(file: string, round: { slug: string; name: string; startDate: string }, scores: readonly PlantedScore[]): Promise<number> {
  return writeRows(file, async (db) => {
    const roundId = await rawInsert(
      db,
      "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) SELECT ?, id, ?, ?, 'day' FROM tracks WHERE slug = 'un-hrc'",
      round.slug,
      round.name,
      round.startDate,
    );
    for (const score of scores) {
      const id = await rawInsert(
        db,
        // The rationale's language recorded as the review form records it.
        "INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale, rationale_lang) SELECT id, ?, ?, ?, ?, ? FROM benchmarks WHERE slug = ?",
        roundId,
        score.reviewer,
        score.status,
        score.rationale,
        detectTextLang(score.rationale),
        score.benchmark,
      );
      for (const [url, title] of score.links ?? []) await rawRun(db, "INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)", id, url, title);
    }
    return roundId;
  });
}
