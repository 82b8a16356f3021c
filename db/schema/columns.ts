// Column helpers the tables of several areas share.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, text } from "drizzle-orm/sqlite-core";
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
