import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getAccountForSession } from "@/db/queries/users";
import type { Role } from "@/lib/domain";
import { getAuth } from "./better-auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, read fresh from the database so a changed role or a deactivation takes effect at
 * once. Deactivating also deletes the account's sessions; the check here still refuses one that a
 * request already holding it, or a restored backup, could otherwise use.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await getAccountForSession(getDb(), session.user.id);
  if (!user || user.isDemo || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For workspace pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The id (never the token) of the session this request was made with, to tell "this browser" on the account page. */
export async function getCurrentSessionId(): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return session?.session.id ?? null;
}
