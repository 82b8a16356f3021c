// The enrolment page's server actions, called as an attacker would (no session, not a form, oversized or
// malformed fields, a wrong password or code, guessing the password) and as the owner would: through the
// real better-auth plugin, with codes computed here from the secret the page shows.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/server/auth/guard";
import type { TwoFactorState } from "@/server/auth/two-factor";
import { rowCounter } from "@/db/testing/row-counts";
import { totp, wrongTotp } from "@/lib/testing/totp";

const jar = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/two-factor-actions-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    DATABASE_PATH: `${dir}/scorecard.db`,
    BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted",
    BETTER_AUTH_URL: "http://localhost:3000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
  });
  return new Map<string, string>();
});
// The browser's cookies: what the action reads from the request, and what better-auth sets in its answer.
vi.mock("next/headers", () => {
  const api = {
    headers: async () => new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), origin: "http://localhost:3000" }),
    cookies: async () => ({ set: (name: string, value: string) => (value ? jar.set(name, value) : jar.delete(name)), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), toString: () => [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ") }),
  };
  return api;
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Action = (state: ActionState | null, form: FormData) => Promise<TwoFactorState>;
let actions: Record<"startTwoFactorEnrolment" | "confirmTwoFactorEnrolment" | "regenerateTwoFactorBackupCodes" | "turnOffTwoFactorSignIn", Action>;
let sqlite: import("better-sqlite3").Database;
let rowCounts: () => Record<string, number>;
let auth: import("@/server/auth/better-auth").Auth;
let setTwoFactorRequired: typeof import("@/db/commands/security-settings").setTwoFactorRequired;
let getDb: typeof import("@/db/client").getDb;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  ({ getDb } = await import("@/db/client"));
  sqlite = getDb().$client;
  rowCounts = rowCounter(sqlite);
  auth = (await import("@/server/auth/better-auth")).getAuth();
  ({ setTwoFactorRequired } = await import("@/db/commands/security-settings"));
  actions = (await import("./actions")) as unknown as typeof actions;
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

let accounts = 0;
const PASSWORD = "a-long-test-password";
/** A new account, signed in: its session cookie is the only one in the jar. */
async function signedInAccount() {
  const { createAccount } = await import("@/server/auth/accounts");
  const email = `enrol-${++accounts}-${Date.now()}@example.org`;
  const { id } = await createAccount({ email, password: PASSWORD, name: "Enid Enrolling", role: "reviewer" });
  jar.clear();
  const { headers } = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const cookie = headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!.split(";")[0]!;
  jar.set("better-auth.session_token", decodeURIComponent(cookie.split("=").slice(1).join("=")));
  return { id, email };
}

/**
 * Enrolling replaces the session (better-auth makes a new one with the account's new state); in the app the
 * new cookie reaches the browser through nextCookies, which vitest cannot hand this jar, so sign in again with a code.
 */
async function signInWithCode(email: string, secret: string) {
  const first = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const challenge = first.headers.getSetCookie().find((c) => c.startsWith("better-auth.two_factor="))!.split(";")[0]!;
  const second = await auth.api.verifyTOTP({ headers: new Headers({ cookie: challenge }), body: { code: totp(secret) }, returnHeaders: true });
  const cookie = second.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!.split(";")[0]!;
  jar.clear();
  jar.set("better-auth.session_token", decodeURIComponent(cookie.split("=").slice(1).join("=")));
}

const enabled = (id: string) => sqlite.prepare("SELECT two_factor_enabled FROM users WHERE id = ?").pluck().get(id);
const secretOf = (state: TwoFactorState) => state.enrolment!.secret.replace(/ /g, "");
const NAMES = ["startTwoFactorEnrolment", "confirmTwoFactorEnrolment", "regenerateTwoFactorBackupCodes", "turnOffTwoFactorSignIn"] as const;
const VALID: Record<(typeof NAMES)[number], Record<string, string>> = {
  startTwoFactorEnrolment: { password: PASSWORD },
  confirmTwoFactorEnrolment: { code: "123456" },
  regenerateTwoFactorBackupCodes: { password: PASSWORD },
  turnOffTwoFactorSignIn: { password: PASSWORD },
};

describe.each(NAMES)("server action %s", (name) => {
  it("refuses a caller without a session and changes nothing", async () => {
    jar.clear();
    const before = rowCounts();
    const result = await actions[name](null, form(VALID[name]));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not signed in/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a payload that is not a form, a missing field and 1 MB in a field, and changes nothing", async () => {
    await signedInAccount();
    const before = rowCounts();
    expect((await actions[name](null, "password=x" as unknown as FormData)).message).toMatch(/Malformed request/);
    const field = Object.keys(VALID[name])[0]!;
    for (const values of [{}, { [field]: "x".repeat(1_048_577) }, { [field]: "" }]) {
      const result = await actions[name](null, form(values));
      expect(result.ok, JSON.stringify(values).slice(0, 40)).toBe(false);
      expect(result.errors?.[field]?.[0]).toBeTruthy();
    }
    expect(rowCounts()).toEqual(before);
  });
});

describe("enrolment through the page's actions", () => {
  it("needs the password, is on only after a right code, shows the backup codes once, and is audited", async () => {
    const { id, email } = await signedInAccount();
    // Required for every account: the enrolment actions are the ones an account without it may still use.
    await setTwoFactorRequired(getDb(), true, "demo-editor");
    try {
      expect(await actions.startTwoFactorEnrolment(null, form({ password: "not-the-password" }))).toMatchObject({ ok: false, message: expect.stringMatching(/not your password/) });
      expect(sqlite.prepare("SELECT COUNT(*) FROM two_factors WHERE user_id = ?").pluck().get(id)).toBe(0);

      const started = await actions.startTwoFactorEnrolment(null, form({ password: PASSWORD }));
      expect(started.ok).toBe(true);
      expect(started.enrolment!.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
      expect(started.enrolment!.qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
      expect(started.backupCodes).toBeUndefined();
      expect(enabled(id)).toBe(0);

      const secret = secretOf(started);
      expect(await actions.confirmTwoFactorEnrolment(null, form({ code: wrongTotp(secret) }))).toMatchObject({ ok: false, message: expect.stringMatching(/not right/) });
      expect(enabled(id)).toBe(0);

      const confirmed = await actions.confirmTwoFactorEnrolment(null, form({ code: totp(secret) }));
      expect(confirmed).toMatchObject({ ok: true });
      expect(confirmed.backupCodes).toHaveLength(10);
      expect(enabled(id)).toBe(1);
      const audit = sqlite.prepare("SELECT action, after FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1").get(id) as { action: string; after: string };
      expect(audit.action).toBe("user.two-factor-enable");
      expect(audit.after).not.toContain(confirmed.backupCodes![0]);
      expect(audit.after).not.toContain(secret);

      await signInWithCode(email, secret);
      // Regenerating replaces every old code.
      const regenerated = await actions.regenerateTwoFactorBackupCodes(null, form({ password: PASSWORD }));
      expect(regenerated.backupCodes, regenerated.message).toHaveLength(10);
      const { backupCodes: stored } = await auth.api.viewBackupCodes({ body: { userId: id } });
      expect(stored).toEqual(regenerated.backupCodes);
      for (const old of confirmed.backupCodes!) expect(stored).not.toContain(old);

      // Turning it off is refused while it is required, with the password or without.
      expect(await actions.turnOffTwoFactorSignIn(null, form({ password: PASSWORD }))).toMatchObject({ ok: false, message: expect.stringMatching(/require/) });
      expect(enabled(id)).toBe(1);
    } finally {
      await setTwoFactorRequired(getDb(), false, "demo-editor");
    }
    expect(await actions.turnOffTwoFactorSignIn(null, form({ password: "not-the-password" }))).toMatchObject({ ok: false, message: expect.stringMatching(/not your password/) });
    expect(enabled(id)).toBe(1);
    expect(await actions.turnOffTwoFactorSignIn(null, form({ password: PASSWORD }))).toMatchObject({ ok: true });
    expect(enabled(id)).toBe(0);
    expect(sqlite.prepare("SELECT COUNT(*) FROM two_factors WHERE user_id = ?").pluck().get(id)).toBe(0);
    expect(sqlite.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1").pluck().get(id)).toBe("user.two-factor-disable");
  });

  it("limits password confirmations per account: after 5 in 10 minutes even the right one waits", async () => {
    await signedInAccount();
    for (let i = 0; i < 5; i++) expect((await actions.startTwoFactorEnrolment(null, form({ password: `wrong-password-${i}` }))).message).toMatch(/not your password/);
    const sixth = await actions.startTwoFactorEnrolment(null, form({ password: PASSWORD }));
    expect(sixth).toMatchObject({ ok: false, message: expect.stringMatching(/Too many attempts/) });
    expect(sixth.enrolment).toBeUndefined();
  });

  it("refuses regenerating codes or turning off for an account that has no two-factor sign-in", async () => {
    const { id } = await signedInAccount();
    const before = rowCounts();
    expect((await actions.regenerateTwoFactorBackupCodes(null, form({ password: PASSWORD }))).ok).toBe(false);
    expect(enabled(id)).toBe(0);
    expect(rowCounts().audit_log).toBe(before.audit_log);
  });
});
