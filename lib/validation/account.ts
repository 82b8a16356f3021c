// The changes a signed-in person may make to their own account, checked like every other form.
import { z } from "zod";
import { ROLES } from "@/lib/domain";

/** One rule for every password the app sets or checks: account creation, sign-in and a change. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

export const passwordSchema = z
  .string("Give the password as text.")
  .min(PASSWORD_LENGTH.min, `The password needs at least ${PASSWORD_LENGTH.min} characters.`)
  .max(PASSWORD_LENGTH.max, `The password can have at most ${PASSWORD_LENGTH.max} characters.`);

/** POST /api/auth/change-password. Other sessions always end, so revokeOtherSessions is accepted but not obeyed when false. */
export const changePasswordSchema = z.strictObject(
  {
    currentPassword: z.string("Give the current password.").min(1, "Give the current password.").max(PASSWORD_LENGTH.max, "That is not the current password."),
    newPassword: passwordSchema,
    revokeOtherSessions: z.boolean().optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Only currentPassword and newPassword can be sent; not ${issue.keys.join(", ")}.` : undefined) },
);

/** The account an editor acts on, by id, as the users page sends it. */
const accountIdSchema = z.string("Choose an account.").trim().min(1, "Choose an account.").max(64, "That is not an account.");

/** Deactivating or reactivating an account on the users page. */
export const accountTargetSchema = z.object({ userId: accountIdSchema });

/** Changing an account's role on the users page. */
export const accountRoleSchema = z.object({ userId: accountIdSchema, role: z.enum(ROLES, "Choose editor or reviewer.") });

/** POST /api/auth/reset-password, from the page a reset link opens. */
export const resetPasswordSchema = z.strictObject(
  {
    newPassword: passwordSchema,
    token: z.string("The link is incomplete: open it again from the message you were given.").min(1, "The link is incomplete: open it again from the message you were given.").max(200, "That is not a reset link."),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Only newPassword and token can be sent; not ${issue.keys.join(", ")}.` : undefined) },
);

/** Issuing a password-reset link on the users page. */
export const accountResetSchema = accountTargetSchema;

/** Ending one of one's own other sessions on the account page: the session's id, never its token. */
export const endSessionSchema = z.object({ sessionId: z.string("Choose a session.").trim().min(1, "Choose a session.").max(64, "That is not a session.") });

/** "Sign out everywhere else": the form's one hidden field says it was this button. */
export const endOtherSessionsSchema = z.object({ confirm: z.literal("yes", "Use the button on the account page.") });
