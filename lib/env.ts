// Environment read once and validated, so a bad setting fails loudly at start instead of deep in a request.
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/scorecard.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Sign-in attempts allowed per client address per minute. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  /** "off" computes every public answer from the database per request: for measuring, and for debugging the cache. */
  SCORECARD_PUBLIC_CACHE: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = z.flattenError(parsed.error).fieldErrors;
    throw new Error(`Invalid environment: ${JSON.stringify(problems)}`);
  }
  return parsed.data;
}

export function databaseFile(source: Record<string, string | undefined> = process.env): string {
  return path.resolve(readEnv(source).DATABASE_PATH);
}
