// The one better-auth instance: email + password, scrypt hashes, httpOnly session cookies, sign-in
// rate-limited. Created on first use so that building the app never opens the database.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { databaseFile, readEnv } from "@/lib/env";
import { authSecret } from "./secret";

function createAuth() {
  const env = readEnv();
  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
  return betterAuth({
    appName: "Dialogue Scorecard",
    baseURL,
    secret: authSecret(databaseFile()),
    trustedOrigins: [baseURL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts are made by editors or the user:create command, never by public sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false, defaultValue: "reviewer" },
        isDemo: { type: "boolean", required: false, input: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: {
      useSecureCookies: baseURL.startsWith("https://") || process.env.AUTH_SECURE_COOKIES === "1",
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { scorecardAuth?: Auth };

export function getAuth(): Auth {
  cache.scorecardAuth ??= createAuth();
  return cache.scorecardAuth;
}
