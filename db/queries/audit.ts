import "server-only";
import { desc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditLog, users } from "../schema";
import { eq } from "drizzle-orm";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** One line of the audit trail: who changed what, with the row before and after. Write it in the change's transaction. */
export function recordAudit(
  tx: Tx | Db,
  entry: { userId: string | null; action: string; entity: string; entityId: string | number; before?: unknown; after?: unknown },
): void {
  tx.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export function listAuditEntries(limit = 200, db: Db = getDb()) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userName: users.name,
      userEmail: users.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

export type { Tx };
