// Reviewers' assessments and their evidence, editors' rulings, and the scores and evidence published from them.
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CONTENT_LANGS, PUBLISHED_BASES, STATUSES } from "@/lib/domain";
import { statusIn, timestamp } from "./columns";
import { users } from "./auth";
import { benchmarks, rounds } from "./reference";

/** One reviewer's score of one benchmark at one round. Append-only: a change is a new row. */
export const assessments = sqliteTable(
  "assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: STATUSES }).notNull(),
    rationale: text("rationale").notNull(),
    /** The language the rationale is written in, detected from its text when saved (lib/localized.ts detectTextLang). */
    rationaleLang: text("rationale_lang", { enum: CONTENT_LANGS }).notNull().default("en"),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    /**
     * The reviewer says the rationale rests on public record (a release, a sentence, a law adopted),
     * not on their own judgement. Public pages show it with the evidence that backs it, or with a
     * "to be verified" note where the assessment has none.
     */
    publicRecord: integer("public_record", { mode: "boolean" }).notNull().default(false),
    /**
     * An editor's own ruling on a disagreement, written as an assessment so that a published score
     * always shows an assessment's rationale and evidence. Reviewers' lists and agreement leave it out.
     */
    isRuling: integer("is_ruling", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp("created_at"),
  },
  (t) => [
    check("assessments_status_check", statusIn(t.status)),
    index("assessments_round_benchmark_idx").on(t.roundId, t.benchmarkId, t.reviewerId, t.id),
    index("assessments_reviewer_idx").on(t.reviewerId, t.roundId),
  ],
);

export const evidenceLinks = sqliteTable(
  "evidence_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publishedOn: text("published_on"),
  },
  (t) => [index("evidence_links_assessment_idx").on(t.assessmentId)],
);

/**
 * An editor's ruling where reviewers disagree: which assessment stands, a reviewer's or the editor's
 * own (an assessment marked isRuling). Rulings are appended, never changed; the latest one for a
 * benchmark at a round counts when the round is published, and the earlier ones are its history.
 */
export const editorDecisions = sqliteTable(
  "editor_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull().default(""),
    decidedAt: timestamp("decided_at"),
  },
  (t) => [index("editor_decisions_round_benchmark_idx").on(t.roundId, t.benchmarkId, t.id)],
);

/** What the public sees for a benchmark at a round, with the assessment whose rationale it shows. */
export const publishedScores = sqliteTable(
  "published_scores",
  {
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    status: text("status", { enum: STATUSES }).notNull(),
    basis: text("basis", { enum: PUBLISHED_BASES }).notNull(),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: text("decided_at").notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    check("published_scores_status_check", statusIn(t.status)),
    primaryKey({ columns: [t.benchmarkId, t.roundId] }),
    index("published_scores_round_status_idx").on(t.roundId, t.status),
    // Covers "every score of a round" (tallies, comparisons between two rounds) without touching the table.
    index("published_scores_round_benchmark_status_idx").on(t.roundId, t.benchmarkId, t.status),
    // Status counts of a round and its benchmarks with one status, from the index alone.
    index("published_scores_round_status_benchmark_idx").on(t.roundId, t.status, t.benchmarkId),
    // Whether a round has demo scores: tiny when there are none, which is what a slow scan would look for.
    index("published_scores_demo_round_idx").on(t.roundId).where(sql`is_demo = 1`),
  ],
);

/**
 * The evidence the public sees with a published score: the links of every assessment it rests on
 * (both agreeing reviewers', or the one an editor's ruling chose), each address once, in order.
 * Written when the round is published, so a reviewer's later change never reaches the public.
 */
export const publishedEvidence = sqliteTable(
  "published_evidence",
  {
    benchmarkId: integer("benchmark_id").notNull(),
    roundId: integer("round_id").notNull(),
    position: integer("position").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publishedOn: text("published_on"),
  },
  (t) => [
    primaryKey({ columns: [t.benchmarkId, t.roundId, t.position] }),
    foreignKey({ columns: [t.benchmarkId, t.roundId], foreignColumns: [publishedScores.benchmarkId, publishedScores.roundId] }).onDelete("cascade"),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type PublishedScore = typeof publishedScores.$inferSelect;
