import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_MIN_COVERAGE_PERCENT } from "@/lib/scoring";
import type { Executor } from "../transaction";
import { publicationSettings, users } from "../schema";
import { firstRow } from "../dialect";

export interface PublicationSettings {
  /** Below this share of applicable benchmarks judged (0–100), a published round is preliminary. */
  minCoveragePercent: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export async function getPublicationSettings(db: Executor): Promise<PublicationSettings> {
  const row = await firstRow(db
    .select({ minCoveragePercent: publicationSettings.minCoveragePercent, updatedAt: publicationSettings.updatedAt, updatedByName: users.name })
    .from(publicationSettings)
    .leftJoin(users, eq(users.id, publicationSettings.updatedBy))
    .where(eq(publicationSettings.id, 1))
    .limit(1));
  return row ?? { minCoveragePercent: DEFAULT_MIN_COVERAGE_PERCENT, updatedAt: null, updatedByName: null };
}
