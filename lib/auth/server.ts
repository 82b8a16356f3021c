// The one better-auth instance: email + password, scrypt hashes, httpOnly session cookies. Created on
// first use so that building the app never opens the database. Sign-in attempts are limited before they
// get here, by the auth route (lib/auth/auth-route.ts); better-auth's own limiter covers its other paths.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { databaseFile, publicBaseUrl, readEnv, servesHttps } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { authSecret } from "./secret";

function createAuth() {
  const env = readEnv();
  const baseURL = publicBaseUrl(env);
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
      // Limited per account and per address (or in one shared bucket) by the auth route instead.
      customRules: { "/sign-in/email": false },
    },
    advanced: {
      useSecureCookies: servesHttps(env),
      // The auth route sets this header only from an X-Forwarded-For that TRUST_PROXY vouches for and
      // removes any client-sent copy; without it every client shares one bucket per path.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
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
