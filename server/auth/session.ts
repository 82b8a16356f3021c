import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { getAccountForSession } from "@/db/queries/users";
import { mustEnrolTwoFactor, TWO_FACTOR_ENROLMENT_PATH } from "@/lib/auth/two-factor";
import type { Role } from "@/lib/domain";
import { localizedPath } from "@/lib/i18n/locales";
import { pageLocale } from "@/server/i18n/action-locale";
import { getAuth } from "./better-auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Whether the account has two-factor sign-in on. */
  twoFactorEnabled?: boolean;
  /** Set while editors require two-factor sign-in and this account has none: it may only enrol (or sign out). */
  mustEnrolTwoFactor?: boolean;
}

/**
 * The signed-in user, read fresh from the database so a changed role or a deactivation takes effect at
 * once. Deactivating also deletes the account's sessions; the check here still refuses one that a
 * request already holding it, or a restored backup, could otherwise use.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: await currentHeaders() });
  if (!session) return null;
  const user = await getAccountForSession(getDb(), session.user.id);
  if (!user || user.isDemo || user.deactivatedAt) return null;
  const mustEnrol = mustEnrolTwoFactor(user, await getSecuritySettings(getDb()));
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactorEnabled: user.twoFactorEnabled, ...(mustEnrol ? { mustEnrolTwoFactor: true } : {}) };
}

/**
 * The request's headers with the cookies as they are now: a server action that replaced the session (turning
 * two-factor sign-in on or off makes a new one and deletes the old) set the new cookie, and the page Next renders
 * in the same answer must read that one, not the deleted session the request came with.
 */
async function currentHeaders(): Promise<Headers> {
  const request = new Headers(await headers());
  const jar = (await cookies()).toString();
  if (jar) request.set("cookie", jar);
  return request;
}

/**
 * For workspace pages: the user, or a redirect to sign-in that comes back here afterwards. An account that
 * must enrol in two-factor sign-in first is sent to the enrolment page, which alone passes `enrolling`.
 */
export async function requirePageUser(returnTo: string, options: { enrolling?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user && (!user.mustEnrolTwoFactor || options.enrolling)) return user;
  // Sign-in, enrolment and the way back stay in the page's language.
  const locale = await pageLocale();
  const back = encodeURIComponent(localizedPath(locale, returnTo));
  redirect(`${localizedPath(locale, user ? TWO_FACTOR_ENROLMENT_PATH : "/sign-in")}?next=${back}`);
}

/** The id (never the token) of the session this request was made with, to tell "this browser" on the account page. */
export async function getCurrentSessionId(): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return session?.session.id ?? null;
}
