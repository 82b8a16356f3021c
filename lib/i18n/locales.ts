// The interface's languages and where each one lives: English at today's addresses, Chinese under /zh/.
// Pages live under app/[locale]/; proxy.ts maps a bare address to /en/… internally and /en/… back to the bare one.

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for `<html lang>`, hreflang and Intl: Chinese is written in simplified characters. */
export function languageTag(locale: Locale): string {
  return locale === "zh" ? "zh-Hans" : "en";
}

/**
 * The request header proxy.ts sets on /zh/exports/… before serving it as /exports/…: a route handler reads
 * the address it was asked at, not the rewritten one, so the language goes along beside it. Server-set only:
 * the proxy drops whatever a client sends under this name.
 */
export const EXPORT_LOCALE_HEADER = "x-scorecard-export-locale";

/** The language's name in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "中文" };

/**
 * Paths outside the locale segment: route handlers, embeds, Next's own files and files with an extension.
 * Only what lies below those prefixes: "/api" itself is the data-and-API page, which has a locale.
 */
export function isUnlocalizedPath(path: string): boolean {
  return /^\/(api|exports|embed|_next)\//.test(path) || /\/[^/]*\.[^/]*$/.test(path);
}

/** "/zh/rounds/x" → { locale: "zh", path: "/rounds/x" }; "/rounds/x" → { locale: null, path: "/rounds/x" }. */
export function splitLocale(pathname: string): { locale: Locale | null; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: match[2] ?? "/" };
  return { locale: null, path: pathname };
}

/** The public address of `path` (without locale) in `locale`: "/zh/rounds/x", or "/rounds/x" for English. */
export function localizedPath(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  return clean === "/" ? `/${locale}` : `/${locale}${clean}`;
}

/** The same page and query in the other language: what the language switch links to. */
export function switchLocaleHref(target: Locale, pathname: string, search = ""): string {
  return localizedPath(target, splitLocale(pathname).path) + search;
}

/** Whether a browser's languages (navigator.languages) would read Chinese first among ours. */
export function prefersChinese(languages: readonly string[]): boolean {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag.startsWith("zh")) return true;
    if (tag.startsWith("en")) return false;
  }
  return false;
}

/**
 * The request header through which proxy.ts tells a server action the language of the page it was sent
 * from: an action cannot read the [locale] root param, and its refusals must read in the page's language.
 * Set by the proxy only; whatever a client sends under this name is dropped.
 */
export const ACTION_LOCALE_HEADER = "x-scorecard-page-locale";
