// The reference data scores hang on: source documents, tracks and their rounds, organisations,
// categories and benchmarks with their scope.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ADDRESSEES, DATE_PRECISIONS, ORGANISATION_KINDS } from "@/lib/domain";
import { reviewColumns, timestamp } from "./columns";

/** The documents the seed dataset restates; every seeded row can point to one. */
export const sourceDocuments = sqliteTable("source_documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  publishedOn: text("published_on").notNull(),
  datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
  url: text("url"),
  file: text("file"),
});

export const tracks = sqliteTable("tracks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  description: text("description").notNull().default(""),
  // The Chinese text of each field, where an editor wrote one: pages in Chinese fall back to the English (lib/localized.ts).
  nameZh: text("name_zh"),
  shortNameZh: text("short_name_zh"),
  descriptionZh: text("description_zh"),
});

export const rounds = sqliteTable(
  "rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    trackId: integer("track_id")
      .notNull()
      .references(() => tracks.id),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    location: text("location"),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
    dateNote: text("date_note").notNull().default(""),
    scoringDeadline: text("scoring_deadline"),
    /** Set when an editor publishes the round's scores: the public data version. */
    publishedAt: text("published_at"),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
  },
  (t) => [index("rounds_start_date_idx").on(t.startDate), index("rounds_track_idx").on(t.trackId)],
);

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
});

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    nameZh: text("name_zh"),
    descriptionZh: text("description_zh"),
    position: integer("position").notNull().default(0),
  },
  // Lists in category order walk this index, then each category's benchmarks in title order.
  (t) => [index("categories_position_idx").on(t.position)],
);

export const benchmarks = sqliteTable(
  "benchmarks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    addressee: text("addressee", { enum: ADDRESSEES }).notNull(),
    appliesFromRoundId: integer("applies_from_round_id")
      .notNull()
      .references(() => rounds.id),
    retiredOn: text("retired_on"),
    retiredReason: text("retired_reason"),
    /** Confidential benchmarks never reach public pages, the API or exports. */
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at").$onUpdate(() => new Date().toISOString()),
    ...reviewColumns(),
    /** For a merged draft: the existing benchmark its source went to. */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => benchmarks.id),
  },
  (t) => [
    index("benchmarks_category_idx").on(t.categoryId),
    index("benchmarks_applies_from_idx").on(t.appliesFromRoundId),
    // Which benchmarks apply at a round, counted without reading a row.
    index("benchmarks_applicability_idx").on(t.appliesFromRoundId, t.retiredOn),
    // A page of a scorecard or list in category/title order, filtered by applicability,
    // confidentiality and addressee from the index alone, so a page reads only its own rows.
    index("benchmarks_category_title_idx").on(t.categoryId, t.title, t.id, t.appliesFromRoundId, t.retiredOn, t.confidential, t.addressee),
    index("benchmarks_title_idx").on(t.title, t.id, t.appliesFromRoundId, t.retiredOn, t.confidential, t.addressee),
    // The few confidential and retired benchmarks, found without a scan. Partial, so the planner
    // never mistakes an index of a yes/no column for a selective one (queries say `confidential = 1`).
    index("benchmarks_confidential_idx").on(t.id).where(sql`confidential = 1`),
    index("benchmarks_retired_idx").on(t.retiredOn),
    // Drafts, rejected and merged benchmarks: few, hidden like confidential ones (queries say `review_state <> 'approved'`).
    index("benchmarks_unapproved_idx").on(t.id).where(sql`review_state <> 'approved'`),
  ],
);

/**
 * A benchmark's scope: the tracks at whose rounds it is assessed. A benchmark with no rows here is
 * assessed at every track's rounds, tracks added later included; most benchmarks have none, so the
 * applicability test stays one index probe per benchmark (db/queries/benchmark-scope.ts).
 */
export const benchmarkTracks = sqliteTable(
  "benchmark_tracks",
  {
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    trackId: integer("track_id")
      .notNull()
      .references(() => tracks.id),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.trackId] }), index("benchmark_tracks_track_idx").on(t.trackId, t.benchmarkId)],
);

export type Track = typeof tracks.$inferSelect;
export type Round = typeof rounds.$inferSelect;
export type Benchmark = typeof benchmarks.$inferSelect;
