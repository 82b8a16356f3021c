// Changing one's password checks the current one, so a stolen session could be used to guess it: the auth
// route allows SIGN_IN_ATTEMPTS_PER_MINUTE changes per account per minute, counted before better-auth
// checks anything, and per account only, so one person's guesses never lock out another's change.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/password-change-limit-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "3",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
    TRUST_PROXY: "1",
  });
});

const ORIGIN = "http://localhost:3000";
type Handler = (request: Request) => Promise<Response>;
let route: Record<string, Handler>;
let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  sqlite = (await import("@/db/client")).getDb().$client;
  route = (await import("./[...all]/route")) as unknown as Record<string, Handler>;
});

let calls = 0;
function post(path: string, body: unknown, cookie?: string) {
  // A new client address on every call: the limit must hold however many addresses the guesser uses.
  const address = `10.9.${(++calls >> 8) & 255}.${calls & 255}`;
  const headers: Record<string, string> = { origin: ORIGIN, "x-forwarded-for": address, "content-type": "application/json", ...(cookie ? { cookie } : {}) };
  return route.POST!(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

async function signedInAccount(label: string) {
  const { createAccount } = await import("@/server/auth/accounts");
  const account = { email: `${label}-${Date.now()}@example.org`, password: "a-long-test-password" };
  await createAccount({ ...account, name: label, role: "reviewer" });
  const response = await post("/sign-in/email", account);
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().findLast((c) => c.startsWith("better-auth.session_token="))!.split(";")[0]!;
  return { ...account, cookie };
}

const passwordHash = (email: string) => sqlite.prepare("SELECT a.password FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = ?").pluck().get(email);

describe("guessing the current password through a password change", () => {
  it("is refused with 429 after SIGN_IN_ATTEMPTS_PER_MINUTE attempts, even with the right password, changing nothing", async () => {
    const rita = await signedInAccount("rita");
    for (let i = 0; i < 3; i++) {
      const wrong = await post("/change-password", { currentPassword: `guess-number-${i}`, newPassword: "a-new-long-password" }, rita.cookie);
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).code).toBe("INVALID_PASSWORD");
    }
    const hash = passwordHash(rita.email);
    const audit = sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get();
    const limited = await post("/change-password", { currentPassword: rita.password, newPassword: "a-new-long-password" }, rita.cookie);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).message).toMatch(/Too many password-change attempts/);
    expect(passwordHash(rita.email)).toBe(hash);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(audit);
  });

  it("counts per account: another person's change goes through meanwhile", async () => {
    const sam = await signedInAccount("sam");
    const changed = await post("/change-password", { currentPassword: sam.password, newPassword: "a-new-long-password" }, sam.cookie);
    expect(changed.status).toBe(200);
  });

  it("without a session is answered 401 and counts against nobody", async () => {
    const answer = await post("/change-password", { currentPassword: "whatever-it-is", newPassword: "a-new-long-password" });
    expect(answer.status).toBe(401);
  });
});
