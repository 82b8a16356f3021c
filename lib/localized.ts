// Content in two languages: the Chinese text where an editor wrote one, the English otherwise, with
// the language it is in so that a page marks an English fallback `lang="en"`. Never blank.
import type { ContentLang } from "./domain";
import { withheldMarkersIn } from "./redaction";

export interface LocalizedText {
  text: string;
  lang: ContentLang;
}

/** A page's locale as the content layer sees it: anything but Chinese reads English. */
export function contentLang(locale: string | null | undefined): ContentLang {
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The text to show at `locale`: the Chinese one where it is not blank, else the English one marked "en". */
export function localized(locale: string | null | undefined, en: string, zh: string | null | undefined): LocalizedText {
  // A name withheld from a Chinese text is said so in Chinese (the database keeps one marker for both).
  if (contentLang(locale) === "zh" && zh && zh.trim()) return { text: withheldMarkersIn("zh", zh), lang: "zh" };
  return { text: en, lang: "en" };
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** A Chinese character says roughly what a Latin word does, so 30% of the letters decide. */
const HAN_SHARE = 0.3;

/**
 * The language a text is written in, from the share of Han characters among its letters: a Chinese
 * rationale that names a law in English stays Chinese, an English one quoting a Chinese name stays English.
 */
export function detectTextLang(text: string): ContentLang {
  const han = text.match(HAN)?.length ?? 0;
  if (han === 0) return "en";
  const latin = text.match(LATIN)?.length ?? 0;
  return han / (han + latin) >= HAN_SHARE ? "zh" : "en";
}

/**
 * A record's name where no lang mark can go (a select's option): the Chinese name at a Chinese locale
 * where there is one, the English name otherwise; never blank.
 */
export function optionName(locale: string | null | undefined, en: string, zh: string | null | undefined): string {
  return localized(locale, en, zh).text;
}

/**
 * A record's name beside a checkbox at `locale`: the Chinese name where there is one, else the English
 * one, with its language so that an English fallback on a Chinese page is marked; `note` (interface
 * text, e.g. "(confidential)") follows it unmarked.
 */
export function localizedOption(locale: string | null | undefined, value: string, en: string, zh: string | null | undefined, note?: string): { value: string; label: string; lang: ContentLang; note?: string } {
  const { text, lang } = localized(locale, en, zh);
  return note ? { value, label: text, lang, note } : { value, label: text, lang };
}
