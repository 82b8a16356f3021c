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
