// Who may do what, in one table. The action guard, the JSON API, the workspace pages and the
// workspace navigation all ask here, so a role's rights cannot drift apart between them.
import type { Role } from "./domain";

export const PERMISSIONS = [
  /** See and end one's own sessions, and change one's own password: every signed-in person, for their own account only. */
  "ownAccount",
  /** Save and carry forward one's own scores (the review form and POST /api/v1/assessments). */
  "score",
  /** Add statements and propose benchmarks from their demands; a reviewer's become drafts for an editor. */
  "propose",
  /** Manage reference data, rounds, imports, confidentiality and what public texts show. */
  "edit",
  /** Decide disagreements, publish rounds and set when published figures are preliminary. */
  "publish",
  /** Create accounts. */
  "manageUsers",
  /** Approve, edit, merge or reject reviewers' drafts. */
  "reviewDrafts",
  /** Read the audit log. */
  "viewAudit",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  editor: PERMISSIONS,
  reviewer: ["ownAccount", "score", "propose"],
};

/** Anyone with a role: a session user, or a row read for one. No user (signed out) may do nothing. */
export interface Actor {
  role: Role;
}

export function can(user: Actor | null | undefined, permission: Permission): boolean {
  // A role this table does not know (a hand-edited row, "constructor") may do nothing.
  return !!user && Object.hasOwn(GRANTS, user.role) && GRANTS[user.role].includes(permission);
}

export const canScore = (user: Actor | null | undefined) => can(user, "score");
export const canPropose = (user: Actor | null | undefined) => can(user, "propose");
export const canEdit = (user: Actor | null | undefined) => can(user, "edit");
export const canPublish = (user: Actor | null | undefined) => can(user, "publish");
export const canManageUsers = (user: Actor | null | undefined) => can(user, "manageUsers");
export const canReviewDrafts = (user: Actor | null | undefined) => can(user, "reviewDrafts");
export const canViewAudit = (user: Actor | null | undefined) => can(user, "viewAudit");
