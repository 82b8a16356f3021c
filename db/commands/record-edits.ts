// The two steps every correction of a record shares: refuse it when the record changed after the
// form was opened (as a stale score is refused), and write one audit entry with what changed, before
// and after. A command that edits a record calls both inside its transaction:
//
//   await transaction(db, async (tx) => {
//     await assertUnchangedSince(tx, { entity: "track", id }, input.version);
//     … update …
//     await recordEdit(tx, { userId, record: { entity: "track", id }, before, after, publicFields: ["name"], published: true });
//   });
import { changedFields, changeSides, type FieldChange } from "@/lib/record-changes";
import { correctionAction, getRecordVersion, type EditableEntity, type RecordRef } from "../queries/record-history";
import { recordAudit } from "./audit";
import type { Executor } from "../transaction";

/** Someone changed the record after the form was opened: nothing was written. The message is for the form. */
export class EditConflictError extends Error {
  constructor(
    readonly changedBy: string | null,
    readonly changedAt: string | null,
  ) {
    const who = changedBy ?? "Someone";
    const when = changedAt ? ` on ${changedAt.slice(0, 16).replace("T", " ")} UTC` : "";
    super(`${who} changed this record${when}, after you opened this form. Nothing was saved: reload the page to see their change, then make yours again. What you sent is still in the form.`);
  }
}

export async function assertUnchangedSince(tx: Executor, record: RecordRef, openedAtVersion: number): Promise<void> {
  const latest = await getRecordVersion(tx, record);
  if (latest.version !== openedAtVersion) throw new EditConflictError(latest.byName, latest.at);
}

/** The action an ordinary edit records. */
export const updateAction = (entity: EditableEntity) => `${entity}.update`;

export interface RecordEdit {
  userId: string | null;
  record: RecordRef;
  /** The record's editable fields before and after, under the same names (lists as arrays). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The fields a public page shows: changing one of a published record is a correction the page dates. */
  publicFields: readonly string[];
  /** Whether the public could see the record before this edit (approved, not confidential, in a published round where that applies). */
  published: boolean;
}

/**
 * Writes the audit entry of an edit (only the changed fields) and answers what changed; an edit that
 * changed nothing writes nothing and answers []. A published record whose public text changed gets
 * the correction action, which its public page reads as "corrected on".
 */
export async function recordEdit(tx: Executor, edit: RecordEdit): Promise<FieldChange[]> {
  const changes = changedFields(edit.before, edit.after);
  if (changes.length === 0) return [];
  const correction = edit.published && changes.some((c) => edit.publicFields.includes(c.field));
  const { before, after } = changeSides(changes);
  await recordAudit(tx, {
    userId: edit.userId,
    action: correction ? correctionAction(edit.record.entity) : updateAction(edit.record.entity),
    entity: edit.record.entity,
    entityId: edit.record.id,
    before,
    after,
  });
  return changes;
}
