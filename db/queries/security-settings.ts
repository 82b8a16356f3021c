// No "server-only" marker: the user:disable-2fa command reads the setting outside the app too.
import { eq } from "drizzle-orm";
import type { Executor } from "../transaction";
import { securitySettings, users } from "../schema";
import { firstRow } from "../dialect";

export interface SecuritySettings {
  /** Every account must have two-factor sign-in; one without it may only enrol. */
  requireTwoFactor: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export async function getSecuritySettings(db: Executor): Promise<SecuritySettings> {
  const row = await firstRow(db
    .select({ requireTwoFactor: securitySettings.requireTwoFactor, updatedAt: securitySettings.updatedAt, updatedByName: users.name })
    .from(securitySettings)
    .leftJoin(users, eq(users.id, securitySettings.updatedBy))
    .where(eq(securitySettings.id, 1))
    .limit(1));
  return row ?? { requireTwoFactor: false, updatedAt: null, updatedByName: null };
}
