// better-auth refuses to run in production without a secret. Take it from BETTER_AUTH_SECRET, or
// generate one on first start and keep it beside the database, so `npm start` needs no setup.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function authSecret(databaseFile: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  const file = path.join(path.dirname(databaseFile), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  return secret;
}
