// An import's problems in the language of the page: each sentence of a problem (the commands join a row's
// sentences with a space) is found by its English text in the importProblem catalogue, or, for a cell the
// row schema refused, in the validation catalogue.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { localizeValidationMessage, sentencesInChinese } from "./validation";

const problems = sentencesInChinese(en.importProblem, createTranslator({ locale: "zh", messages: zh, namespace: "importProblem" }));

/** A sentence ends at a full stop followed by the capital (or opening quote) of the next. */
const SENTENCE_BREAK = /(?<=\.)\s+(?=[A-Z“])/;

export function localizeImportProblem(message: string, locale: Locale): string {
  if (locale === "en") return message;
  return message
    .split(SENTENCE_BREAK)
    .map((sentence) => {
      const said = problems(sentence);
      return said !== sentence ? said : localizeValidationMessage(sentence, locale);
    })
    .join("");
}
