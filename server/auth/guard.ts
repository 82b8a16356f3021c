import "server-only";
import { z } from "zod";
import { can, type Permission } from "@/lib/permissions";
import { withPublishedDataRefresh } from "@/server/published-cache";
import { getSessionUser, type SessionUser } from "./session";

export interface ActionState {
  ok: boolean;
  message: string;
  errors?: Record<string, string[] | undefined>;
}

export class ActionError extends Error {}

/**
 * FormData to a plain object; keys ending in [] collect every value into an array. An uploaded file
 * stays a File, for a schema that asks for one (z.file()); any other schema refuses it as not text.
 * Collected in a Map so that a field called "__proto__" or "constructor[]" is data like any other,
 * never the object's prototype or an inherited method.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const fields = new Map<string, FormDataEntryValue | FormDataEntryValue[]>();
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      const previous = fields.get(name);
      fields.set(name, [...(Array.isArray(previous) ? previous : []), value]);
    } else {
      fields.set(key, value);
    }
  }
  return Object.fromEntries(fields);
}

export type Authorization = { ok: true; user: SessionUser } | { ok: false; refused: "signed-out" } | { ok: false; refused: "forbidden"; user: SessionUser };

/**
 * Who is calling, and whether lib/permissions lets them do this: the first step of every server
 * action (guardedAction) and of every write through the JSON API (server/api/guarded-post.ts).
 */
export async function authorize(permission: Permission): Promise<Authorization> {
  const user = await getSessionUser();
  if (!user) return { ok: false, refused: "signed-out" };
  if (!can(user, permission)) return { ok: false, refused: "forbidden", user };
  return { ok: true, user };
}

/**
 * Every server action goes through here: it checks who is calling and what their role allows
 * before it reads the input, validates the input with zod, and only then runs the change.
 * Failures come back as { ok: false, message, errors } for the form; nothing is written.
 */
export function guardedAction<S extends z.ZodType, R extends ActionState = ActionState>(
  options: { permission: Permission; schema: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<R | void>,
) {
  return async (_previous: R | ActionState | null, formData: FormData): Promise<R | ActionState> => {
    const caller = await authorize(options.permission);
    if (!caller.ok && caller.refused === "signed-out") return { ok: false, message: "You are not signed in, or your session has ended. Sign in and try again." };
    if (!caller.ok) return { ok: false, message: `Your role (${caller.user.role}) is not allowed to do this.` };
    const { user } = caller;
    // An action is a public endpoint: a hand-made call can send anything in place of the form.
    if (!(formData instanceof FormData)) return { ok: false, message: "Malformed request: send the form's fields. Nothing was saved." };
    const parsed = options.schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      return { ok: false, message: "Nothing was saved: please correct the marked fields.", errors: z.flattenError(parsed.error).fieldErrors as ActionState["errors"] };
    }
    try {
      return (await withPublishedDataRefresh(() => handler(parsed.data, user))) ?? { ok: true, message: "Saved." };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
