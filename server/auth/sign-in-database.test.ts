// Sign-in writes and reads better-auth's tables through its drizzle adapter, whose SQL follows the
// database the app runs on (SQLite, or PostgreSQL under npm run test:pg): an account made by the app
// signs in with its password, the session cookie finds the account, and a wrong password finds none.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/sign-in-database-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
  });
});

let auth: import("@/server/auth/better-auth").Auth;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  auth = (await import("@/server/auth/better-auth")).getAuth();
});

describe("sign-in on the app's database", () => {
  it("gives an account made by the app a session that finds it, and a wrong password none", async () => {
    const { createAccount } = await import("@/server/auth/accounts");
    const email = `sign-in-${Date.now()}@example.org`;
    const password = "a-long-test-password";
    const { id } = await createAccount({ email, password, name: "Rita Reviewer", role: "reviewer" });

    const signedIn = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.id).toBe(id);
    expect(session?.user.email).toBe(email);

    const refused = await auth.api.signInEmail({ body: { email, password: "not-the-password-at-all" }, asResponse: true });
    expect(refused.status).toBe(401);
  });

  it("gives a session begun on one instance that is valid on another instance of the same database with the same secret, and on none with another", async () => {
    const { createAccount } = await import("@/server/auth/accounts");
    const email = `two-instances-${Date.now()}@example.org`;
    const password = "a-long-test-password";
    const { id } = await createAccount({ email, password, name: "Ivo Instance", role: "reviewer" });
    const signedIn = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;

    // A second process: its own better-auth and its own connection to the same database.
    const anotherInstance = async (secret: string) => {
      const cache = globalThis as unknown as { scorecardAuth?: unknown; scorecardDb?: unknown };
      const kept = { auth: cache.scorecardAuth, db: cache.scorecardDb, secret: process.env.BETTER_AUTH_SECRET };
      delete cache.scorecardAuth;
      delete cache.scorecardDb;
      process.env.BETTER_AUTH_SECRET = secret;
      vi.resetModules();
      try {
        const other = (await import("@/server/auth/better-auth")).getAuth();
        expect(other).not.toBe(auth);
        return await other.api.getSession({ headers: new Headers({ cookie }) });
      } finally {
        Object.assign(cache, { scorecardAuth: kept.auth, scorecardDb: kept.db });
        process.env.BETTER_AUTH_SECRET = kept.secret;
      }
    };
    expect((await anotherInstance(process.env.BETTER_AUTH_SECRET!))?.user.id).toBe(id);
    expect(await anotherInstance("another-secret-that-is-long-enough-to-be-accepted")).toBeNull();
  });
});
