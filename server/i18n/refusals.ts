// A command's refusal in the language of the page the action came from. A coded refusal (CodedRefusal:
// ScopeError, ConfidentialityError, StatementError, RedactionError, ReferenceDataError, ConflictError,
// PreliminaryRefusedError, DraftError, RecordEditError, ScoreRefusedError) names its catalogue key and values.
// Any other error's English sentence is looked up in the "refusal" catalogue by its text, as the validation
// messages are. The stale form and the deletion of a referenced record carry their parts, said again from those.
import { createTranslator } from "next-intl";
import { EditConflictError } from "@/db/commands/record-edits";
import { ReferencedRecordError } from "@/db/commands/reference";
import type { Locale } from "@/lib/i18n/locales";
import { CodedRefusal, type RefusalNamespace, type RefusalParam } from "@/lib/refusal";
import { referenceKey } from "@/lib/record-references";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { sentencesInChinese } from "./validation";

const sentences = sentencesInChinese(en.refusal, createTranslator({ locale: "zh", messages: zh, namespace: "refusal" }));
const draftSentences = sentencesInChinese(en.draftAnswer, createTranslator({ locale: "zh", messages: zh, namespace: "draftAnswer" }));

/** What a decision on a draft answers, or why it is refused (db/commands/drafts.ts), in `locale`. */
export function localizeDraftMessage(message: string, locale: Locale): string {
  return locale === "en" ? message : draftSentences(message);
}

function codedInChinese(error: CodedRefusal<RefusalNamespace>): string {
  const t = createTranslator({ locale: "zh", messages: zh, namespace: error.namespace }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const say = (value: RefusalParam): string | number => {
    if (typeof value !== "object") return value;
    if ("word" in value) return t(value.word, sayAll(value.values ?? {}));
    return value.zh || value.en;
  };
  const sayAll = (params: Record<string, RefusalParam>) => Object.fromEntries(Object.entries(params).map(([name, value]) => [name, say(value)]));
  return t(error.code, sayAll(error.params));
}

export function localizeRefusal(error: Error, locale: Locale): string {
  if (locale === "en") return error.message;
  if (error instanceof EditConflictError) {
    const t = createTranslator({ locale: "zh", messages: zh, namespace: "refusal" });
    const when = error.changedAt ? t("conflictWhen", { date: error.changedAt.slice(0, 16).replace("T", " ") }) : "";
    return t("conflict", { who: error.changedBy ?? t("someone"), when });
  }
  if (error instanceof ReferencedRecordError) {
    const t = createTranslator({ locale: "zh", messages: zh, namespace: "refusal" });
    const refs = createTranslator({ locale: "zh", messages: zh, namespace: "recordPage" });
    const list = error.references
      .map((r) => {
        const key = referenceKey(r.what);
        return key ? refs(`refs.${key}`, { count: r.count }) : `${r.count} ${r.what}`;
      })
      .join(refs("listSeparator"));
    return t("referenced", { kind: sentences(error.kind), list, retire: sentences(error.retire) });
  }
  if (error instanceof CodedRefusal) return codedInChinese(error);
  return sentences(error.message);
}
