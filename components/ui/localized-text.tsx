import type { ElementType } from "react";
import { localized } from "@/lib/localized";

/**
 * A field in the page's language where it has one, else in English; marked with `lang` when the text's
 * language is not the page's, so that screen readers and fonts read an English fallback as English.
 */
export function LocalizedText({ locale, en, zh, as: Tag = "span" }: { locale: string; en: string; zh: string | null | undefined; as?: ElementType }) {
  const { text, lang } = localized(locale, en, zh);
  const pageLang = locale.toLowerCase().startsWith("zh") ? "zh" : "en";
  return lang === pageLang ? <Tag>{text}</Tag> : <Tag lang={lang}>{text}</Tag>;
}
