// Sign-in attempts, limited before any password is checked. Three kinds of bucket, all per minute:
// - per account (the email tried), always, so no number of clients can guess one account's password fast;
// - per client address, when TRUST_PROXY says which address that is;
// - one shared bucket for every client whose address is not known (TRUST_PROXY off), so rotating a
//   client-sent X-Forwarded-For buys no new attempts.
// The price: anyone who knows an account's email can use up its budget, and with TRUST_PROXY off anyone
// can use up the shared one, and then the rightful user waits for the minute to pass too. That is the
// trade for making guessing slow; behind a proxy, TRUST_PROXY replaces the shared bucket with per-address
// ones. Counts live in this process's memory and start again when the server restarts.

export interface SignInLimits {
  /** Per account and per known client address. */
  perKey: number;
  /** All clients together whose address is not known. */
  shared: number;
  windowMs: number;
}

export type SignInDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "account" | "address" | "shared" };

/** A sliding window per key: at most `max` events in any `windowMs`. */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Seconds until `key` may act again, or 0 if it may now. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  /** Drops idle keys; if an attacker still fills the map, the least recently used keys go first. */
  private prune(now: number): void {
    for (const [key, times] of this.events) if (now - times[times.length - 1]! >= this.windowMs) this.events.delete(key);
    for (const key of this.events.keys()) {
      if (this.events.size <= this.maxKeys) break;
      this.events.delete(key);
    }
  }
}

export class SignInLimiter {
  private readonly accounts: SlidingWindow;
  private readonly addresses: SlidingWindow;
  private readonly shared: SlidingWindow;

  constructor(limits: SignInLimits) {
    this.accounts = new SlidingWindow(limits.perKey, limits.windowMs);
    this.addresses = new SlidingWindow(limits.perKey, limits.windowMs);
    this.shared = new SlidingWindow(limits.shared, limits.windowMs);
  }

  /** Counts the attempt only if every bucket it falls in has room, so a refused attempt costs nothing. */
  attempt(account: string | null, address: string | null, now = Date.now()): SignInDecision {
    const checks: Array<[SlidingWindow, string, "account" | "address" | "shared"]> = [
      ...(account ? [[this.accounts, account, "account"] as [SlidingWindow, string, "account"]] : []),
      address ? [this.addresses, address, "address"] : [this.shared, "*", "shared"],
    ];
    for (const [bucket, key, reason] of checks) {
      const wait = bucket.wait(key, now);
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait, reason };
    }
    for (const [bucket, key] of checks) bucket.record(key, now);
    return { allowed: true };
  }
}

/** The account an attempt is for: the email as better-auth compares it (trimmed, lower case). */
export function accountKey(email: unknown): string | null {
  if (typeof email !== "string") return null;
  const key = email.trim().toLowerCase();
  return key && key.length <= 320 ? key : null;
}
