import { describe, expect, it } from "vitest";
import { ROLES } from "./domain";
import { can, canEdit, canManageUsers, canPropose, canPublish, canReviewDrafts, canScore, canViewAudit, PERMISSIONS } from "./permissions";

const editor = { role: "editor" as const };
const reviewer = { role: "reviewer" as const };

describe("permissions", () => {
  it("lets an editor do everything", () => {
    for (const permission of PERMISSIONS) expect(can(editor, permission), permission).toBe(true);
  });

  it("lets a reviewer score and propose, and nothing an editor decides", () => {
    expect(canScore(reviewer)).toBe(true);
    expect(canPropose(reviewer)).toBe(true);
    expect(canEdit(reviewer)).toBe(false);
    expect(canPublish(reviewer)).toBe(false);
    expect(canManageUsers(reviewer)).toBe(false);
    expect(canReviewDrafts(reviewer)).toBe(false);
    expect(canViewAudit(reviewer)).toBe(false);
  });

  it("lets nobody who is signed out do anything", () => {
    for (const permission of PERMISSIONS) {
      expect(can(null, permission), permission).toBe(false);
      expect(can(undefined, permission), permission).toBe(false);
    }
  });

  it("gives every role at least the right to score and to manage its own account", () => {
    for (const role of ROLES) expect(canScore({ role }), role).toBe(true);
    for (const role of ROLES) expect(can({ role }, "ownAccount"), role).toBe(true);
  });

  it("refuses a role it does not know (a hand-edited row) rather than throwing", () => {
    for (const role of ["admin", "constructor", "__proto__", ""]) expect(can({ role } as never, "score"), role).toBe(false);
  });
});
