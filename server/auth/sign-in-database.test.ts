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
});
