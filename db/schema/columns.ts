// Column helpers the tables of several areas share.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, integer, text } from "drizzle-orm/sqlite-core";
import { REVIEW_STATES, STATUSES } from "@/lib/domain";
import { users } from "./auth";

export const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * An editor's check of what a reviewer added. New rows are drafts unless the code that adds them
 * says otherwise, so a forgotten path hides data instead of publishing it; migration 0004 approved
 * every row that existed before.
 */
export const reviewColumns = () => ({
  reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("draft"),
  createdBy: text("created_by").references((): AnySQLiteColumn => users.id),
  reviewedBy: text("reviewed_by").references((): AnySQLiteColumn => users.id),
  reviewedAt: text("reviewed_at"),
  /** The editor's reason for a rejection (or what a draft was merged into), shown to the reviewer. */
  reviewNote: text("review_note"),
});

/** The status scale is the heart of the data: the database itself refuses any other value. */
export const statusIn = (column: AnySQLiteColumn) =>
  sql`${column} IN (${sql.join(
    STATUSES.map((s) => sql.raw(`'${s}'`)),
    sql`, `,
  )})`;

/**
 * A round's tally for one category and addressee: how many benchmarks applied and how many stood at
 * each status. public_tallies holds the current figures, release_tallies each release's; one set of
 * columns keeps the two comparable column for column. (A function: drizzle's column builders belong
 * to one table each.)
 */
export const tallyFigureColumns = () => ({
  applicable: integer("applicable").notNull(),
  met: integer("met").notNull(),
  partial: integer("partial").notNull(),
  notMet: integer("not_met").notNull(),
  regressed: integer("regressed").notNull(),
  unknown: integer("unknown").notNull(),
  demo: integer("demo").notNull(),
});
