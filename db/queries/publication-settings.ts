import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_MIN_COVERAGE_PERCENT } from "@/lib/scoring";
import { getDb, type Db } from "../client";
import { publicationSettings, users } from "../schema";
import { recordAudit } from "../commands/audit";

export interface PublicationSettings {
  /** Below this share of applicable benchmarks judged (0–100), a published round is preliminary. */
  minCoveragePercent: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export function getPublicationSettings(db: Db = getDb()): PublicationSettings {
  const row = db
    .select({ minCoveragePercent: publicationSettings.minCoveragePercent, updatedAt: publicationSettings.updatedAt, updatedByName: users.name })
    .from(publicationSettings)
    .leftJoin(users, eq(users.id, publicationSettings.updatedBy))
    .where(eq(publicationSettings.id, 1))
    .get();
  return row ?? { minCoveragePercent: DEFAULT_MIN_COVERAGE_PERCENT, updatedAt: null, updatedByName: null };
}

/**
 * An editor sets the coverage below which published rounds are preliminary. The row's triggers
 * raise the data version, so every public page and the stored comparisons follow at once.
 */
export function setMinCoveragePercent(percent: number, editorId: string, db: Db = getDb()): { before: number; after: number } {
  return db.transaction(
    (tx) => {
      const before = getPublicationSettings(tx as unknown as Db).minCoveragePercent;
      const values = { minCoveragePercent: percent, updatedAt: new Date().toISOString(), updatedBy: editorId };
      tx.insert(publicationSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: publicationSettings.id, set: values }).run();
      recordAudit(tx, { userId: editorId, action: "settings.min_coverage", entity: "publication_settings", entityId: "min_coverage_percent", before: { minCoveragePercent: before }, after: { minCoveragePercent: percent } });
      return { before, after: percent };
    },
    { behavior: "immediate" },
  );
}
