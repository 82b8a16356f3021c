import "server-only";
// Messages for a server action in the language of the page it was sent from (see action-locale.ts).
// Built from the catalogue directly, so it needs no request config and also runs in unit tests.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { actionLocale } from "./action-locale";
import { loadMessages, type Messages } from "./messages";

export async function actionTranslations<const Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: Namespace, locale?: Locale) {
  const language = locale ?? (await actionLocale());
  return createTranslator({ locale: language, messages: await loadMessages(language), namespace, timeZone: "UTC" });
}
