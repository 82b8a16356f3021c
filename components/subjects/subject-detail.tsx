import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { HeatMap } from "@/components/dashboard/heat-map";
import { CorrectedOn } from "@/components/records/corrected-on";
import { DemoNotice } from "@/components/ui/demo-notice";
import { EditLink } from "@/components/ui/edit-link";
import type { DashboardSummary } from "@/db/queries/dashboard-summary";
import type { PublicSubject, SubjectEvent, SubjectPage } from "@/db/queries/subjects";
import { SUBJECT_EVENT_KINDS, type SubjectEventKind } from "@/lib/domain";
import { formatDate, type FormatLocale } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { contentLang, localized } from "@/lib/localized";
import { formatCount } from "@/lib/pagination";
import { roundChartLabels } from "@/lib/round-labels";

/** A person or law: its events, and the dashboard narrowed to the benchmarks concerning it, as the page read them. */
export function SubjectDetail({
  page,
  subject,
  events,
  dashboard,
  correctedOn,
  editHref,
}: {
  page: SubjectPage;
  subject: PublicSubject;
  events: SubjectEvent[];
  dashboard: DashboardSummary;
  /** When the public text of the record or one of its events was last corrected. */
  correctedOn: string | null;
  editHref: string;
}) {
  const t = useTranslations("subjectDetail");
  const tSubjects = useTranslations("subjects");
  const tEvent = useTranslations("event");
  const locale = useLocale() as Locale;
  const eventLabel = (kind: string) => ((SUBJECT_EVENT_KINDS as readonly string[]).includes(kind) ? tEvent(kind as SubjectEventKind) : kind);
  const labels = roundChartLabels(dashboard.rounds, contentLang(locale));
  const columns = dashboard.rounds.map((r, i) => ({ id: r.id, slug: r.slug, name: localized(locale, r.name, r.nameZh).text, label: labels[i]! }));

  return (
    <>
      <p className="text-sm">
        <Link href={`/${page}`}>{tSubjects(`${page}.title`)}</Link> / {subject.name}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        {subject.name}
        {subject.nameZh && (
          <span lang="zh-Hans" className="ml-3 font-normal">
            {subject.nameZh}
          </span>
        )}
        <EditLink href={editHref} what={t("editWhat", { name: subject.name })} />
      </h1>
      <CorrectedOn at={correctedOn} />
      {subject.role ? (
        <LocalizedText as="p" locale={locale} en={subject.role} zh={subject.roleZh} className="text-stone-700" />
      ) : (
        subject.article && <p className="text-stone-700">{subject.article}</p>
      )}
      <LocalizedText as="p" locale={locale} en={subject.description} zh={subject.descriptionZh} className="mt-2 max-w-3xl" />

      <section aria-labelledby="events-heading" className="mt-6">
        <h2 id="events-heading" className="text-lg font-semibold">{t("eventsHeading")}</h2>
        {events.length === 0 ? (
          <p className="mt-2 text-sm">{t("noEvents")}</p>
        ) : (
          <ol className="mt-2 space-y-2" data-testid="events">
            {events.map((e, i) => (
              <li key={i} className="rounded border border-stone-200 bg-white p-3 text-sm">
                <p>
                  <time dateTime={e.occurredOn} className="font-medium">{formatDate(e.occurredOn, e.datePrecision, locale as FormatLocale)}</time> ·{" "}
                  {eventLabel(e.kind)}: <LocalizedText locale={locale} en={e.description} zh={e.descriptionZh} />
                </p>
                <p className="text-xs text-stone-600">
                  {e.sourceTitle ? t("source", { title: e.sourceTitle }) : t("sourceOutside")}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="benchmarks-heading" className="mt-6">
        <h2 id="benchmarks-heading" className="mb-2 text-lg font-semibold">{t("benchmarksHeading")}</h2>
        {dashboard.heatMapTotal === 0 ? (
          <p className="text-sm">{t("noBenchmarks", { name: subject.name })}</p>
        ) : (
          <>
            {dashboard.hasDemo && <DemoNotice />}
            {dashboard.heatMapTotal > dashboard.heatMapShown && (
              <p className="mb-2 text-sm" data-testid="heat-map-limit">
                {t("limited", { shown: formatCount(dashboard.heatMapShown), total: formatCount(dashboard.heatMapTotal) })}{" "}
                <a href={`/exports/scores.csv?subject=${subject.slug}`}>{t("downloadAll")}</a>.
              </p>
            )}
            <HeatMap groups={dashboard.heatMap} columns={columns} />
          </>
        )}
      </section>
    </>
  );
}
