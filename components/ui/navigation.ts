// Links that stay in the reader's language: "/rounds/x" is /zh/rounds/x on a Chinese page and itself on an
// English one. No locale cookie: the address alone says the language, so pages stay cacheable.
import { createNavigation } from "next-intl/navigation";
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

export const routing = defineRouting({ locales: LOCALES, defaultLocale: DEFAULT_LOCALE, localePrefix: "as-needed", localeCookie: false, alternateLinks: false });

export const { Link, getPathname } = createNavigation(routing);
