// A server action is a public endpoint: a hand-made call can put anything where the form should be.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("./session", () => ({ getSessionUser: async () => session.user }));
// No database here: the writer's refresh of the published aggregates after the change is left out.
vi.mock("@/server/published-cache", () => ({ withPublishedDataRefresh: <T,>(change: () => Promise<T>) => change() }));

const { authorize, guardedAction, ownAccountAction } = await import("./guard");

const EDITOR: SessionUser = { id: "e", email: "e@example.org", name: "E", role: "editor" };
const REVIEWER: SessionUser = { id: "r", email: "r@example.org", name: "R", role: "reviewer" };

describe("guardedAction with a payload that is not a form", () => {
  it("refuses it with a clear message and never runs the change", async () => {
    session.user = EDITOR;
    const handler = vi.fn(async () => ({ ok: true, message: "Saved." }));
    const action = guardedAction({ permission: "edit", schema: z.object({ name: z.string() }) }, handler);
    for (const payload of [undefined, null, 2, "name=x", { name: "x" }, ["name", "x"], new Map([["name", "x"]])]) {
      const result = await action(null, payload as unknown as FormData);
      expect(result, String(payload)).toEqual({ ok: false, message: "Malformed request: send the form's fields. Nothing was saved." });
    }
    expect(handler).not.toHaveBeenCalled();
    const form = new FormData();
    form.append("name", "x");
    expect(await action(null, form)).toEqual({ ok: true, message: "Saved." });
    expect(handler).toHaveBeenCalledOnce();
  });

  it("still answers a caller without a session before looking at the payload", async () => {
    session.user = null;
    const action = guardedAction({ permission: "edit", schema: z.object({}) }, async () => undefined);
    expect((await action(null, undefined as unknown as FormData)).message).toMatch(/not signed in/);
  });
});

describe("authorize and guardedAction ask lib/permissions", () => {
  it("authorize: signed out, forbidden, or the user", async () => {
    session.user = null;
    expect(await authorize("score")).toEqual({ ok: false, refused: "signed-out" });
    session.user = REVIEWER;
    expect(await authorize("score")).toEqual({ ok: true, user: REVIEWER });
    expect(await authorize("publish")).toEqual({ ok: false, refused: "forbidden", user: REVIEWER });
    session.user = EDITOR;
    expect(await authorize("publish")).toEqual({ ok: true, user: EDITOR });
  });

  it("a reviewer cannot run an editor's action, and the handler never runs", async () => {
    session.user = REVIEWER;
    const handler = vi.fn(async () => undefined);
    for (const permission of ["edit", "publish", "manageUsers", "reviewDrafts", "viewAudit"] as const) {
      const action = guardedAction({ permission, schema: z.object({}) }, handler);
      expect(await action(null, new FormData()), permission).toEqual({ ok: false, message: "Your role (reviewer) is not allowed to do this." });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("a reviewer may score and propose; the role is checked before the input", async () => {
    session.user = REVIEWER;
    const action = guardedAction({ permission: "score", schema: z.object({ name: z.string() }) }, async () => undefined);
    expect((await action(null, new FormData())).message).toMatch(/correct the marked fields/);
    const propose = guardedAction({ permission: "propose", schema: z.object({}) }, async () => undefined);
    expect(await propose(null, new FormData())).toEqual({ ok: true, message: "Saved." });
    const edit = guardedAction({ permission: "edit", schema: z.object({ name: z.string() }) }, async () => undefined);
    expect((await edit(null, undefined as unknown as FormData)).message).toMatch(/not allowed/);
  });
});

describe("while editors require two-factor sign-in", () => {
  const UNENROLLED_EDITOR: SessionUser = { ...EDITOR, twoFactorEnabled: false, mustEnrolTwoFactor: true };

  it("authorize refuses an account without it, whatever its role, and names the enrolment page", async () => {
    session.user = UNENROLLED_EDITOR;
    for (const permission of ["score", "edit", "manageUsers"] as const) expect(await authorize(permission)).toEqual({ ok: false, refused: "enrol-two-factor", user: UNENROLLED_EDITOR });
    const handler = vi.fn(async () => undefined);
    const result = await guardedAction({ permission: "score", schema: z.object({}) }, handler)(null, new FormData());
    expect(result).toEqual({ ok: false, message: expect.stringContaining("/account/two-factor") });
    expect(result.message).toMatch(/Nothing was saved/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("an enrolled account is let through as before", async () => {
    session.user = { ...EDITOR, twoFactorEnabled: true };
    expect((await authorize("manageUsers")).ok).toBe(true);
  });

  it("ownAccountAction (enrolment) lets the account through, and still refuses no session and a payload that is not a form", async () => {
    const handler = vi.fn(async () => ({ ok: true, message: "Enrolled." }));
    const action = ownAccountAction({ schema: z.object({ code: z.string().regex(/^\d{6}$/) }) }, handler);
    session.user = null;
    expect((await action(null, new FormData())).message).toMatch(/not signed in/);
    session.user = UNENROLLED_EDITOR;
    expect((await action(null, "code=123456" as unknown as FormData)).message).toMatch(/Malformed request/);
    const bad = new FormData();
    bad.append("code", "x".repeat(1_000_000));
    expect(await action(null, bad)).toMatchObject({ ok: false, errors: { code: expect.any(Array) } });
    expect(handler).not.toHaveBeenCalled();
    const good = new FormData();
    good.append("code", "123456");
    expect(await action(null, good)).toEqual({ ok: true, message: "Enrolled." });
    expect(handler).toHaveBeenCalledWith({ code: "123456" }, UNENROLLED_EDITOR, { locale: "en" });
  });
});
