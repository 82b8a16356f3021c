import "server-only";
// A record's history as its audit entries tell it, and the version a form was opened at. Every
// change to a record writes one audit entry (db/commands/audit.ts), so the newest entry's id is the
// record's version: an edit form sends the version it was opened at, and a newer entry means someone
// else changed the record meanwhile (db/commands/record-edits.ts refuses the edit).
import { and, desc, eq, inArray, max } from "drizzle-orm";
import { changedFields, type EditableEntity, type FieldChange } from "@/lib/record-changes";
import { auditLog, users } from "../schema";
import type { Executor } from "../transaction";
import { firstRow } from "../dialect";

export type { EditableEntity };

export interface RecordRef {
  entity: EditableEntity;
  id: number;
}

export interface RecordVersion {
  /** The newest audit entry's id, 0 for a record no one has changed since it was loaded (the seed). */
  version: number;
  at: string | null;
  byName: string | null;
}

export async function getRecordVersion(db: Executor, record: RecordRef): Promise<RecordVersion> {
  const latest = await firstRow(db
    .select({ id: auditLog.id, at: auditLog.at, byName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, record.entity), eq(auditLog.entityId, String(record.id))))
    .orderBy(desc(auditLog.id))
    .limit(1));
  return { version: latest?.id ?? 0, at: latest?.at ?? null, byName: latest?.byName ?? null };
}

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  byName: string | null;
  /** Field by field for an edit; every field given for a creation (before is null). */
  changes: FieldChange[];
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Newest first: who changed what and when. Workspace only: entries hold unpublished and confidential values. */
export async function listRecordHistory(db: Executor, record: RecordRef, limit = 100): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, byName: users.name, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, record.entity), eq(auditLog.entityId, String(record.id))))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((row) => {
    const before = asRecord(row.before);
    const after = asRecord(row.after);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const complete = Object.fromEntries(fields.map((f) => [f, after[f] ?? null]));
    return { id: row.id, at: row.at, action: row.action, byName: row.byName, changes: changedFields(before, complete) };
  });
}

/** The action an edit records when it changed the public text of a published record: what "corrected on" reads. */
export const correctionAction = (entity: EditableEntity) => `${entity}.correct`;

/**
 * When the public text of a published record last changed, as an ISO timestamp, or null. Public pages
 * show the date only; the entry itself (who, what before) stays in the workspace.
 */
export async function getCorrectedOn(db: Executor, record: RecordRef): Promise<string | null> {
  return (await listCorrectedOn(db, record.entity, [record.id])).get(record.id) ?? null;
}

export async function listCorrectedOn(db: Executor, entity: EditableEntity, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ entityId: auditLog.entityId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), inArray(auditLog.entityId, ids.map(String)), eq(auditLog.action, correctionAction(entity))))
    .groupBy(auditLog.entityId);
  return new Map(rows.filter((r) => r.at).map((r) => [Number(r.entityId), r.at!]));
}
