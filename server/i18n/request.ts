// next-intl's configuration for each render: the locale is the [locale] root segment, read with
// next/root-params, so no page reads headers or cookies and every page stays static and cacheable.
import { getRequestConfig } from "next-intl/server";
import { locale as rootLocale } from "next/root-params";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const value = await rootLocale().catch(() => undefined);
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  // Round dates are calendar dates without a time; formatting in UTC keeps them the day they are.
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
