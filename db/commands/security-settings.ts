import "server-only";
import { recordAudit } from "./audit";
import { getSecuritySettings } from "../queries/security-settings";
import { securitySettings } from "../schema";
import { transaction, type Executor } from "../transaction";

/**
 * An editor requires (or stops requiring) two-factor sign-in for every account. It changes no public output,
 * so it lives apart from publication_settings and its data-version triggers. Takes effect on each account's next request.
 */
export async function setTwoFactorRequired(db: Executor, required: boolean, editorId: string): Promise<{ before: boolean; after: boolean }> {
  return transaction(db, async (tx) => {
    const { requireTwoFactor: before } = await getSecuritySettings(tx);
    const values = { requireTwoFactor: required, updatedAt: new Date().toISOString(), updatedBy: editorId };
    await tx
      .insert(securitySettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: securitySettings.id, set: values });
    await recordAudit(tx, { userId: editorId, action: "settings.require_two_factor", entity: "security_settings", entityId: "require_two_factor", before: { requireTwoFactor: before }, after: { requireTwoFactor: required } });
    return { before, after: required };
  });
}
