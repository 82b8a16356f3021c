// The one better-auth instance: email + password, scrypt hashes, httpOnly session cookies. Created on
// first use so that building the app never opens the database. Sign-in attempts are limited before they
// get here, by the auth route (server/auth/auth-route.ts), which also lets through only the endpoints the
// app offers; better-auth's own limiter covers those paths too.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins";
import { getDb } from "@/db/client";
import { authAdapterProvider } from "@/db/dialect";
import { accounts, sessions, twoFactors, users, verifications } from "@/db/schema";
import { recordPasswordReset } from "@/db/commands/accounts";
import { capSessionLifetimes } from "@/db/commands/sessions";
import { getAccountForSession } from "@/db/queries/users";
import { TWO_FACTOR_FAILED_ATTEMPTS, TWO_FACTOR_LOCK_SECONDS } from "@/lib/auth/two-factor";
import { databaseFile, publicBaseUrl, readEnv, servesHttps } from "@/lib/env";
import { PASSWORD_LENGTH } from "@/lib/validation/account";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { authSecret } from "./secret";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a password-reset link an editor issued stays usable. */
export const RESET_LINK_LIFETIME_SECONDS = 24 * 60 * 60;

/** What the sign-in form shows a deactivated account (code ACCOUNT_DEACTIVATED). */
export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask an editor to reactivate it.";

/** The latest a session may end: its sign-in plus the absolute lifetime, whatever its use. */
function capped(expiresAt: Date, createdAt: Date, lifetimeMs: number): Date {
  return new Date(Math.min(expiresAt.getTime(), createdAt.getTime() + lifetimeMs));
}

function createAuth() {
  const env = readEnv();
  const baseURL = publicBaseUrl(env);
  const lifetimeMs = env.SESSION_LIFETIME_DAYS * DAY_MS;
  // Sessions begun under a longer lifetime end by this one too, so lowering it takes effect on restart.
  // better-sqlite3 runs the update before the promise returns, so it is done before the first request.
  void capSessionLifetimes(getDb(), lifetimeMs);
  return betterAuth({
    appName: "Dialogue Scorecard",
    baseURL,
    secret: authSecret(databaseFile()),
    trustedOrigins: [baseURL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
    database: drizzleAdapter(getDb(), {
      provider: authAdapterProvider(),
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
    }),
    // Accounts are made by editors or the user:create command, never by public sign-up.
    // Reset links are issued by an editor (server/auth/password-reset.ts), never requested by email here;
    // using one consumes it, sets the password and ends every session of the account.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
      resetPasswordTokenExpiresIn: RESET_LINK_LIFETIME_SECONDS,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => recordPasswordReset(getDb(), user.id),
    },
    // Only a hash of a reset token is stored, so a copy of the database (a backup) holds no usable link.
    verification: { storeIdentifier: { default: "plain", overrides: { "reset-password:": "hashed" } } },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false, defaultValue: "reviewer" },
        isDemo: { type: "boolean", required: false, input: false, defaultValue: false },
      },
    },
    // Idle sessions end after 7 days; use extends them once a day, but never past SESSION_LIFETIME_DAYS after sign-in.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            // Every way into a session passes here, after the password was checked, so a deactivated
            // account is refused with its own message only to someone who knows its password.
            const account = await getAccountForSession(getDb(), session.userId);
            if (account?.deactivatedAt) throw new APIError("FORBIDDEN", { code: "ACCOUNT_DEACTIVATED", message: DEACTIVATED_MESSAGE });
            return { data: { ...session, expiresAt: capped(session.expiresAt, session.createdAt, lifetimeMs) } };
          },
        },
        update: {
          before: async (change, context) => {
            if (!change.expiresAt) return;
            // better-auth extends a session only while reading it, with the session it read in the context.
            const createdAt = context?.context.session?.session.createdAt;
            if (!createdAt) return false;
            return { data: { ...change, expiresAt: capped(change.expiresAt, new Date(createdAt), lifetimeMs) } };
          },
        },
      },
    },
    hooks: {
      // A new password ends every other session, whatever the caller asked for: a thief's session must not outlive it.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/change-password") return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
      }),
    },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 100,
      // Limited per account and per address (or in one shared bucket) by the auth route instead.
      // A code at sign-in counts as a sign-in attempt there too; per account, the two-factor plugin's lockout below.
      customRules: { "/sign-in/email": false, "/two-factor/verify-totp": false, "/two-factor/verify-backup-code": false },
    },
    advanced: {
      useSecureCookies: servesHttps(env),
      // The auth route sets this header only from an X-Forwarded-For that TRUST_PROXY vouches for and
      // removes any client-sent copy; without it every client shares one bucket per path.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [
      // TOTP with backup codes. The secret and the backup codes are stored encrypted with the auth secret.
      // A sign-in with a password then asks for a code (a signed two_factor cookie, 10 minutes, 5 tries);
      // TWO_FACTOR_FAILED_ATTEMPTS wrong codes in a row lock the account's sign-in by code for 10 minutes.
      twoFactor({
        issuer: "Dialogue Scorecard",
        backupCodeOptions: { storeBackupCodes: "encrypted", amount: 10, length: 10 },
        accountLockout: { enabled: true, maxFailedAttempts: TWO_FACTOR_FAILED_ATTEMPTS, durationSeconds: TWO_FACTOR_LOCK_SECONDS },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { scorecardAuth?: Auth };

export function getAuth(): Auth {
  cache.scorecardAuth ??= createAuth();
  return cache.scorecardAuth;
}
