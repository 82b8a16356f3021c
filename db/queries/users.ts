import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { users } from "../schema";

/** People who can score: every real (non-demo) account, editors included. Never the password or session data. */
export function listActiveReviewers(db: Db = getDb()) {
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.isDemo, false)).orderBy(asc(users.name)).all();
}

export function listAccounts(db: Db = getDb()) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.isDemo, false)))
    .orderBy(asc(users.role), asc(users.name))
    .all();
}
