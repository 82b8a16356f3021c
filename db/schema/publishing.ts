// How editors publish, the published data's version, and the public tables rebuilt from the published scores.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ADDRESSEES, STATUSES } from "@/lib/domain";
import { users } from "./auth";
import { tallyFigureColumns } from "./columns";
import { benchmarks, categories, rounds } from "./reference";

/**
 * One row: how editors publish. Below `minCoveragePercent` of applicable benchmarks judged, a
 * published round's figures are preliminary: marked so everywhere, and no later round's change is
 * measured against it. It changes public output, so writes raise data_version (migration 0004).
 */
export const publicationSettings = sqliteTable(
  "publication_settings",
  {
    id: integer("id").primaryKey(),
    minCoveragePercent: integer("min_coverage_percent").notNull().default(60),
    updatedAt: text("updated_at"),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [
    check("publication_settings_single_row", sql`${t.id} = 1`),
    check("publication_settings_min_coverage_range", sql`${t.minCoveragePercent} BETWEEN 0 AND 100`),
  ],
);

/**
 * One row: a counter that triggers (migration 0001) raise on every write to a table whose rows the
 * public can see. It is the version of the published data: cached public answers are keyed by it,
 * so a change made by any process (an editor, an import, a restore) is never served stale.
 * `talliesVersion` is the version the published aggregates were last built from. `databaseId`,
 * random at creation, tells databases apart in cache keys (a backup and its restore share it).
 */
export const dataVersion = sqliteTable(
  "data_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull().default(0),
    talliesVersion: integer("tallies_version").notNull().default(-1),
    databaseId: text("database_id")
      .notNull()
      .default(sql`(lower(hex(randomblob(8))))`),
  },
  (t) => [check("data_version_single_row", sql`${t.id} = 1`)],
);

/**
 * The benchmarks the public may see (see isPublicBenchmark), with what the dashboard sorts and
 * filters them by: rebuilt with the tallies, so wide public views need not check confidentiality
 * benchmark by benchmark.
 */
export const publicBenchmarks = sqliteTable(
  "public_benchmarks",
  {
    benchmarkId: integer("benchmark_id")
      .primaryKey()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    categoryId: integer("category_id").notNull(),
    addressee: text("addressee", { enum: ADDRESSEES }).notNull(),
    appliesFromDate: text("applies_from_date").notNull(),
    retiredOn: text("retired_on"),
    title: text("title").notNull(),
    /** The Chinese title where an editor wrote one, stored with the same names withheld as the English. */
    titleZh: text("title_zh"),
  },
  (t) => [
    index("public_benchmarks_order_idx").on(t.categoryId, t.appliesFromDate, t.title, t.benchmarkId),
    index("public_benchmarks_addressee_idx").on(t.addressee, t.categoryId, t.appliesFromDate, t.title, t.benchmarkId),
  ],
);

/**
 * Public benchmarks whose status moved between a published round and the published round before it
 * (in the whole timeline, and within its track): the dashboard's "what changed", kept per data version.
 */
export const publicChanges = sqliteTable(
  "public_changes",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    previousRoundId: integer("previous_round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    /**
     * The round whose status `from_status` is: the benchmark's latest round up to previous_round_id at
     * which it applies — previous_round_id itself unless the benchmark's scope leaves that round out.
     * Always set; nullable only so that migration 0004 could add it to a table that held rows.
     */
    fromRoundId: integer("from_round_id").references(() => rounds.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: ["up", "down"] }).notNull(),
    fromStatus: text("from_status", { enum: STATUSES }).notNull(),
    toStatus: text("to_status", { enum: STATUSES }).notNull(),
    categoryId: integer("category_id").notNull(),
    addressee: text("addressee", { enum: ADDRESSEES }).notNull(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.previousRoundId, t.benchmarkId] }),
    // from_round_id last: the listing and the counts keep only changes from a round in view, from the index alone.
    index("public_changes_listing_idx").on(t.roundId, t.previousRoundId, t.direction, t.title, t.benchmarkId, t.fromRoundId),
  ],
);

/**
 * The published figures, aggregated once per data version: for each published round, category and
 * addressee, how many public benchmarks apply and how many of those carry each status. The
 * dashboard and the API summary add these up instead of counting millions of scores per request.
 */
export const publicTallies = sqliteTable(
  "public_tallies",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    addressee: text("addressee", { enum: ADDRESSEES }).notNull(),
    ...tallyFigureColumns(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.categoryId, t.addressee] })],
);

/**
 * What public writes made stale since the aggregates were last refreshed, recorded by the triggers
 * of db/public-tables.ts: the writer's refresh recounts just these, then empties the table.
 * Kinds: db/public-tables.ts STALE_KINDS.
 */
export const publicStale = sqliteTable(
  "public_stale",
  {
    kind: text("kind").notNull(),
    id: integer("id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);
