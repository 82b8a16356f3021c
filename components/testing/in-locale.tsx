// For tests that render components: inside a locale's messages, as the root layout renders them.
import type { ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

export function inLocale(element: ReactElement, locale: "en" | "zh" = "en"): ReactElement {
  return (
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : zh} timeZone="UTC">
      {element}
    </NextIntlClientProvider>
  );
}
