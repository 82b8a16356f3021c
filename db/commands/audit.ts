// The audit trail's one writer. No "server-only" marker: the command-line import (db/import) writes
// its entry through here too.
import type { Executor } from "../transaction";
import { auditLog } from "../schema";

export interface AuditRecord {
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * One line of the audit trail: who changed what, with the row before and after. Write it on the
 * change's transaction. It needs only `insert`, so a caller still inside a synchronous drizzle
 * transaction can pass that too until it moves to transaction(): the insert runs before the first await.
 */
export async function recordAudit(db: Pick<Executor, "insert">, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    at: new Date().toISOString(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
