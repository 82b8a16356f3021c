// A server action is a public endpoint: a hand-made call can put anything where the form should be.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "./session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("./session", () => ({ getSessionUser: async () => session.user }));
// No database here: the writer's refresh of the published aggregates after the change is left out.
vi.mock("@/server/published-cache", () => ({ withPublishedDataRefresh: <T,>(change: () => Promise<T>) => change() }));

const { guardedAction } = await import("./guard");

describe("guardedAction with a payload that is not a form", () => {
  it("refuses it with a clear message and never runs the change", async () => {
    session.user = { id: "e", email: "e@example.org", name: "E", role: "editor" };
    const handler = vi.fn(async () => ({ ok: true, message: "Saved." }));
    const action = guardedAction({ roles: ["editor"], schema: z.object({ name: z.string() }) }, handler);
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
    const action = guardedAction({ roles: ["editor"], schema: z.object({}) }, async () => undefined);
    expect((await action(null, undefined as unknown as FormData)).message).toMatch(/not signed in/);
  });
});
