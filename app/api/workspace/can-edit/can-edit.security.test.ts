// GET /api/workspace/can-edit tells a public page whether to show "Edit": true only for a signed-in
// editor, never cached by anyone, naming no one, and read-only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));

let route: typeof import("./route");

beforeAll(async () => {
  route = await import("./route");
});

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "Reviewer A", role: "reviewer" };
const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "Demo editor", role: "editor" };

async function ask(user: SessionUser | null) {
  session.user = user;
  const response = await route.GET();
  return { response, text: await response.text() };
}

describe("GET /api/workspace/can-edit", () => {
  it.each([
    ["no session", null, false],
    ["a reviewer", REVIEWER, false],
    ["an editor", EDITOR, true],
  ] as const)("answers %s with canEdit %s, privately and never stored", async (_who, user, expected) => {
    const { response, text } = await ask(user);
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ canEdit: expected });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("vary")).toMatch(/Cookie/i);
    // The answer names no one: no id, email or name of the account asking.
    for (const secret of [EDITOR.id, EDITOR.email, EDITOR.name, REVIEWER.email]) expect(text).not.toContain(secret);
  });

  it("refuses every method but GET", async () => {
    session.user = EDITOR;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await (route[method] as (request: Request) => Response | Promise<Response>)(new Request("http://localhost/api/workspace/can-edit", { method }));
      expect(response.status, method).toBe(405);
    }
  });
});
