// better-auth's tables (user, session, account, verification, twoFactor), named as server/auth/better-auth.ts
// maps them, and the one row of account-security settings.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "@/lib/domain";

/** People who sign in. The columns follow better-auth's user model; role and isDemo are ours. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ROLES }).notNull().default("reviewer"),
  /** Demo accounts come with the seed and have no password: they cannot sign in. */
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  /** Set by an editor (or user:disable): no session may be made for the account while set. Accounts are never deleted, so their history keeps their name. */
  deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  /** Set by better-auth's two-factor plugin once a first authenticator code was confirmed; sign-in then asks for a code. */
  twoFactorEnabled: integer("two_factor_enabled", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Credentials; the password column holds better-auth's scrypt hash, never a password. */
export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/**
 * An account's authenticator (better-auth's twoFactor model). The TOTP secret and the JSON list of unused
 * backup codes are both encrypted by better-auth with the auth secret (XChaCha20-Poly1305), so a copy of the
 * database alone holds neither. `verified` stays false between starting an enrolment and its first code.
 */
export const twoFactors = sqliteTable(
  "two_factors",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    verified: integer("verified", { mode: "boolean" }).default(true),
    /** Consecutive wrong codes at sign-in; at the limit the account is locked until `lockedUntil`. */
    failedVerificationCount: integer("failed_verification_count").default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  },
  (t) => [index("two_factors_user_idx").on(t.userId)],
);

/** One row: how accounts must sign in. While `requireTwoFactor` is on, an account without two-factor sign-in can only enrol. */
export const securitySettings = sqliteTable(
  "security_settings",
  {
    id: integer("id").primaryKey(),
    requireTwoFactor: integer("require_two_factor", { mode: "boolean" }).notNull().default(false),
    updatedAt: text("updated_at"),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [check("security_settings_single_row", sql`${t.id} = 1`)],
);

/**
 * Sign-in attempts, password changes and two-factor confirmations counted in sliding windows
 * (server/auth/sign-in-limit.ts): in the database, so that every app instance counts against the same
 * limits, and a restart does not hand out fresh attempts. Rows older than their window are pruned.
 */
export const rateLimitEvents = sqliteTable(
  "rate_limit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Which limit: "sign-in-account", "sign-in-address", "sign-in-shared", "password-change", "two-factor-confirm". */
    bucket: text("bucket").notNull(),
    /** Whose: an email, a client address, "*" for the shared bucket, an account id. */
    key: text("key").notNull(),
    /** When (stored as milliseconds since the epoch: a bigint on PostgreSQL). */
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("rate_limit_events_bucket_key_at_idx").on(t.bucket, t.key, t.at), index("rate_limit_events_bucket_at_idx").on(t.bucket, t.at)],
);

export type User = typeof users.$inferSelect;
