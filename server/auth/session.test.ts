// The one place that decides whether an account must enrol in two-factor sign-in first: getSessionUser marks
// it, requirePageUser sends it to the enrolment page (except from that page), and guard.ts refuses its actions.
import { beforeAll, describe, expect, it, vi } from "vitest";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/session-test-${process.pid}-${Date.now()}.db`;
  return { userId: null as string | null };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ toString: () => "" }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to });
  },
}));
vi.mock("./better-auth", () => ({ getAuth: () => ({ api: { getSession: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) } }) }));

let sqlite: import("better-sqlite3").Database;
let session: typeof import("./session");
let setTwoFactorRequired: typeof import("@/db/commands/security-settings").setTwoFactorRequired;
let getDb: typeof import("@/db/client").getDb;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  ({ getDb } = await import("@/db/client"));
  sqlite = getDb().$client;
  session = await import("./session");
  ({ setTwoFactorRequired } = await import("@/db/commands/security-settings"));
  const now = Date.now();
  const add = sqlite.prepare("INSERT INTO users (id, email, name, role, is_demo, email_verified, created_at, updated_at, two_factor_enabled) VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?)");
  add.run("with-2fa", "with@example.org", "With", "reviewer", now, now, 1);
  add.run("without-2fa", "without@example.org", "Without", "reviewer", now, now, 0);
});

async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return (error as { to?: string }).to ?? null;
  }
}

describe("two-factor enrolment, decided in session.ts", () => {
  it("marks nobody while it is optional", async () => {
    await setTwoFactorRequired(getDb(), false, "demo-editor");
    signedIn.userId = "without-2fa";
    expect(await session.getSessionUser()).toMatchObject({ id: "without-2fa", twoFactorEnabled: false });
    expect((await session.getSessionUser())?.mustEnrolTwoFactor).toBeUndefined();
    expect(await redirectOf(() => session.requirePageUser("/review"))).toBeNull();
  });

  it("while required, sends an account without it from every workspace page to enrolment, and lets it open that page", async () => {
    await setTwoFactorRequired(getDb(), true, "demo-editor");
    signedIn.userId = "without-2fa";
    expect(await session.getSessionUser()).toMatchObject({ mustEnrolTwoFactor: true });
    expect(await redirectOf(() => session.requirePageUser("/review/rounds/hrc-37"))).toBe("/account/two-factor?next=%2Freview%2Frounds%2Fhrc-37");
    expect(await redirectOf(() => session.requirePageUser("/account/two-factor", { enrolling: true }))).toBeNull();
    await setTwoFactorRequired(getDb(), false, "demo-editor");
  });

  it("while required, lets an enrolled account through", async () => {
    await setTwoFactorRequired(getDb(), true, "demo-editor");
    signedIn.userId = "with-2fa";
    expect((await session.getSessionUser())?.mustEnrolTwoFactor).toBeUndefined();
    expect(await redirectOf(() => session.requirePageUser("/review"))).toBeNull();
    await setTwoFactorRequired(getDb(), false, "demo-editor");
  });

  it("still sends a signed-out visitor to sign in, not to enrolment", async () => {
    await setTwoFactorRequired(getDb(), true, "demo-editor");
    signedIn.userId = null;
    expect(await redirectOf(() => session.requirePageUser("/review"))).toBe("/sign-in?next=%2Freview");
    await setTwoFactorRequired(getDb(), false, "demo-editor");
  });
});

describe("setTwoFactorRequired", () => {
  it("keeps one row, and audits each change with before and after", async () => {
    const audits = () => sqlite.prepare("SELECT before, after, user_id AS userId FROM audit_log WHERE action = 'settings.require_two_factor' ORDER BY id").all() as Array<{ before: string; after: string; userId: string }>;
    const start = audits().length;
    expect(await setTwoFactorRequired(getDb(), true, "demo-editor")).toEqual({ before: false, after: true });
    expect(await setTwoFactorRequired(getDb(), false, "demo-editor")).toEqual({ before: true, after: false });
    expect(sqlite.prepare("SELECT COUNT(*) FROM security_settings").pluck().get()).toBe(1);
    const written = audits().slice(start);
    expect(written.map((a) => [JSON.parse(a.before), JSON.parse(a.after), a.userId])).toEqual([
      [{ requireTwoFactor: false }, { requireTwoFactor: true }, "demo-editor"],
      [{ requireTwoFactor: true }, { requireTwoFactor: false }, "demo-editor"],
    ]);
  });
});
