import type { ElementType } from "react";
import { contentLang, localized } from "@/lib/localized";

/**
 * A field in the page's language where it has one, else in English; marked with `lang` when the text's
 * language is not the page's, so that screen readers and fonts read an English fallback as English.
 */
export function LocalizedText({ locale, en, zh, as: Tag = "span", className }: { locale: string; en: string; zh: string | null | undefined; as?: ElementType; className?: string }) {
  const { text, lang } = localized(locale, en, zh);
  return lang === contentLang(locale) ? <Tag className={className}>{text}</Tag> : <Tag lang={lang} className={className}>{text}</Tag>;
}

/** The same as props for an element that takes only text (an `<option>`): its text, and `lang` where it is not the page's. */
export function localizedProps(locale: string, en: string, zh: string | null | undefined): { children: string; lang?: string } {
  const { text, lang } = localized(locale, en, zh);
  return lang === contentLang(locale) ? { children: text } : { children: text, lang };
}
