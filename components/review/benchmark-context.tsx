import { useLocale, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import { DemoLabel } from "@/components/ui/demo-label";
import { ExternalLink } from "@/components/ui/external-link";
import { LocalizedText } from "@/components/ui/localized-text";
import type { ReviewSubject, StatusHistoryEntry } from "@/db/queries/review";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { SUBJECT_EVENT_KINDS, type SubjectEventKind } from "@/lib/domain";

/** Beside the score form: the benchmark's published status at each earlier round, and the people and laws it names with their dated events. */
export function BenchmarkContext({ history, subjects }: { history: StatusHistoryEntry[]; subjects: ReviewSubject[] }) {
  const t = useTranslations("scoring.context");
  const tEvent = useTranslations("event");
  const tWorkspace = useTranslations("workspace");
  const locale = useLocale() as Locale;
  const sourceLink = (href: string) => t.rich("source", { link: (chunks) => <ExternalLink href={href}>{chunks}</ExternalLink> });
  const eventLabel = (kind: string) => ((SUBJECT_EVENT_KINDS as readonly string[]).includes(kind) ? tEvent(kind as SubjectEventKind) : kind);
  return (
    <aside aria-label={t("aside")} className="flex flex-col gap-4 text-sm">
      <section aria-labelledby="history-heading" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="history-heading" className="font-medium">{t("history")}</h2>
        {history.length === 0 ? (
          <p className="mt-1 text-stone-700">{t("noHistory")}</p>
        ) : (
          <table className="mt-1 w-full border-collapse" data-testid="status-history">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-1 pr-2">{t("round")}</th>
                <th scope="col" className="py-1">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.roundSlug} className="border-b border-stone-100" data-round={h.roundSlug}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    <LocalizedText locale={locale} en={h.roundName} zh={h.roundNameZh} />
                  </th>
                  <td className="py-1">
                    <StatusBadge status={h.status} /> {h.isDemo && <DemoLabel />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="subjects-heading" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="subjects-heading" className="font-medium">{t("subjects")}</h2>
        {subjects.length === 0 ? (
          <p className="mt-1 text-stone-700">{t("noSubjects")}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-3" data-testid="subjects">
            {subjects.map((s) => (
              <li key={s.id}>
                <p className="font-medium">
                  <LocalizedText locale={locale} en={s.name} zh={null} />
                  {s.nameZh && (
                    <span lang="zh-Hans" className="ml-2 font-normal">
                      {s.nameZh}
                    </span>
                  )}
                  {s.confidential && <span className="ml-2 rounded bg-stone-800 px-1 text-xs text-white">{tWorkspace("confidential")}</span>}
                </p>
                {s.role ? (
                  <LocalizedText as="p" className="text-stone-700" locale={locale} en={s.role} zh={s.roleZh} />
                ) : (
                  s.article && <LocalizedText as="p" className="text-stone-700" locale={locale} en={s.article} zh={null} />
                )}
                {s.events.length === 0 ? (
                  <p className="text-stone-600">{t("noEvents")}</p>
                ) : (
                  <ol className="mt-1 flex flex-col gap-1">
                    {s.events.map((e, i) => (
                      <li key={i}>
                        <time dateTime={e.occurredOn} className="font-medium">
                          {formatDate(e.occurredOn, e.datePrecision, locale)}
                        </time>{" "}
                        · {t.rich("event", { kind: eventLabel(e.kind), note: () => <LocalizedText locale={locale} en={e.description} zh={e.descriptionZh} /> })}
                        {e.sourceUrl && sourceLink(e.sourceUrl)}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
