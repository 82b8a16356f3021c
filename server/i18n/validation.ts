// Validation messages in the page's language. The schemas in lib/validation say what is wrong in English;
// the "validation" catalogue holds those same sentences by key, so a message is found by its English text
// (a placeholder matching what stands there) and said again in the locale. One without a catalogue entry
// stays as it is. zod's own messages (a wrong type) come from zod's locale of that language.
import { createTranslator } from "next-intl";
import { z } from "zod";
import { zhCN } from "zod/locales";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/**
 * Says an English sentence of `english` (one catalogue namespace) again in Chinese, by its English text:
 * each message is a pattern ("Evidence {row}: {problem}" matches "Evidence 2: use a date …"), whose
 * arguments may themselves be messages of the namespace. A sentence without an entry stays as it is.
 * `chinese` is that namespace's Chinese translator.
 */
export function sentencesInChinese(english: Record<string, string>, chinese: unknown): (message: string) => string {
  const translate = chinese as (key: string, values: Record<string, string>) => string;
  const patterns = Object.entries(english)
    .map(([key, message]) => {
      const names: string[] = [];
      const source = message
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return escape(part);
          names.push(name);
          return "(.+?)";
        })
        .join("");
      return { key, names, pattern: new RegExp(`^${source}$`), literal: message.replace(/\{\w+\}/g, "").length };
    })
    // The most specific first: a pattern matching a sentence another also matches has less fixed text
    // (so a message said in full comes before one with placeholders, "{first}; {rest}" after all others).
    .sort((a, b) => b.literal - a.literal);
  const toChinese = (message: string, depth = 0): string => {
    for (const { key, names, pattern } of patterns) {
      const match = pattern.exec(message);
      if (!match) continue;
      // An argument may itself be a message ("Evidence 2: <the address's problem>").
      const values = Object.fromEntries(names.map((name, i) => [name, depth < 4 ? toChinese(match[i + 1]!, depth + 1) : match[i + 1]!]));
      return translate(`${key}`, values);
    }
    return message;
  };
  return (message) => toChinese(message);
}

const toChinese = sentencesInChinese(en.validation, createTranslator({ locale: "zh", messages: zh, namespace: "validation" }));

/** A validation message from lib/validation in `locale`. */
export function localizeValidationMessage(message: string, locale: Locale): string {
  return locale === "en" ? message : toChinese(message);
}

/** Every field's messages in `locale`. */
export function localizeFieldErrors(errors: Record<string, string[] | undefined>, locale: Locale): Record<string, string[] | undefined> {
  if (locale === "en") return errors;
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages?.map((m) => toChinese(m))]));
}

/** zod's own messages (wrong type, missing field) in `locale`, for a parse: the schemas' own messages take precedence. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap | undefined {
  return locale === "zh" ? zhCN().localeError : undefined;
}
