// The words of the exports drawn on the server (the two PDFs, the filters in words), in the language
// they were asked for. They come from the message catalogues (namespace "pdf", and "status" and
// "addressee" as the pages say them), so an export and a page never name a status differently.
// Server only: both catalogues are imported whole, which no browser bundle should carry.
import { createTranslator } from "next-intl";
import type { Addressee, ContentLang, DatePrecision, Status } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { localized } from "@/lib/localized";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

/** The catalogues by language; the Chinese one holds the English one's keys (server/i18n/catalogue.test.ts). */
export const CATALOGUES = { en, zh: zh as typeof en } as const;

export function exportWords(lang: ContentLang) {
  const messages = CATALOGUES[lang];
  const t = createTranslator({ locale: lang, messages, namespace: "pdf" });
  const tStatus = createTranslator({ locale: lang, messages, namespace: "status" });
  const tAddressee = createTranslator({ locale: lang, messages, namespace: "addressee" });
  return {
    lang,
    t,
    status: (status: Status) => tStatus(status),
    addressee: (addressee: Addressee) => tAddressee(addressee),
    /** A content field in this language: the Chinese where one was written, the English otherwise. */
    text: (english: string, chinese: string | null | undefined) => localized(lang, english, chinese).text,
    date: (iso: string, precision: DatePrecision) => formatDate(iso, precision, lang),
    /** Items of a list inside a sentence: "a; b" or "a；b". */
    list: (items: readonly string[]) => items.join(t("listSeparator")),
    /** A few names in a row: "a, b" or "a、b". */
    names: (items: readonly string[]) => items.join(lang === "zh" ? "、" : ", "),
    /** A name in both scripts where it has a Chinese one: "Liu Xia 刘霞" in English, "刘霞 Liu Xia" in Chinese. */
    person: (person: { name: string; nameZh: string | null }) =>
      person.nameZh ? (lang === "zh" ? `${person.nameZh} ${person.name}` : `${person.name} ${person.nameZh}`) : person.name,
  };
}

export type ExportWords = ReturnType<typeof exportWords>;

export const ENGLISH_WORDS = exportWords("en");
