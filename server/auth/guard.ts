import "server-only";
import { z } from "zod";
import { TWO_FACTOR_ENROLMENT_PATH } from "@/lib/auth/two-factor";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { can, type Permission } from "@/lib/permissions";
import { withPublishedDataRefresh } from "@/server/published-cache";
import { actionLocale } from "@/server/i18n/action-locale";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeFieldErrors, zodErrorMap } from "@/server/i18n/validation";
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

export type Authorization =
  | { ok: true; user: SessionUser }
  | { ok: false; refused: "signed-out" }
  | { ok: false; refused: "forbidden"; user: SessionUser }
  | { ok: false; refused: "enrol-two-factor"; user: SessionUser };

/**
 * Who is calling, and whether lib/permissions lets them do this: the first step of every server
 * action (guardedAction) and of every write through the JSON API (server/api/guarded-post.ts).
 * While editors require two-factor sign-in, an account without it may do nothing until it enrols.
 */
export async function authorize(permission: Permission): Promise<Authorization> {
  const user = await getSessionUser();
  if (!user) return { ok: false, refused: "signed-out" };
  if (user.mustEnrolTwoFactor) return { ok: false, refused: "enrol-two-factor", user };
  if (!can(user, permission)) return { ok: false, refused: "forbidden", user };
  return { ok: true, user };
}

/** What an action knows of the page it was sent from: its language, for messages and redirects. */
export interface ActionContext {
  locale: Locale;
}

type GuardMessages = Awaited<ReturnType<typeof guardMessages>>;

async function guardMessages(locale: Locale) {
  return actionTranslations("workspace.guard", locale);
}

/** The input of a form, validated; a refusal as the form shows it otherwise, in the page's language. */
function parseForm<S extends z.ZodType>(schema: S, formData: FormData, locale: Locale, t: GuardMessages): { ok: true; data: z.output<S> } | { ok: false; state: ActionState } {
  // An action is a public endpoint: a hand-made call can send anything in place of the form.
  if (!(formData instanceof FormData)) return { ok: false, state: { ok: false, message: t("malformed") } };
  const parsed = schema.safeParse(formDataToObject(formData), { error: zodErrorMap(locale) });
  if (!parsed.success) {
    return { ok: false, state: { ok: false, message: t("correctFields"), errors: localizeFieldErrors(z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>, locale) } };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Every server action goes through here: it checks who is calling and what their role allows
 * before it reads the input, validates the input with zod, and only then runs the change.
 * Failures come back as { ok: false, message, errors } for the form; nothing is written.
 */
export function guardedAction<S extends z.ZodType, R extends ActionState = ActionState>(
  options: { permission: Permission; schema: S },
  handler: (input: z.output<S>, user: SessionUser, context: ActionContext) => Promise<R | void>,
) {
  return async (_previous: R | ActionState | null, formData: FormData): Promise<R | ActionState> => {
    const locale = await actionLocale();
    const t = await guardMessages(locale);
    const caller = await authorize(options.permission);
    if (!caller.ok && caller.refused === "signed-out") return { ok: false, message: t("signedOut") };
    if (!caller.ok && caller.refused === "enrol-two-factor") return { ok: false, message: t("enrolFirst", { path: localizedPath(locale, TWO_FACTOR_ENROLMENT_PATH) }) };
    if (!caller.ok) return { ok: false, message: t("forbidden", { role: caller.user.role }) };
    const { user } = caller;
    const parsed = parseForm(options.schema, formData, locale, t);
    if (!parsed.ok) return parsed.state;
    try {
      return (await withPublishedDataRefresh(() => handler(parsed.data, user, { locale }))) ?? { ok: true, message: t("saved") };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, message: error.message };
      throw error;
    }
  };
}

/**
 * For the changes a signed-in person makes to their own account's sign-in (two-factor enrolment): any role,
 * and also while they must still enrol, which is the one thing such an account may do. Same checks otherwise.
 */
export function ownAccountAction<S extends z.ZodType, R extends ActionState = ActionState>(options: { schema: S }, handler: (input: z.output<S>, user: SessionUser, context: ActionContext) => Promise<R | void>) {
  return async (_previous: R | ActionState | null, formData: FormData): Promise<R | ActionState> => {
    const locale = await actionLocale();
    const t = await guardMessages(locale);
    const user = await getSessionUser();
    if (!user) return { ok: false, message: t("signedOut") };
    const parsed = parseForm(options.schema, formData, locale, t);
    if (!parsed.ok) return parsed.state;
    try {
      return (await handler(parsed.data, user, { locale })) ?? { ok: true, message: t("saved") };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
