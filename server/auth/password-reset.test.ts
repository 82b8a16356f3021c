// With SMTP_URL set, a reset link is also emailed to the account, through a real SMTP server listening on
// loopback here (smtp-server, by nodemailer's authors). The editor still gets the link, with "also sent to"
// or the reason the send failed; a failed send leaves the link valid.
import { Writable } from "node:stream";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/password-reset-mail-test-${process.pid}-${Date.now()}`;
  Object.assign(process.env, { DATABASE_PATH: `${dir}/scorecard.db`, BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-be-accepted", BETTER_AUTH_URL: "http://localhost:3000" });
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const SMTP_PASSWORD = "mail-s3cret-password";
interface Received {
  from: string;
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let server: SMTPServer;
let port: number;
let sqlite: import("better-sqlite3").Database;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "scorecard" && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, smtp, callback) {
      const chunks: Buffer[] = [];
      stream.pipe(
        new Writable({
          write(chunk, _encoding, done) {
            chunks.push(chunk as Buffer);
            done();
          },
        }),
      );
      stream.on("end", () => {
        inbox.push({ from: smtp.envelope.mailFrom ? smtp.envelope.mailFrom.address : "", to: smtp.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  sqlite = (await import("@/db/client")).getDb().$client;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

function useMailServer(url: string | undefined) {
  if (url) Object.assign(process.env, { SMTP_URL: url, MAIL_FROM: "Dialogue Scorecard <scorecard@example.org>" });
  else for (const name of ["SMTP_URL", "MAIL_FROM"]) delete process.env[name];
}

let accounts = 0;
async function newAccount() {
  const { createAccount } = await import("./accounts");
  const email = `reset-mail-${++accounts}-${Date.now()}@example.org`;
  return { ...(await createAccount({ email, name: "Rita Reviewer", role: "reviewer", password: "a-long-test-password" })), email };
}

/** The text of a message as sent: quoted-printable undone (long lines are wrapped with "=" at the end). */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/));
  return /quoted-printable/i.test(raw) ? body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : body;
}

const verificationRows = () => sqlite.prepare("SELECT count(*) FROM verifications").pluck().get() as number;

describe("a reset link with a mail server configured", () => {
  it("is emailed to the account's address from MAIL_FROM, with the very link the editor is shown", async () => {
    useMailServer(`smtp://scorecard:${SMTP_PASSWORD}@127.0.0.1:${port}`);
    const account = await newAccount();
    const { issuePasswordResetLink } = await import("./password-reset");
    const link = await issuePasswordResetLink(null, account.id);
    expect(link.emailed).toEqual({ sent: true, to: account.email });
    const message = inbox.find((m) => m.to.includes(account.email));
    expect(message, "the message arrived").toBeDefined();
    expect(message!.from).toBe("scorecard@example.org");
    expect(message!.raw).toMatch(/^Subject: Set a new password for Dialogue Scorecard/m);
    expect(bodyOf(message!.raw)).toContain(link.url);
    expect(bodyOf(message!.raw)).toContain("Nobody will ask you for your password by email.");
  });

  it("tells the editor on the users page that it was also sent", async () => {
    useMailServer(`smtp://scorecard:${SMTP_PASSWORD}@127.0.0.1:${port}`);
    const account = await newAccount();
    session.user = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };
    const { issuePasswordReset } = await import("@/app/[locale]/(workspace)/editor/actions");
    const data = new FormData();
    data.append("userId", account.id);
    const answer = await issuePasswordReset(null, data);
    expect(answer).toMatchObject({ ok: true, message: expect.stringContaining(`It was also sent to ${account.email}; it is not shown again: http://localhost:3000/reset-password?token=`) });
    const shown = /token=([\w-]+)/.exec(answer.message)![1]!;
    expect(bodyOf(inbox.find((m) => m.to.includes(account.email))!.raw)).toContain(`token=${shown}`);
  });

  it("when the server refuses the message, still gives the editor a valid link and the reason, never the server's password", async () => {
    useMailServer(`smtp://scorecard:wrong-${SMTP_PASSWORD}@127.0.0.1:${port}`);
    const account = await newAccount();
    const before = { rows: verificationRows(), inbox: inbox.length };
    const { issuePasswordResetLink } = await import("./password-reset");
    const link = await issuePasswordResetLink(null, account.id);
    expect(link.emailed).toMatchObject({ sent: false, to: account.email, error: expect.stringMatching(/Invalid/) });
    expect(JSON.stringify(link.emailed)).not.toContain(SMTP_PASSWORD);
    expect(verificationRows()).toBe(before.rows + 1);
    expect(inbox.length).toBe(before.inbox);
    // The link still sets a password.
    const route = (await import("@/app/api/auth/[...all]/route")) as unknown as { POST: (r: Request) => Promise<Response> };
    const token = new URL(link.url).searchParams.get("token");
    const reset = await route.POST(
      new Request("http://localhost:3000/api/auth/reset-password", { method: "POST", headers: { origin: "http://localhost:3000", "content-type": "application/json" }, body: JSON.stringify({ token, newPassword: "a-brand-new-password" }) }),
    );
    expect(reset.status).toBe(200);
  });

  it("when no server answers, says so on the users page and keeps the link", async () => {
    useMailServer("smtp://127.0.0.1:1");
    const account = await newAccount();
    session.user = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };
    const { issuePasswordReset } = await import("@/app/[locale]/(workspace)/editor/actions");
    const data = new FormData();
    data.append("userId", account.id);
    const answer = await issuePasswordReset(null, data);
    expect(answer).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`Sending it to ${account.email} failed \\(.+\\), so pass it on by a safe channel; the link is valid; it is not shown again: http://localhost:3000/reset-password\\?token=`)) });
  });
});

describe("a reset link without a mail server", () => {
  it("is only shown, and nothing is sent", async () => {
    useMailServer(undefined);
    const account = await newAccount();
    const before = inbox.length;
    const { issuePasswordResetLink } = await import("./password-reset");
    expect((await issuePasswordResetLink(null, account.id)).emailed).toBeNull();
    expect(inbox.length).toBe(before);
  });
});
