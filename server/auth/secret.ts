// better-auth refuses to run in production without a secret. Take it from BETTER_AUTH_SECRET, or, on
// SQLite, generate one on first start and keep it beside the database, so `npm start` needs no setup.
// On PostgreSQL (DATABASE_URL) it must be given: every instance on the database has to sign sessions
// with the same secret (a session begun on one is valid on the others), and it is not kept in the
// database, because it encrypts the two-factor secrets stored there: a backup of the database alone
// must hold neither (README, Two-factor sign-in).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "@/lib/env";

export const SHARED_SECRET_NEEDED =
  "BETTER_AUTH_SECRET is needed with DATABASE_URL: every app instance on the database must use the same secret (32+ characters, e.g. `openssl rand -base64 48`), and it is kept out of the database. Moving from SQLite, use the one in data/auth-secret, or enrolled authenticators become unreadable.";

export function authSecret(databaseFile: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  if (databaseUrl(env)) throw new Error(SHARED_SECRET_NEEDED);
  const file = path.join(path.dirname(databaseFile), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  return secret;
}
