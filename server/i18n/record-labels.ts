// How the confidential-names page and its decisions name a record, in the page's language, from the parts
// db/queries/confidential-texts.ts gives (a title, a statement and its signatory, a demand and the
// statement that raised it, an event of a person or law, a score or evidence at a round).
import { createTranslator } from "next-intl";
import type { RecordLabel, TextField } from "@/db/queries/confidential-texts";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const catalogue = (locale: Locale) => (locale === "zh" ? zh : en);

/** A record's label in `locale`: its own words (titles, names) as written, the words around them from the catalogue. */
export function recordLabelText(label: RecordLabel, locale: Locale): string {
  const t = createTranslator({ locale, messages: catalogue(locale), namespace: "confidentialTexts" });
  switch (label.kind) {
    case "title":
      return label.title;
    case "signatory":
      return t("label.signatory", { statement: label.statement, position: label.position });
    case "source":
      return t("label.source", { benchmark: label.benchmark, statement: label.statement });
    case "event": {
      const event = createTranslator({ locale, messages: catalogue(locale), namespace: "event" });
      return t("label.event", { subject: label.subject, event: event(label.event), date: label.date });
    }
    case "score":
      return t("label.score", { benchmark: label.benchmark, round: label.round });
    case "evidence":
      return t("label.evidence", { benchmark: label.benchmark, round: label.round });
  }
}

/** A field's name in `locale` (the text of a record the list found a name in). */
export function textFieldName(field: TextField, locale: Locale): string {
  return createTranslator({ locale, messages: catalogue(locale), namespace: "confidentialTexts" })(`field.${field}`);
}
