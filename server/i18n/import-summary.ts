// An import's summary in a language: the lines lib/import/summary.ts gives, said from the importSummary
// catalogue. The editor's page says it in the page's language; the command line (scripts/import.ts) in English.
import { createTranslator } from "next-intl";
import { importSummaryLines, type ImportSummary } from "@/lib/import/summary";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

export function describeImportSummary(summary: ImportSummary, locale: Locale): string[] {
  const t = createTranslator({ locale, messages: locale === "zh" ? zh : en, namespace: "importSummary" });
  return importSummaryLines(summary).map((line) => {
    if (line.key === "read") return t("read", { count: line.values.count, kind: line.values.kind === "benchmarks" ? t("benchmarks") : t("scores") });
    if (line.key === "created") return line.values.count ? t("createdListed", line.values) : t("created", line.values);
    return t(`line.${line.key}`, line.values);
  });
}
