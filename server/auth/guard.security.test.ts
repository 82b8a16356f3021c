// A server action is a public endpoint: a hand-made call can put anything where the form should be.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("./session", () => ({ getSessionUser: async () => session.user }));
// No database here: the writer's refresh of the published aggregates after the change is left out.
vi.mock("@/server/published-cache", () => ({ withPublishedDataRefresh: <T,>(change: () => Promise<T>) => change() }));

const { authorize, guardedAction } = await import("./guard");

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
