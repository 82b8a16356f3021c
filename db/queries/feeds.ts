import "server-only";
// The published status changes the Atom feeds list: each public benchmark's published status at a
// published round against its own latest published status at an earlier published round, where the two
// differ, newest publication first. Only public benchmarks (public_benchmarks: never a confidential one,
// one about a confidential person or one that applies from an unpublished round) and published rounds;
// titles and rationales pass through the public redactor, so a withheld name stays withheld.
import { sql, type SQL } from "drizzle-orm";
import type { ContentLang, Status } from "@/lib/domain";
import { allRows, oneRow } from "../dialect";
import type { Executor } from "../transaction";
import { getPublicRedactor } from "./public-text";

export type FeedScope = { kind: "all" } | { kind: "track" | "round" | "benchmark"; id: number } | { kind: "subject"; id: number };

export interface StatusChange {
  roundSlug: string;
  roundName: string;
  roundNameZh: string | null;
  trackName: string;
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkTitleZh: string | null;
  fromStatus: Status;
  fromRoundName: string;
  fromRoundNameZh: string | null;
  toStatus: Status;
  rationale: string;
  /** The language the rationale is written in (it is never translated). */
  rationaleLang: ContentLang;
  isDemo: boolean;
  publishedAt: string;
}

/** The most entries a feed holds: enough for a publication of a few hundred changes, never the whole history. */
export const FEED_ENTRIES = 200;

function scopeCondition(scope: FeedScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`1 = 1`;
    case "track":
      return sql`r.track_id = ${scope.id}`;
    case "round":
      return sql`r.id = ${scope.id}`;
    case "benchmark":
      return sql`ps.benchmark_id = ${scope.id}`;
    case "subject":
      return sql`ps.benchmark_id IN (SELECT benchmark_id FROM benchmark_subjects WHERE subject_id = ${scope.id})`;
  }
}

export async function listStatusChanges(db: Executor, scope: FeedScope, limit = FEED_ENTRIES): Promise<StatusChange[]> {
  const rows = await allRows<{
    round_slug: string;
    round_name: string;
    round_name_zh: string | null;
    track_name: string;
    benchmark_slug: string;
    benchmark_title: string;
    benchmark_title_zh: string | null;
    from_status: Status;
    from_round_name: string;
    from_round_name_zh: string | null;
    to_status: Status;
    rationale: string;
    rationale_lang: ContentLang;
    is_demo: number;
    published_at: string;
  }>(db, sql`
    SELECT r.slug AS round_slug, r.name AS round_name, r.name_zh AS round_name_zh, t.name AS track_name, b.slug AS benchmark_slug,
           b.title AS benchmark_title, b.title_zh AS benchmark_title_zh, prev.status AS from_status, prev.round_name AS from_round_name,
           prev.round_name_zh AS from_round_name_zh, ps.status AS to_status, a.rationale AS rationale, a.rationale_lang AS rationale_lang,
           ps.is_demo AS is_demo, r.published_at AS published_at
      FROM published_scores ps
      JOIN public_benchmarks pb ON pb.benchmark_id = ps.benchmark_id
      JOIN benchmarks b ON b.id = ps.benchmark_id
      JOIN rounds r ON r.id = ps.round_id AND r.published_at IS NOT NULL
      JOIN tracks t ON t.id = r.track_id
      JOIN assessments a ON a.id = ps.assessment_id
      JOIN (SELECT ps2.benchmark_id, ps2.status, r2.name AS round_name, r2.name_zh AS round_name_zh, r2.start_date, r2.id AS round_id
              FROM published_scores ps2 JOIN rounds r2 ON r2.id = ps2.round_id AND r2.published_at IS NOT NULL) prev
        ON prev.benchmark_id = ps.benchmark_id
       AND (prev.start_date, prev.round_id) = (
             SELECT r3.start_date, r3.id FROM published_scores ps3 JOIN rounds r3 ON r3.id = ps3.round_id AND r3.published_at IS NOT NULL
              WHERE ps3.benchmark_id = ps.benchmark_id AND (r3.start_date < r.start_date OR (r3.start_date = r.start_date AND r3.id < r.id))
              ORDER BY r3.start_date DESC, r3.id DESC LIMIT 1)
     WHERE prev.status <> ps.status AND ${scopeCondition(scope)}
     ORDER BY r.published_at DESC, r.start_date DESC, b.title, b.id
     LIMIT ${limit}`);
  const redactor = await getPublicRedactor(db);
  return rows.map((row) => ({
    roundSlug: row.round_slug,
    roundName: row.round_name,
    roundNameZh: row.round_name_zh,
    trackName: row.track_name,
    benchmarkSlug: row.benchmark_slug,
    benchmarkTitle: redactor.text(row.benchmark_title),
    benchmarkTitleZh: redactor.text(row.benchmark_title_zh),
    fromStatus: row.from_status,
    fromRoundName: row.from_round_name,
    fromRoundNameZh: row.from_round_name_zh,
    toStatus: row.to_status,
    rationale: redactor.text(row.rationale),
    rationaleLang: row.rationale_lang,
    isDemo: Boolean(row.is_demo),
    publishedAt: row.published_at,
  }));
}

/** A track by its address; tracks are public as soon as they exist (their rounds are not). */
export async function getTrackBySlug(db: Executor, slug: string): Promise<{ id: number; name: string; nameZh: string | null } | undefined> {
  return oneRow<{ id: number; name: string; nameZh: string | null }>(db, sql`SELECT id, name, name_zh AS nameZh FROM tracks WHERE slug = ${slug}`);
}
