// The whole domain in one schema: tables, relations and inferred types.
// Dates are ISO strings ("2015-08-13", or the first day of the month/year with a precision column);
// timestamps are ISO date-times. Text enums are checked by zod at the boundaries (lib/domain.ts).
import { relations, sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ADDRESSEES,
  DATE_PRECISIONS,
  ORGANISATION_KINDS,
  PUBLISHED_BASES,
  REVIEW_STATES,
  ROLES,
  STATEMENT_KINDS,
  STATUSES,
  SUBJECT_EVENT_KINDS,
  SUBJECT_KINDS,
} from "@/lib/domain";

const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * An editor's check of what a reviewer added. New rows are drafts unless the code that adds them
 * says otherwise, so a forgotten path hides data instead of publishing it; migration 0004 approved
 * every row that existed before.
 */
const reviewColumns = () => ({
  reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("draft"),
  createdBy: text("created_by").references((): AnySQLiteColumn => users.id),
  reviewedBy: text("reviewed_by").references((): AnySQLiteColumn => users.id),
  reviewedAt: text("reviewed_at"),
  /** The editor's reason for a rejection (or what a draft was merged into), shown to the reviewer. */
  reviewNote: text("review_note"),
});

/** The status scale is the heart of the data: the database itself refuses any other value. */
const statusIn = (column: AnySQLiteColumn) =>
  sql`${column} IN (${sql.join(
    STATUSES.map((s) => sql.raw(`'${s}'`)),
    sql`, `,
  )})`;

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

export const statements = sqliteTable(
  "statements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    kind: text("kind", { enum: STATEMENT_KINDS }).notNull(),
    date: text("date").notNull(),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
    language: text("language").notNull(),
    sourceUrl: text("source_url"),
    summary: text("summary").notNull().default(""),
    /** Optional full text pasted by a user (never seeded from the source documents). */
    fullText: text("full_text"),
    roundId: integer("round_id").references(() => rounds.id),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
    createdAt: timestamp("created_at"),
    /** Hidden from the public by an editor because it names a confidential item (see redactions). */
    withheld: integer("withheld", { mode: "boolean" }).notNull().default(false),
    ...reviewColumns(),
  },
  (t) => [
    index("statements_round_idx").on(t.roundId),
    index("statements_date_idx").on(t.date),
    // The public list walks approved statements not hidden, in date order, and counts them from this index alone.
    index("statements_public_date_idx").on(t.reviewState, t.withheld, t.date, t.id),
  ],
);

export const statementPublishers = sqliteTable(
  "statement_publishers",
  {
    statementId: integer("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.organisationId] })],
);

export const statementSignatories = sqliteTable(
  "statement_signatories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    statementId: integer("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    role: text("role"),
    organisationId: integer("organisation_id").references(() => organisations.id),
  },
  (t) => [uniqueIndex("statement_signatories_position_idx").on(t.statementId, t.position)],
);

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
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

export const benchmarkSources = sqliteTable(
  "benchmark_sources",
  {
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    statementId: integer("statement_id")
      .notNull()
      .references(() => statements.id),
    /** The demand as that statement made it, in the user's own words. */
    demand: text("demand").notNull(),
    /** Hidden from the public by an editor because it names a confidential item (see redactions). */
    withheld: integer("withheld", { mode: "boolean" }).notNull().default(false),
    /**
     * The extractor's candidate this link was confirmed from (lib/extract/candidate-key.ts): unique
     * per statement, so confirming the same candidate twice finds the first link instead of adding one.
     */
    candidateKey: text("candidate_key"),
    ...reviewColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.benchmarkId, t.statementId] }),
    index("benchmark_sources_statement_idx").on(t.statementId),
    uniqueIndex("benchmark_sources_candidate_idx").on(t.statementId, t.candidateKey),
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

export const subjects = sqliteTable(
  "subjects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: SUBJECT_KINDS }).notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    role: text("role"),
    article: text("article"),
    description: text("description").notNull().default(""),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    /** Other names and spellings, one per line: withheld from public texts with the name while confidential. */
    aliases: text("aliases").notNull().default(""),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
  },
  (t) => [
    index("subjects_kind_idx").on(t.kind),
    index("subjects_confidential_idx").on(t.id).where(sql`confidential = 1`),
    // The people and law indexes page through public subjects in name order.
    index("subjects_kind_name_idx").on(t.kind, t.confidential, t.name),
  ],
);

export const subjectEvents = sqliteTable(
  "subject_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUBJECT_EVENT_KINDS }).notNull(),
    occurredOn: text("occurred_on").notNull(),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
    description: text("description").notNull(),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
    sourceUrl: text("source_url"),
    /** Hidden from the public by an editor because it names a confidential item (see redactions). */
    withheld: integer("withheld", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("subject_events_subject_idx").on(t.subjectId, t.occurredOn)],
);

export const benchmarkSubjects = sqliteTable(
  "benchmark_subjects",
  {
    benchmarkId: integer("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id),
  },
  (t) => [
    primaryKey({ columns: [t.benchmarkId, t.subjectId] }),
    index("benchmark_subjects_subject_idx").on(t.subjectId),
  ],
);

/** People who sign in. The columns follow better-auth's user model; role and isDemo are ours. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ROLES }).notNull().default("reviewer"),
  /** Demo accounts come with the seed and have no password: they cannot sign in. */
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Credentials; the password column holds better-auth's scrypt hash, never a password. */
export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

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
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
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
    applicable: integer("applicable").notNull(),
    met: integer("met").notNull(),
    partial: integer("partial").notNull(),
    notMet: integer("not_met").notNull(),
    regressed: integer("regressed").notNull(),
    unknown: integer("unknown").notNull(),
    demo: integer("demo").notNull(),
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

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: timestamp("at"),
    userId: text("user_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/**
 * An editor's review of a public text that names a confidential item: the name stays withheld
 * ("redact": public surfaces always withhold it; this records that someone looked) or the record is
 * hidden ("hide": its `withheld` flag, or a benchmark's confidentiality). The text's hash at the time
 * tells a text edited since from one already reviewed. Workspace-only: no public page reads it.
 */
export const redactions = sqliteTable(
  "redactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** statement, signatory, benchmark_source, subject_event, benchmark, subject, score, evidence. */
    recordKind: text("record_kind").notNull(),
    /** The record's id ("benchmarkId:statementId" for a benchmark source). */
    recordId: text("record_id").notNull(),
    field: text("field").notNull(),
    decision: text("decision", { enum: ["redact", "hide"] }).notNull(),
    textHash: text("text_hash").notNull(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at"),
  },
  (t) => [uniqueIndex("redactions_record_field_idx").on(t.recordKind, t.recordId, t.field)],
);

export const tracksRelations = relations(tracks, ({ many }) => ({ rounds: many(rounds) }));

export const roundsRelations = relations(rounds, ({ one, many }) => ({
  track: one(tracks, { fields: [rounds.trackId], references: [tracks.id] }),
  publishedScores: many(publishedScores),
}));

export const statementsRelations = relations(statements, ({ one, many }) => ({
  round: one(rounds, { fields: [statements.roundId], references: [rounds.id] }),
  publishers: many(statementPublishers),
  signatories: many(statementSignatories),
  benchmarkSources: many(benchmarkSources),
}));

export const benchmarksRelations = relations(benchmarks, ({ one, many }) => ({
  category: one(categories, { fields: [benchmarks.categoryId], references: [categories.id] }),
  appliesFrom: one(rounds, { fields: [benchmarks.appliesFromRoundId], references: [rounds.id] }),
  scope: many(benchmarkTracks),
  sources: many(benchmarkSources),
  subjects: many(benchmarkSubjects),
  assessments: many(assessments),
  publishedScores: many(publishedScores),
}));

export const benchmarkTracksRelations = relations(benchmarkTracks, ({ one }) => ({
  benchmark: one(benchmarks, { fields: [benchmarkTracks.benchmarkId], references: [benchmarks.id] }),
  track: one(tracks, { fields: [benchmarkTracks.trackId], references: [tracks.id] }),
}));

export const benchmarkSourcesRelations = relations(benchmarkSources, ({ one }) => ({
  benchmark: one(benchmarks, { fields: [benchmarkSources.benchmarkId], references: [benchmarks.id] }),
  statement: one(statements, { fields: [benchmarkSources.statementId], references: [statements.id] }),
}));

export const subjectsRelations = relations(subjects, ({ many }) => ({
  events: many(subjectEvents),
  benchmarks: many(benchmarkSubjects),
}));

export const assessmentsRelations = relations(assessments, ({ one, many }) => ({
  benchmark: one(benchmarks, { fields: [assessments.benchmarkId], references: [benchmarks.id] }),
  round: one(rounds, { fields: [assessments.roundId], references: [rounds.id] }),
  reviewer: one(users, { fields: [assessments.reviewerId], references: [users.id] }),
  evidence: many(evidenceLinks),
}));

export type Track = typeof tracks.$inferSelect;
export type Round = typeof rounds.$inferSelect;
export type Statement = typeof statements.$inferSelect;
export type Benchmark = typeof benchmarks.$inferSelect;
export type Subject = typeof subjects.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type PublishedScore = typeof publishedScores.$inferSelect;
export type User = typeof users.$inferSelect;
