// Sign-in through the real auth route handler: a burst is limited, and rotating a client-sent
// X-Forwarded-For (or X-Real-IP) buys no new attempts unless TRUST_PROXY says a proxy set it.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/sign-in-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "5",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "12",
    TRUST_PROXY: "",
  });
});

const ORIGIN = "http://localhost:3000";
const ACCOUNT = { email: "limit-test@example.org", password: "a-long-test-password" };
let POST: (request: Request) => Promise<Response>;
let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  sqlite = (await import("@/db/client")).getDb().$client;
  const { createAccount } = await import("@/server/auth/accounts");
  await createAccount({ ...ACCOUNT, name: "Limit Test", role: "reviewer" });
  ({ POST } = (await import("./[...all]/route")) as unknown as { POST: typeof POST });
});

beforeEach(() => {
  // Each test starts with empty buckets (they live in the database), and without a trusted proxy.
  sqlite.prepare("DELETE FROM rate_limit_events").run();
  process.env.TRUST_PROXY = "";
});

function signIn(body: unknown, headers: Record<string, string> = {}, path = "/api/auth/sign-in/email") {
  return POST(
    new Request(`${ORIGIN}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}`, "x-real-ip": `192.0.2.${i % 250}`, forwarded: `for=203.0.113.${i % 250}` });

describe("without a trusted proxy (the default)", () => {
  it("limits a burst against one account, however the client rotates X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn({ email: ACCOUNT.email, password: `wrong-${i}` }, spoofed(i))).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const refused = await signIn({ email: ACCOUNT.email, password: ACCOUNT.password }, spoofed(99));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ code: "TOO_MANY_REQUESTS", message: "Too many sign-in attempts. Wait a minute before trying again." });
  });

  it("counts the same account under any spelling of its email or of the path", async () => {
    const variants: Array<[string, string]> = [
      [ACCOUNT.email, "/api/auth/sign-in/email"],
      [ACCOUNT.email.toUpperCase(), "/api/auth/sign-in/email"],
      [` ${ACCOUNT.email} `, "/api/auth/sign-in/email/"],
      [ACCOUNT.email, "/api/auth//sign-in/email"],
      [ACCOUNT.email, "/api/auth/Sign-In/email"],
      [ACCOUNT.email, "/api/auth/sign-in/%65mail"],
    ];
    for (const [email, path] of variants) await signIn({ email, password: "wrong-password" }, {}, path);
    expect((await signIn({ email: ACCOUNT.email, password: ACCOUNT.password })).status).toBe(429);
  });

  it("limits a burst across many accounts and rotating addresses with one shared bucket", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn({ email: `nobody-${i}@example.org`, password: "wrong-password" }, spoofed(i))).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(12);
    expect(statuses.slice(12).every((s) => s === 429)).toBe(true);
  });

  it("lets the right password in while the account has attempts left, and records no client-claimed address", async () => {
    const response = await signIn(ACCOUNT, spoofed(7));
    expect(response.status).toBe(200);
    const { token } = await response.json();
    // Null in production; under test better-auth falls back to 127.0.0.1 when it has no address.
    const { ip } = sqlite.prepare("SELECT ip_address AS ip FROM sessions WHERE token = ?").get(token) as { ip: string | null };
    expect([null, "127.0.0.1"]).toContain(ip);
  });
});

describe("behind a trusted proxy (TRUST_PROXY=1)", () => {
  it("gives each client its own bucket, keyed on the hop the proxy appended, not on what the client sent", async () => {
    process.env.TRUST_PROXY = "1";
    const one = (i: number) => signIn({ email: `nobody-${i}@example.org`, password: "wrong-password" }, { "x-forwarded-for": `10.9.9.${i}, 203.0.113.1` });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await one(i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Another client behind the same proxy is not held up by the first.
    expect((await signIn({ email: "nobody@example.org", password: "wrong-password" }, { "x-forwarded-for": "203.0.113.2" })).status).toBe(401);
  });

  it("records the proxy-vouched address on the session", async () => {
    process.env.TRUST_PROXY = "1";
    const response = await signIn(ACCOUNT, { "x-forwarded-for": "6.6.6.6, 203.0.113.77" });
    expect(response.status).toBe(200);
    const { token } = await response.json();
    expect(sqlite.prepare("SELECT ip_address AS ip FROM sessions WHERE token = ?").get(token)).toEqual({ ip: "203.0.113.77" });
  });
});

describe("sign-ins in another body encoding than JSON", () => {
  const encodings = () => {
    const multipart = new FormData();
    multipart.append("email", ACCOUNT.email);
    multipart.append("password", ACCOUNT.password);
    return [
      { body: new URLSearchParams(ACCOUNT).toString(), type: "application/x-www-form-urlencoded" },
      { body: multipart, type: undefined },
      { body: JSON.stringify(ACCOUNT), type: "text/plain;charset=UTF-8" },
      { body: JSON.stringify(ACCOUNT), type: "application/vnd.api+json" },
    ];
  };
  const send = ({ body, type }: { body: BodyInit; type: string | undefined }) =>
    POST(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers: { origin: ORIGIN, ...(type ? { "content-type": type } : {}) }, body }));

  it("are refused with a 415 before any password is checked, even the right one", async () => {
    const sessions = () => (sqlite.prepare("SELECT COUNT(*) AS n FROM sessions").get() as { n: number }).n;
    const before = sessions();
    for (const encoding of encodings()) {
      const response = await send(encoding);
      expect(response.status, encoding.type ?? "multipart").toBe(415);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect((await response.json()).message).toContain("application/json");
    }
    expect(sessions()).toBe(before);
  });

  it("cannot carry on guessing once JSON attempts have used up the account's minute", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn({ email: ACCOUNT.email, password: `wrong-${i}` })).status).toBe(401);
    for (const encoding of encodings()) expect((await send(encoding)).status).not.toBe(200);
    expect((await signIn(ACCOUNT)).status).toBe(429);
  });
});

describe("malformed sign-in requests", () => {
  it("get a 400 for a body that is not JSON, a 413 for one that is too large, a 405 for other methods", async () => {
    const badJson = await signIn("{not json");
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).message).toContain("not valid JSON");

    const large = await signIn({ email: ACCOUNT.email, password: "x".repeat(100 * 1024) });
    expect(large.status).toBe(413);
    expect((await large.json()).message).toContain("at most 64 KB");

    const route = (await import("./[...all]/route")) as unknown as Record<string, (r: Request) => Promise<Response>>;
    const put = await route.PUT!(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "PUT" }));
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("cost no attempt when refused before better-auth", async () => {
    for (let i = 0; i < 10; i++) await signIn("{not json");
    expect((await signIn(ACCOUNT)).status).toBe(200);
  });
});
