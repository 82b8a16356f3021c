import { useLocale, useTranslations } from "next-intl";
import { formatDate, type FormatLocale } from "@/lib/format";

/**
 * "Corrected on 2 December 2026" under a public record's heading, where its public text changed after
 * it was published (db/queries/record-history.ts getCorrectedOn). The date only: who and what stay in
 * the workspace.
 */
export function CorrectedOn({ at }: { at: string | null }) {
  const t = useTranslations("common");
  const locale = useLocale() as FormatLocale;
  if (!at) return null;
  const day = at.slice(0, 10);
  return (
    <p className="mt-1 text-sm text-stone-700" data-testid="corrected-on">
      {t.rich("correctedOn", { date: formatDate(day, "day", locale), when: (chunks) => <time dateTime={day}>{chunks}</time> })}
    </p>
  );
}
