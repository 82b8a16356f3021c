"use server";

import { headers } from "next/headers";
import { getAuth } from "@/server/auth/better-auth";
import { redirectFromAction } from "@/server/i18n/action-locale";

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
  // Back to the dashboard in the language the person was reading.
  await redirectFromAction("/");
}
