import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";

export type Messages = typeof en;

/** The catalogue of one locale; English is the reference every other catalogue must match key for key. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === "zh" ? (await import("@/messages/zh.json")).default : en;
}

/** The namespaces client components read (the rest is rendered on the server and never sent). */
export const CLIENT_NAMESPACES = ["site", "errorPage", "status", "charts", "filters"] as const satisfies ReadonlyArray<keyof Messages>;

export async function clientMessages(locale: Locale): Promise<Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>> {
  const messages = await loadMessages(locale);
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}

/** What the workspace's client components read besides: its forms are client components. */
export const WORKSPACE_CLIENT_NAMESPACES = ["workspace", "signIn", "review", "scoring", "account", "twoFactor", "importPage"] as const satisfies ReadonlyArray<keyof Messages>;

export async function workspaceClientMessages(locale: Locale) {
  const messages = await loadMessages(locale);
  const extra = Object.fromEntries(WORKSPACE_CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<Messages, (typeof WORKSPACE_CLIENT_NAMESPACES)[number]>;
  return { ...(await clientMessages(locale)), ...extra };
}
