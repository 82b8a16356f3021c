// Two-factor sign-in over /api/auth, as an attacker would try it: a right password alone gives no session,
// a code step without the challenge cookie or with a wrong, malformed or oversized code gives none either,
// wrong codes lock the account's sign-in by code, a backup code works once, and enrolling or turning it
// off cannot be done over HTTP at all (only through the account page's guarded server actions).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { totp, wrongTotp } from "@/lib/testing/totp";

vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/two-factor-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
    TRUST_PROXY: "1",
  });
});

const ORIGIN = "http://localhost:3000";
type Handler = (request: Request) => Promise<Response>;
let route: Record<string, Handler>;
let sqlite: import("better-sqlite3").Database;
let auth: import("@/server/auth/better-auth").Auth;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  sqlite = (await import("@/db/client")).getDb().$client;
  auth = (await import("@/server/auth/better-auth")).getAuth();
  route = (await import("./[...all]/route")) as unknown as Record<string, Handler>;
});

let calls = 0;
function call(path: string, { cookie, body, raw, contentType = "application/json" }: { cookie?: string; body?: unknown; raw?: string; contentType?: string } = {}) {
  const address = `10.9.${(++calls >> 8) & 255}.${calls & 255}`;
  const headers: Record<string, string> = { origin: ORIGIN, "x-forwarded-for": address, ...(cookie ? { cookie } : {}) };
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined) headers["content-type"] = contentType;
  return route.POST!(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: text }));
}

/** The cookies a response sets, as a Cookie header (a cookie set empty, i.e. removed, left out). */
function cookiesOf(response: Response, names: string[]): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => names.some((n) => pair.startsWith(`${n}=`)) && !pair.endsWith("="))
    .join("; ");
}
const SESSION = "better-auth.session_token";
const CHALLENGE = "better-auth.two_factor";

let accounts = 0;
/** An account with two-factor sign-in on, enrolled as the account page does it; returns its base32 secret and backup codes. */
async function enrolledAccount() {
  const { createAccount } = await import("@/server/auth/accounts");
  const email = `two-factor-${++accounts}-${Date.now()}@example.org`;
  const password = "a-long-test-password";
  const { id } = await createAccount({ email, password, name: "Tess Two-Factor", role: "reviewer" });
  const signedIn = await call("/sign-in/email", { body: { email, password } });
  const headers = new Headers({ cookie: cookiesOf(signedIn, [SESSION]) });
  const enabled = await auth.api.enableTwoFactor({ headers, body: { password } });
  const secret = new URL((enabled as { totpURI: string }).totpURI).searchParams.get("secret")!;
  await auth.api.verifyTOTP({ headers, body: { code: totp(secret) } });
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: id } });
  return { id, email, password, secret, backupCodes };
}

/** The first step: the right password; returns the challenge cookie the code step needs. */
async function passwordStep(account: { email: string; password: string }): Promise<{ response: Response; challenge: string }> {
  const response = await call("/sign-in/email", { body: { email: account.email, password: account.password } });
  return { response, challenge: cookiesOf(response, [CHALLENGE]) };
}

const sessionsOf = (userId: string) => (sqlite.prepare("SELECT COUNT(*) FROM sessions WHERE user_id = ?").pluck().get(userId) as number);

describe("signing in to an account with two-factor sign-in on", () => {
  it("gives no session for the password alone: it asks for a code and sets only a challenge cookie", async () => {
    const account = await enrolledAccount();
    const sessionsBefore = sessionsOf(account.id);
    const { response, challenge } = await passwordStep(account);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    expect(cookiesOf(response, [SESSION])).toBe("");
    expect(challenge).toMatch(/^better-auth\.two_factor=/);
    expect(sessionsOf(account.id)).toBe(sessionsBefore);
  });

  it("gives a session for the right code from the app, computed from the secret", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    const response = await call("/two-factor/verify-totp", { cookie: challenge, body: { code: totp(account.secret) } });
    expect(response.status).toBe(200);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookiesOf(response, [SESSION]) }) });
    expect(session?.user.id).toBe(account.id);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a wrong code, and a right one without the challenge cookie", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    const wrong = await call("/two-factor/verify-totp", { cookie: challenge, body: { code: wrongTotp(account.secret) } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe("INVALID_CODE");
    expect(cookiesOf(wrong, [SESSION])).toBe("");
    const noChallenge = await call("/two-factor/verify-totp", { body: { code: totp(account.secret) } });
    expect(noChallenge.status).toBe(401);
    expect(cookiesOf(noChallenge, [SESSION])).toBe("");
  });

  it("locks the account's sign-in by code after 5 wrong codes in a row, for 10 minutes, even with a new challenge and the right code", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    for (let i = 0; i < 5; i++) expect((await call("/two-factor/verify-totp", { cookie: challenge, body: { code: wrongTotp(account.secret) } })).status).toBe(401);
    const lockedUntil = sqlite.prepare("SELECT locked_until FROM two_factors WHERE user_id = ?").pluck().get(account.id) as number;
    expect(lockedUntil - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const again = await passwordStep(account);
    const right = await call("/two-factor/verify-totp", { cookie: again.challenge, body: { code: totp(account.secret) } });
    expect(right.status).toBe(429);
    expect((await right.json()).code).toBe("ACCOUNT_TEMPORARILY_LOCKED");
    const backup = await call("/two-factor/verify-backup-code", { cookie: again.challenge, body: { code: account.backupCodes[0] } });
    expect(backup.status).toBe(429);
    expect(cookiesOf(backup, [SESSION])).toBe("");
  });

  it("takes a backup code once: the second use of the same code is refused", async () => {
    const account = await enrolledAccount();
    const code = account.backupCodes[3]!;
    const first = await passwordStep(account);
    const used = await call("/two-factor/verify-backup-code", { cookie: first.challenge, body: { code } });
    expect(used.status).toBe(200);
    expect(cookiesOf(used, [SESSION])).not.toBe("");
    const audit = sqlite.prepare("SELECT action, after FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1").get(account.id) as { action: string; after: string };
    expect(audit.action).toBe("user.backup-code-sign-in");
    expect(audit.after).not.toContain(code);
    const second = await passwordStep(account);
    const reused = await call("/two-factor/verify-backup-code", { cookie: second.challenge, body: { code } });
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe("INVALID_BACKUP_CODE");
    expect(cookiesOf(reused, [SESSION])).toBe("");
  });

  it("refuses a deactivated account at the code step too", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    sqlite.prepare("UPDATE users SET deactivated_at = ? WHERE id = ?").run(Date.now(), account.id);
    const sessionsBefore = sessionsOf(account.id);
    const response = await call("/two-factor/verify-totp", { cookie: challenge, body: { code: totp(account.secret) } });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("ACCOUNT_DEACTIVATED");
    expect(sessionsOf(account.id)).toBe(sessionsBefore);
    expect(cookiesOf(response, [SESSION])).toBe("");
  });
});

describe("the code step's requests", () => {
  it("refuses malformed and oversized bodies, other content types, and asking to trust the device, before better-auth sees them", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    const code = totp(account.secret);
    const cases: Array<[string, Parameters<typeof call>[1], number]> = [
      ["/two-factor/verify-totp", { body: { code, trustDevice: true } }, 400],
      ["/two-factor/verify-backup-code", { body: { code: account.backupCodes[0], disableSession: true } }, 400],
      ["/two-factor/verify-totp", { body: { code: 123456 } }, 400],
      ["/two-factor/verify-totp", { body: { code: "12345" } }, 400],
      ["/two-factor/verify-totp", { body: { code: "1".repeat(40) } }, 400],
      ["/two-factor/verify-backup-code", { body: { code: "not a code at all" } }, 400],
      ["/two-factor/verify-totp", { body: [code] }, 400],
      ["/two-factor/verify-totp", { raw: "{code:" }, 400],
      ["/two-factor/verify-totp", { raw: `code=${code}`, contentType: "application/x-www-form-urlencoded" }, 415],
      ["/two-factor/verify-totp", { raw: JSON.stringify({ code, pad: "x".repeat(70_000) }) }, 413],
    ];
    for (const [path, options, status] of cases) {
      const response = await call(path, { ...options, cookie: challenge });
      expect(response.status, `${path} ${JSON.stringify(options).slice(0, 80)}`).toBe(status);
      expect(cookiesOf(response, [SESSION])).toBe("");
    }
    expect(sqlite.prepare("SELECT failed_verification_count FROM two_factors WHERE user_id = ?").pluck().get(account.id)).toBe(0);
    // The challenge is still good: none of those counted as a try.
    expect((await call("/two-factor/verify-totp", { cookie: challenge, body: { code } })).status).toBe(200);
  });

  it("count as sign-in attempts from their address", async () => {
    const { handleAuthRequest } = await import("@/server/auth/auth-route");
    const request = () => new Request(`${ORIGIN}/api/auth/two-factor/verify-totp`, { method: "POST", headers: { origin: ORIGIN, "x-forwarded-for": "10.99.99.99", "content-type": "application/json" }, body: JSON.stringify({ code: "000000" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 1001; i++) statuses.push((await handleAuthRequest(request())).status);
    // Without a challenge cookie each is refused (401), but counted: the 1001st is over the limit.
    expect(statuses.slice(0, 1000).every((s) => s === 401)).toBe(true);
    expect(statuses[1000]).toBe(429);
  });
});

describe("enrolling and turning off two-factor sign-in over HTTP", () => {
  it("is not offered: enable, disable, get-totp-uri, generate-backup-codes and the OTP endpoints answer 404 and change nothing", async () => {
    const account = await enrolledAccount();
    const { challenge } = await passwordStep(account);
    const signedIn = await call("/two-factor/verify-totp", { cookie: challenge, body: { code: totp(account.secret) } });
    const cookie = cookiesOf(signedIn, [SESSION]);
    const row = () => sqlite.prepare("SELECT secret, backup_codes FROM two_factors WHERE user_id = ?").get(account.id);
    const before = row();
    for (const path of ["/two-factor/enable", "/two-factor/disable", "/two-factor/get-totp-uri", "/two-factor/generate-backup-codes", "/two-factor/send-otp", "/two-factor/verify-otp"]) {
      const response = await call(path, { cookie, body: { password: account.password } });
      expect(response.status, path).toBe(404);
    }
    expect(row()).toEqual(before);
    expect(sqlite.prepare("SELECT two_factor_enabled FROM users WHERE id = ?").pluck().get(account.id)).toBe(1);
  });

  it("stores the secret and the backup codes encrypted: neither is in the database as text", async () => {
    const account = await enrolledAccount();
    const stored = sqlite.prepare("SELECT secret, backup_codes AS backupCodes FROM two_factors WHERE user_id = ?").get(account.id) as { secret: string; backupCodes: string };
    const { base32Decode } = await import("@/lib/testing/totp");
    expect(stored.secret).not.toContain(base32Decode(account.secret).toString());
    expect(stored.secret).not.toContain(account.secret);
    for (const code of account.backupCodes) expect(stored.backupCodes).not.toContain(code);
    expect(stored.backupCodes).toMatch(/^[0-9a-f]+$/);
  });
});
