// The people and laws benchmarks name, with what happened to them.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS, SUBJECT_KINDS } from "@/lib/domain";
import { benchmarks, sourceDocuments } from "./reference";

export const subjects = sqliteTable(
  "subjects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: SUBJECT_KINDS }).notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    role: text("role"),
    roleZh: text("role_zh"),
    article: text("article"),
    description: text("description").notNull().default(""),
    descriptionZh: text("description_zh"),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    /** Other names and spellings, one per line: withheld from public texts with the name while confidential. */
    aliases: text("aliases").notNull().default(""),
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
    /** Set when an editor merged this person or law into another: it leaves every list, and its old address redirects there. */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => subjects.id),
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
    descriptionZh: text("description_zh"),
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

export type Subject = typeof subjects.$inferSelect;
