import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "@/db/queries/record-history";
import { CHANGE_TIME_FORMAT } from "@/lib/format";
import { describeValue } from "@/lib/record-changes";
import { auditActionWord } from "./audit-entry";

/**
 * A record's history on its workspace page: "changed by … on …: title “A” → “B”". `fieldLabels` names
 * the record's fields in words; a field without a label shows under its own name.
 */
export async function RecordHistory({ entries, fieldLabels, headingId = "history-heading" }: { entries: HistoryEntry[]; fieldLabels: Record<string, string>; headingId?: string }) {
  const [t, tAction, format] = await Promise.all([getTranslations("recordPage"), getTranslations("auditAction"), getFormatter()]);
  const words = { none: t("value.none"), yes: t("value.yes"), no: t("value.no"), separator: t("listSeparator") };
  return (
    <section aria-labelledby={headingId} className="mt-6" data-testid="record-history">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("history")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">{t("noHistory")}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-2 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded border border-stone-200 bg-white p-2">
              <p>
                <strong>{entry.byName ?? t("system")}</strong>{" "}
                {t.rich("historyOn", {
                  action: auditActionWord(tAction, entry.action),
                  date: format.dateTime(new Date(entry.at), CHANGE_TIME_FORMAT),
                  time: (chunks) => <time dateTime={entry.at}>{chunks}</time>,
                })}
                {entry.changes.length > 0 && ":"}
              </p>
              {entry.changes.length > 0 && (
                <ul className="ml-4 list-disc">
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      {fieldLabels[change.field] ?? change.field} {describeValue(change.before, words)} → {describeValue(change.after, words)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
