// Numbered, immutable releases of the published data, and the published scores kept as rows valid
// from one release to another, so that any release can be read again and storage grows with change.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ADDRESSEES, PUBLISHED_BASES, RELEASE_KINDS, STATUSES } from "@/lib/domain";
import { statusIn, tallyFigureColumns } from "./columns";
import { users } from "./auth";
import { rounds } from "./reference";

/**
 * One row per publication: its number (1, 2, …), when and by whom, the editor's note, and its kind
 * (a round published for the first time, a correction of an earlier one, anything else). Triggers of
 * the migration refuse every UPDATE and DELETE: a cited release never changes.
 */
export const releases = sqliteTable(
  "releases",
  {
    number: integer("number").primaryKey(),
    publishedAt: text("published_at").notNull(),
    /** Null for the first release of a database that had published data before releases began. */
    publishedBy: text("published_by").references(() => users.id),
    note: text("note").notNull().default(""),
    kind: text("kind", { enum: RELEASE_KINDS }).notNull(),
  },
  (t) => [check("releases_kind_check", sql`${t.kind} IN ('new-round', 'correction', 'other')`), check("releases_number_positive", sql`${t.number} >= 1`)],
);

/** The rounds a release published: `firstTime` when the round was public for the first time. */
export const releaseRounds = sqliteTable(
  "release_rounds",
  {
    releaseNumber: integer("release_number")
      .notNull()
      .references(() => releases.number),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    firstTime: integer("first_time", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseNumber, t.roundId] }), index("release_rounds_round_idx").on(t.roundId, t.releaseNumber)],
);

/**
 * A published score as the public saw it from release `validFromRelease` up to (not including)
 * `validToRelease`; null: it is still the current one. A release that changes one round adds that
 * round's changed scores and closes the rows they replace; nothing else is written.
 * `evidence`: the public links as JSON (url, title, publishedOn), in order.
 */
export const releaseScores = sqliteTable(
  "release_scores",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // No foreign keys to benchmarks and rounds: a release keeps what it published even if a record is
    // deleted later; every read joins the public tables, so such rows are never shown.
    benchmarkId: integer("benchmark_id").notNull(),
    roundId: integer("round_id").notNull(),
    status: text("status", { enum: STATUSES }).notNull(),
    basis: text("basis", { enum: PUBLISHED_BASES }).notNull(),
    assessmentId: integer("assessment_id").notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    evidence: text("evidence").notNull().default("[]"),
    validFromRelease: integer("valid_from_release")
      .notNull()
      .references(() => releases.number),
    validToRelease: integer("valid_to_release").references(() => releases.number),
  },
  (t) => [
    check("release_scores_status_check", statusIn(t.status)),
    // The rows of one round as of a release, and a benchmark's history.
    index("release_scores_round_benchmark_idx").on(t.roundId, t.benchmarkId, t.validFromRelease),
    index("release_scores_benchmark_idx").on(t.benchmarkId, t.roundId, t.validFromRelease),
    // What a release added (its changelog) and what it closed.
    index("release_scores_from_idx").on(t.validFromRelease),
    index("release_scores_to_idx").on(t.validToRelease),
    // The current rows, which a new release compares with the published scores.
    index("release_scores_open_idx").on(t.roundId, t.benchmarkId).where(sql`valid_to_release IS NULL`),
  ],
);

/**
 * The figures a release published: each published round's tally per category and addressee
 * (public_tallies as it stood at the release), kept as rows valid from one release to another like
 * release_scores, so that the dashboard as of a release reads its figures instead of counting a
 * release's scores again (seconds at 100,000 benchmarks) and storage grows only with the groups whose
 * figures changed. A group that ceased to exist (a round unpublished) is closed, not copied.
 */
export const releaseTallies = sqliteTable(
  "release_tallies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // No foreign keys to rounds and categories, as release_scores: reads join the public tables.
    roundId: integer("round_id").notNull(),
    categoryId: integer("category_id").notNull(),
    addressee: text("addressee", { enum: ADDRESSEES }).notNull(),
    ...tallyFigureColumns(),
    validFromRelease: integer("valid_from_release")
      .notNull()
      .references(() => releases.number),
    validToRelease: integer("valid_to_release").references(() => releases.number),
  },
  (t) => [
    index("release_tallies_round_idx").on(t.roundId, t.validFromRelease),
    index("release_tallies_open_idx").on(t.roundId, t.categoryId, t.addressee).where(sql`valid_to_release IS NULL`),
  ],
);
