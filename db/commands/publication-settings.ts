import "server-only";
import { recordAudit } from "./audit";
import { getPublicationSettings } from "../queries/publication-settings";
import { publicationSettings } from "../schema";
import { transaction, type Executor } from "../transaction";

/**
 * An editor sets the coverage below which published rounds are preliminary. The row's triggers
 * raise the data version, so every public page and the stored comparisons follow at once.
 */
export async function setMinCoveragePercent(db: Executor, percent: number, editorId: string): Promise<{ before: number; after: number }> {
  return transaction(db, async (tx) => {
    const { minCoveragePercent: before } = await getPublicationSettings(tx);
    const values = { minCoveragePercent: percent, updatedAt: new Date().toISOString(), updatedBy: editorId };
    await tx
      .insert(publicationSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: publicationSettings.id, set: values });
    await recordAudit(tx, { userId: editorId, action: "settings.min_coverage", entity: "publication_settings", entityId: "min_coverage_percent", before: { minCoveragePercent: before }, after: { minCoveragePercent: percent } });
    return { before, after: percent };
  });
}
