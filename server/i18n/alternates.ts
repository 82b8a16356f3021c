import type { Metadata } from "next";
import { languageTag, LOCALES, localizedPath } from "@/lib/i18n/locales";

/** `<link rel="alternate" hreflang>` for a page (path without locale, query included): each language and x-default (English). */
export function localeAlternates(path: string, search = ""): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((locale) => [languageTag(locale), localizedPath(locale, path) + search]));
  languages["x-default"] = localizedPath("en", path) + search;
  return { languages };
}
