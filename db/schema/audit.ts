// What editors did: the audit log and their reviews of public texts that name a confidential item.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";
import { users } from "./auth";

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
