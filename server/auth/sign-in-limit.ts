// Sign-in attempts, limited before any password is checked. Three kinds of bucket, all per minute:
// - per account (the email tried), always, so no number of clients can guess one account's password fast;
// - per client address, when TRUST_PROXY says which address that is;
// - one shared bucket for every client whose address is not known (TRUST_PROXY off), so rotating a
//   client-sent X-Forwarded-For buys no new attempts.
// The price: anyone who knows an account's email can use up its budget, and with TRUST_PROXY off anyone
// can use up the shared one, and then the rightful user waits for the minute to pass too. That is the
// trade for making guessing slow; behind a proxy, TRUST_PROXY replaces the shared bucket with per-address
// ones. Counts live in the database (db/commands/rate-limits.ts): every app instance counts against the
// same limits, and a restart gives no one fresh attempts.
import { attemptInWindows, type WindowCheck } from "@/db/commands/rate-limits";
import type { Executor } from "@/db/transaction";

export interface SignInLimits {
  /** Per account and per known client address. */
  perKey: number;
  /** All clients together whose address is not known. */
  shared: number;
  windowMs: number;
}

export type SignInDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "account" | "address" | "shared" };

export class SignInLimiter {
  constructor(
    private readonly db: Executor,
    private readonly limits: SignInLimits,
  ) {}

  /** Counts the attempt only if every bucket it falls in has room, so a refused attempt costs nothing. */
  async attempt(account: string | null, address: string | null, now = Date.now()): Promise<SignInDecision> {
    const { perKey, shared, windowMs } = this.limits;
    const checks: Array<WindowCheck & { reason: "account" | "address" | "shared" }> = [
      ...(account ? [{ bucket: "sign-in-account", key: account, max: perKey, windowMs, reason: "account" as const }] : []),
      address ? { bucket: "sign-in-address", key: address, max: perKey, windowMs, reason: "address" as const } : { bucket: "sign-in-shared", key: "*", max: shared, windowMs, reason: "shared" as const },
    ];
    const decision = await attemptInWindows(this.db, checks, now);
    return decision.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: decision.retryAfterSeconds, reason: checks[decision.refusedBy]!.reason };
  }
}

/** One limit of its own (password changes, two-factor confirmations): seconds to wait, or 0 when this attempt was counted. */
export async function attemptWithin(db: Executor, check: WindowCheck, now = Date.now()): Promise<number> {
  const decision = await attemptInWindows(db, [check], now);
  return decision.allowed ? 0 : decision.retryAfterSeconds;
}

/** The account an attempt is for: the email as better-auth compares it (trimmed, lower case). */
export function accountKey(email: unknown): string | null {
  if (typeof email !== "string") return null;
  const key = email.trim().toLowerCase();
  return key && key.length <= 320 ? key : null;
}
