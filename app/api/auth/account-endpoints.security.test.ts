// The auth library serves some forty endpoints; the app offers six of them over HTTP (sign in and its code step, sign
// out, change one's own password, set one from a reset link an editor issued). Everything else answers 404, whoever asks, and changes nothing. A
// password change ends every other session, is checked like any other form and lands in the audit log,
// and a session ends SESSION_LIFETIME_DAYS after sign-in however busy it is.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/account-endpoints-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
    SESSION_LIFETIME_DAYS: "3",
    // Each call comes from its own address, so better-auth's own per-address limits do not mix the tests up.
    TRUST_PROXY: "1",
  });
});

const ORIGIN = "http://localhost:3000";
const DAY = 24 * 60 * 60 * 1000;
const OFFERED: Record<string, string[]> = {
  "/sign-in/email": ["POST"],
  "/sign-out": ["POST"],
  "/change-password": ["POST"],
  "/reset-password": ["POST"],
  "/two-factor/verify-totp": ["POST"],
  "/two-factor/verify-backup-code": ["POST"],
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

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

let accounts = 0;
async function newAccount(password = "a-long-test-password") {
  const { createAccount } = await import("@/server/auth/accounts");
  const email = `account-${++accounts}-${Date.now()}@example.org`;
  const { id } = await createAccount({ email, password, name: "Rita Reviewer", role: "reviewer" });
  return { id, email, password };
}

let calls = 0;
function call(method: string, path: string, { cookie, body, headers = {} }: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const address = `10.${(++calls >> 16) & 255}.${(calls >> 8) & 255}.${calls & 255}`;
  const init: RequestInit = { method, headers: { origin: ORIGIN, "x-forwarded-for": address, ...(cookie ? { cookie } : {}), ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  return route[method]!(new Request(`${ORIGIN}/api/auth${path}`, init));
}

/** The session cookie a response sets (the last one, as a browser keeps it), ready for a Cookie header. */
function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().findLast((c) => c.startsWith("better-auth.session_token="));
  expect(cookie, "a session cookie").toBeDefined();
  return cookie!.split(";")[0]!;
}

async function signIn(account: { email: string; password: string }) {
  const response = await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } });
  expect(response.status).toBe(200);
  return sessionCookie(response);
}

const sessionOf = (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });
const counts = () =>
  Object.fromEntries(
    ["users", "sessions", "accounts", "verifications", "audit_log"].map((table) => [table, (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
  );

describe("the auth library's endpoints the app does not offer", () => {
  it("answer 404, signed in or not, for every method, and change nothing", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    const endpoints = Object.values(auth.api as Record<string, { path?: string; options?: { metadata?: { SERVER_ONLY?: boolean } } }>)
      .filter((e) => e.path && !e.options?.metadata?.SERVER_ONLY)
      .map((e) => e.path!.replace(/:[a-z]+/gi, "x"));
    expect(endpoints.length).toBeGreaterThan(25);
    const before = counts();
    for (const path of endpoints) {
      for (const method of METHODS) {
        if (OFFERED[path]?.includes(method)) continue;
        for (const who of [cookie, undefined]) {
          const response = await call(method, path, { cookie: who, body: method === "GET" ? undefined : { name: "x".repeat(60_000), token: "x" } });
          const expected = OFFERED[path] ? 405 : 404;
          expect(response.status, `${method} ${path}${who ? " signed in" : ""}`).toBe(expected);
          expect(response.headers.get("cache-control"), `${method} ${path}`).toBe("no-store");
        }
      }
    }
    expect(counts()).toEqual(before);
    expect((await sessionOf(cookie))?.user.id).toBe(account.id);
  });

  it("include update-user: a reviewer cannot rename themselves, to 60,000 characters or at all", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    const audit = counts().audit_log;
    const response = await call("POST", "/update-user", { cookie, body: { name: "R".repeat(60_000) } });
    expect(response.status).toBe(404);
    expect((await response.json()).message).toContain("No such endpoint");
    expect(sqlite.prepare("SELECT name FROM users WHERE id = ?").get(account.id)).toEqual({ name: "Rita Reviewer" });
    expect(counts().audit_log).toBe(audit);
  });

  it("include list-sessions and get-session, so no answer ever carries a session token", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    const token = cookie.split("=")[1]!.split(".")[0]!;
    for (const path of ["/list-sessions", "/get-session"]) {
      const response = await call("GET", path, { cookie });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain(token);
    }
  });

  it("are not hidden by another spelling of the path", async () => {
    for (const path of ["/Update-User", "/update-user/", "//update-user", "/%75pdate-user", "/sign-in/../update-user"]) {
      expect((await call("POST", path, { body: { name: "x" } })).status, path).toBe(404);
    }
  });
});

describe("OPTIONS and Allow on /api/auth", () => {
  it("name exactly the methods that are then accepted", async () => {
    for (const [path, methods] of Object.entries(OFFERED)) {
      const options = await call("OPTIONS", path);
      expect(options.status, path).toBe(204);
      const allowed = options.headers.get("allow")!.split(", ");
      expect(allowed.sort(), path).toEqual([...methods, "OPTIONS"].sort());
      for (const method of METHODS) {
        const response = await call(method, path, method === "GET" ? {} : { body: {} });
        if (allowed.includes(method)) expect(response.status, `${method} ${path}`).not.toBe(405);
        else {
          expect(response.status, `${method} ${path}`).toBe(405);
          expect(response.headers.get("allow"), `${method} ${path}`).toBe(options.headers.get("allow"));
        }
      }
    }
    expect((await call("OPTIONS", "/list-sessions")).status).toBe(404);
  });
});

describe("every answer from /api/auth", () => {
  it("is marked no-store, refused or not", async () => {
    const account = await newAccount();
    const answers = [
      await call("POST", "/sign-in/email", { body: { email: account.email, password: "wrong-password" } }),
      await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } }),
      await call("POST", "/sign-out", { cookie: await signIn(account), body: {} }),
      await call("POST", "/change-password", { body: { currentPassword: "x", newPassword: "y" } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 200, 200, 400]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});

describe("changing one's password", () => {
  it("ends every other session even when the client asks to keep them, and is recorded in the audit log", async () => {
    const account = await newAccount();
    const [laptop, phone] = [await signIn(account), await signIn(account)];
    const response = await call("POST", "/change-password", {
      cookie: laptop,
      body: { currentPassword: account.password, newPassword: "a-new-long-password", revokeOtherSessions: false },
    });
    expect(response.status).toBe(200);
    const renewed = sessionCookie(response);
    expect(await sessionOf(phone)).toBeNull();
    expect(await sessionOf(laptop)).toBeNull();
    expect((await sessionOf(renewed))?.user.id).toBe(account.id);
    expect(sqlite.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?").get(account.id)).toEqual({ n: 1 });

    const entries = sqlite.prepare("SELECT user_id AS userId, action, entity, entity_id AS entityId, before, after FROM audit_log WHERE entity_id = ?").all(account.id);
    expect(entries).toEqual([{ userId: account.id, action: "user.password-change", entity: "user", entityId: account.id, before: null, after: JSON.stringify({ otherSessionsEnded: true }) }]);

    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } })).status).toBe(401);
    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: "a-new-long-password" } })).status).toBe(200);
  });

  it("refuses what account creation would refuse, and a wrong current password, changing nothing", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    const before = counts();
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ currentPassword: account.password, newPassword: "too-short" }, "at least 10 characters"],
      [{ currentPassword: account.password, newPassword: "x".repeat(201) }, "at most 200 characters"],
      [{ currentPassword: account.password, newPassword: 1234567890123 }, "newPassword"],
      [{ currentPassword: account.password, newPassword: "a-new-long-password", name: "Renamed" }, "name"],
      [{ currentPassword: "not-the-password", newPassword: "a-new-long-password" }, "password"],
    ];
    for (const [body, message] of attempts) {
      const response = await call("POST", "/change-password", { cookie, body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).message.toLowerCase(), JSON.stringify(body).slice(0, 80)).toContain(message.toLowerCase());
    }
    expect(counts()).toEqual(before);
    expect((await sessionOf(cookie))?.user.id).toBe(account.id);
  });

  it("needs a session", async () => {
    const before = counts();
    expect((await call("POST", "/change-password", { body: { currentPassword: "a-long-test-password", newPassword: "a-new-long-password" } })).status).toBe(401);
    expect(counts()).toEqual(before);
  });
});

describe("a session's absolute lifetime (SESSION_LIFETIME_DAYS=3)", () => {
  const row = (cookie: string) =>
    sqlite.prepare("SELECT created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE token = ?").get(cookie.split("=")[1]!.split(".")[0]) as
      | { createdAt: number; expiresAt: number }
      | undefined;
  const age = (cookie: string, createdAgo: number, expiresIn: number) =>
    sqlite.prepare("UPDATE sessions SET created_at = ?, expires_at = ? WHERE token = ?").run(Date.now() - createdAgo, Date.now() + expiresIn, cookie.split("=")[1]!.split(".")[0]);

  it("starts no longer than the lifetime", async () => {
    const cookie = await signIn(await newAccount());
    const { createdAt, expiresAt } = row(cookie)!;
    expect(expiresAt - createdAt).toBe(3 * DAY);
  });

  it("is extended by use, but never past the lifetime", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    // Signed in two days ago, last extended a day and a half ago: due for the daily extension.
    age(cookie, 2 * DAY, 1.5 * DAY);
    expect((await sessionOf(cookie))?.user.id).toBe(account.id);
    const { createdAt, expiresAt } = row(cookie)!;
    expect(expiresAt).toBe(createdAt + 3 * DAY);
  });

  it("ends the lifetime after sign-in however active the session was", async () => {
    const cookie = await signIn(await newAccount());
    age(cookie, 3 * DAY + 60_000, -60_000);
    expect(await sessionOf(cookie)).toBeNull();
    const refused = await call("POST", "/change-password", { cookie, body: { currentPassword: "a-long-test-password", newPassword: "a-new-long-password" } });
    expect(refused.status).toBe(401);
  });

  it("also holds for sessions made before it was set, once the server starts with it", async () => {
    const account = await newAccount();
    const cookie = await signIn(account);
    age(cookie, 10 * DAY, 6.5 * DAY);
    const { capSessionLifetimes } = await import("@/db/commands/sessions");
    const { getDb } = await import("@/db/client");
    expect(await capSessionLifetimes(getDb(), 3 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await sessionOf(cookie)).toBeNull();
  });
});

describe("creating an account", () => {
  it("is one transaction with what the caller writes alongside (the editor's audit entry): if that fails, no account exists", async () => {
    const { createAccount } = await import("@/server/auth/accounts");
    const email = `atomic-${Date.now()}@example.org`;
    const users = () => sqlite.prepare("SELECT count(*) FROM users").pluck().get() as number;
    const logins = () => sqlite.prepare("SELECT count(*) FROM accounts").pluck().get() as number;
    const before = { users: users(), logins: logins() };
    await expect(
      createAccount({ email, password: "a-long-test-password", name: "Rita Reviewer", role: "reviewer" }, async () => {
        throw new Error("audit failed");
      }),
    ).rejects.toThrow("audit failed");
    expect({ users: users(), logins: logins() }).toEqual(before);
    const { id } = await createAccount({ email, password: "a-long-test-password", name: "Rita Reviewer", role: "reviewer" });
    expect(sqlite.prepare("SELECT email FROM users WHERE id = ?").pluck().get(id)).toBe(email);
  });
});

describe("a deactivated account", () => {
  it("loses its sessions at once, is refused at sign-in with its own message and gets no session, until reactivated", async () => {
    const { deactivateAccount, reactivateAccount } = await import("@/db/commands/accounts");
    const { getDb } = await import("@/db/client");
    const account = await newAccount();
    const cookie = await signIn(account);
    await deactivateAccount(getDb(), null, account.id);
    expect(await sessionOf(cookie)).toBeNull();
    const before = counts();
    const refused = await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "ACCOUNT_DEACTIVATED", message: expect.stringContaining("deactivated") });
    expect(refused.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !c.includes("Max-Age=0"))).toBe(false);
    // A wrong password is refused as for anyone: the message is only for someone who knows the password.
    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: "not-the-password" } })).status).toBe(401);
    expect(counts()).toEqual(before);
    await reactivateAccount(getDb(), null, account.id);
    expect((await sessionOf(await signIn(account)))?.user.id).toBe(account.id);
  });
});

describe("a password-reset link an editor issued", () => {
  async function issue(userId: string) {
    const { issuePasswordResetLink } = await import("@/server/auth/password-reset");
    const link = await issuePasswordResetLink("demo-editor", userId);
    return { ...link, token: new URL(link.url).searchParams.get("token")! };
  }

  it("sets the password once, ends every session, expires in 24 hours, and is stored only as a hash", async () => {
    const account = await newAccount();
    const [laptop, phone] = [await signIn(account), await signIn(account)];
    const link = await issue(account.id);
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[\w-]{43}$/);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(DAY - 60_000);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
    expect(JSON.stringify(sqlite.prepare("SELECT * FROM verifications").all())).not.toContain(link.token);

    const used = await call("POST", "/reset-password", { body: { newPassword: "a-reset-long-password", token: link.token } });
    expect(used.status).toBe(200);
    expect(await sessionOf(laptop)).toBeNull();
    expect(await sessionOf(phone)).toBeNull();
    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } })).status).toBe(401);
    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: "a-reset-long-password" } })).status).toBe(200);

    const before = counts();
    expect((await call("POST", "/reset-password", { body: { newPassword: "a-second-long-password", token: link.token } })).status).toBe(400);
    expect(counts()).toEqual(before);
    const actions = sqlite.prepare("SELECT user_id AS userId, action FROM audit_log WHERE entity_id = ? ORDER BY id").all(account.id);
    expect(actions).toEqual([
      { userId: "demo-editor", action: "user.password-reset-issued" },
      { userId: account.id, action: "user.password-reset" },
    ]);
  });

  it("is refused once expired, for a deactivated account, or with a body the form would not send, changing nothing", async () => {
    const account = await newAccount();
    const link = await issue(account.id);
    const before = counts();
    for (const [body, message] of [
      [{ newPassword: "too-short", token: link.token }, "at least 10 characters"],
      [{ newPassword: "a-reset-long-password", token: link.token, callbackURL: "https://evil.example" }, "callbackURL"],
      [{ newPassword: "a-reset-long-password", token: "x".repeat(201) }, "token"],
      [{ newPassword: "a-reset-long-password", token: "not-a-token" }, "token"],
    ] as const) {
      const response = await call("POST", "/reset-password", { body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).message.toLowerCase()).toContain(message.toLowerCase());
    }
    sqlite.prepare("UPDATE verifications SET expires_at = ? WHERE value = ?").run(Date.now() - 1000, account.id);
    expect((await call("POST", "/reset-password", { body: { newPassword: "a-reset-long-password", token: link.token } })).status).toBe(400);
    sqlite.prepare("UPDATE verifications SET expires_at = ? WHERE value = ?").run(link.expiresAt.getTime(), account.id);
    expect(counts()).toEqual(before);
    expect((await call("POST", "/sign-in/email", { body: { email: account.email, password: account.password } })).status).toBe(200);

    const { deactivateAccount } = await import("@/db/commands/accounts");
    await deactivateAccount((await import("@/db/client")).getDb(), null, account.id);
    await expect(issue(account.id)).rejects.toThrow(/reactivate it first/);
  });
});
