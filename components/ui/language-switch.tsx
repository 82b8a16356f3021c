"use client";
// Links to the same page in the other language, with its query (the dashboard's filters) and fragment.
// The address is read in the browser, at render and again at the click, so a cached page needs no
// request data and a filter changed since the page loaded is kept too.
import { useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { languageTag, LOCALE_NAMES, LOCALES, switchLocaleHref, type Locale } from "@/lib/i18n/locales";

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};
const here = () => `${window.location.pathname}|${window.location.search}${window.location.hash}`;

function hrefFor(target: Locale, location: string | null): string {
  if (location === null) return switchLocaleHref(target, "/");
  const [pathname = "/", rest = ""] = location.split("|");
  return switchLocaleHref(target, pathname, rest);
}

export function LanguageSwitch() {
  const locale = useLocale() as Locale;
  const t = useTranslations("site");
  const location = useSyncExternalStore(subscribe, here, () => null);
  return (
    <ul aria-label={t("language")} className="flex gap-2 text-sm">
      {LOCALES.filter((other) => other !== locale).map((other) => (
        <li key={other}>
          <a
            href={hrefFor(other, location)}
            hrefLang={languageTag(other)}
            lang={languageTag(other)}
            data-testid="language-switch"
            onClick={(event) => {
              event.currentTarget.href = hrefFor(other, here());
            }}
          >
            {LOCALE_NAMES[other]}
          </a>
        </li>
      ))}
    </ul>
  );
}
