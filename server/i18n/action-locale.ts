import "server-only";
// The language of the page a server action was sent from, for its messages and its redirects: an action
// cannot read the [locale] root param, so proxy.ts hands the page's locale over in a request header.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ACTION_LOCALE_HEADER, DEFAULT_LOCALE, isLocale, localizedPath, type Locale } from "@/lib/i18n/locales";

export async function actionLocale(): Promise<Locale> {
  try {
    const value = (await headers()).get(ACTION_LOCALE_HEADER);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    // Outside a request (a unit test calling an action) there is no page: English.
    return DEFAULT_LOCALE;
  }
}

/** Redirect a server action to `path` (without locale) in the language of the page it came from. */
export async function redirectFromAction(path: string): Promise<never> {
  redirect(localizedPath(await actionLocale(), path));
}

/** The language of the page being rendered; English where there is no page (a unit test calling a helper). */
export async function pageLocale(): Promise<Locale> {
  const value = await getLocale().catch(() => DEFAULT_LOCALE);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Redirect a page's render to `path` (without locale) in the page's own language. */
export async function redirectInLocale(path: string): Promise<never> {
  redirect(localizedPath(await pageLocale(), path));
}
