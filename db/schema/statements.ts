// Civil society's statements, who published and signed them, and the demands benchmarks were taken from.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, STATEMENT_KINDS } from "@/lib/domain";
import { reviewColumns, timestamp } from "./columns";
import { benchmarks, organisations, rounds, sourceDocuments } from "./reference";

export const statements = sqliteTable(
  "statements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
    kind: text("kind", { enum: STATEMENT_KINDS }).notNull(),
    date: text("date").notNull(),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
    language: text("language").notNull(),
    sourceUrl: text("source_url"),
    summary: text("summary").notNull().default(""),
    summaryZh: text("summary_zh"),
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
    demandZh: text("demand_zh"),
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

export type Statement = typeof statements.$inferSelect;
