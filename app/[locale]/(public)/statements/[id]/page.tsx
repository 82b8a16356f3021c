import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localeAlternates } from "@/server/i18n/alternates";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { HeatMap } from "@/components/dashboard/heat-map";
import { CorrectedOn } from "@/components/records/corrected-on";
import { DemoNotice } from "@/components/ui/demo-notice";
import { EditLink } from "@/components/ui/edit-link";
import { LocalizedText } from "@/components/ui/localized-text";
import { ExternalLink } from "@/components/ui/external-link";
import { getStatement, listPublishers, listSignatories } from "@/db/queries/statements";
import { PreliminaryBadge } from "@/components/dashboard/headline";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getCorrectedOn } from "@/db/queries/record-history";
import { recordEditPath } from "@/lib/record-paths";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import { STATUSES } from "@/lib/domain";
import { formatDate, formatIndex, type FormatLocale } from "@/lib/format";
import { contentLang, localized } from "@/lib/localized";
import { formatCount } from "@/lib/pagination";
import { cachedByPublishedData } from "@/server/published-cache";
import { roundChartLabels } from "@/lib/round-labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const statement = await getStatement(getDb(), (await params).id);
  if (!statement) return { title: (await getTranslations("statement"))("notFound") };
  return { title: localized(await getLocale(), statement.title, statement.titleZh).text, alternates: localeAlternates(`/statements/${encodeURIComponent(statement.slug)}`) };
}

export default async function StatementPage({ params }: Props) {
  const db = getDb();
  const statement = await getStatement(db, (await params).id);
  if (!statement) notFound();
  const [publishersOf, signatories, correctedOn] = await Promise.all([listPublishers(db, [statement.id]), listSignatories(db, statement.id), getCorrectedOn(db, { entity: "statement", id: statement.id })]);
  const publishers = publishersOf.get(statement.id) ?? [];
  // The dashboard narrowed to the statement: figures over every benchmark it raised (23,000 for one
  // at scale: kept per data version), the heat map over the first hundred.
  // Sorted by title in the page's language (see load-dashboard.ts).
  const lang = contentLang(await getLocale());
  const dashboard = await cachedByPublishedData(["statement", lang, statement.slug], () =>
    getDashboardSummary(db, { statement: statement.slug }, { heatMapLimit: DASHBOARD_LIMITS.heatMapRows, changesLimit: 0, lang }),
  );
  const labels = roundChartLabels(dashboard.rounds, lang);
  const columns = dashboard.rounds.map((r, i) => ({ id: r.id, slug: r.slug, name: localized(lang, r.name, r.nameZh).text, label: labels[i]! }));
  const [t, tStatements, tKind, tStatus, tRound, locale] = await Promise.all([
    getTranslations("statement"),
    getTranslations("statements"),
    getTranslations("kind"),
    getTranslations("status"),
    getTranslations("roundTable"),
    getLocale(),
  ]);
  const laterRounds = dashboard.series.filter((r) => r.round.startDate >= statement.date && r.applicable > 0);

  return (
    <>
      <p className="text-sm">
        <Link href="/statements">{tStatements("title")}</Link> / {t("crumb")}
      </p>
      <div className="mt-1 flex flex-wrap items-baseline gap-x-2">
        <LocalizedText as="h1" locale={locale} en={statement.title} zh={statement.titleZh} className="text-2xl font-semibold" />
        <EditLink href={recordEditPath("statement", statement.slug)} what={t("editWhat")} />
      </div>
      <CorrectedOn at={correctedOn} />
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("kind")}</dt>
        <dd>{tKind(statement.kind)}</dd>
        <dt className="font-medium">{t("date")}</dt>
        <dd>{formatDate(statement.date, statement.datePrecision, locale as FormatLocale)}</dd>
        <dt className="font-medium">{t("language")}</dt>
        <dd>{statement.language}</dd>
        {publishers.length > 0 && (
          <>
            <dt className="font-medium">{t("publishedBy")}</dt>
            <dd>{publishers.join(", ")}</dd>
          </>
        )}
        {statement.roundSlug && (
          <>
            <dt className="font-medium">{t("addresses")}</dt>
            <dd>
              <Link href={`/rounds/${statement.roundSlug}`}>
                <LocalizedText locale={locale} en={statement.roundName ?? ""} zh={statement.roundNameZh} />
              </Link>
            </dd>
          </>
        )}
        <dt className="font-medium">{t("source")}</dt>
        <dd>
          {statement.sourceUrl ? <ExternalLink href={statement.sourceUrl}>{statement.sourceTitle ?? statement.sourceUrl}</ExternalLink> : statement.sourceTitle}
          {statement.sourcePublisher && ` (${statement.sourcePublisher})`}
        </dd>
      </dl>
      <LocalizedText as="p" locale={locale} en={statement.summary} zh={statement.summaryZh} className="mt-3 max-w-3xl" />

      {signatories.length > 0 && (
        <section aria-labelledby="signatories-heading" className="mt-6">
          <h2 id="signatories-heading" className="text-lg font-semibold">{t("signatories", { count: signatories.length })}</h2>
          <ul className="mt-2 grid gap-x-4 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="signatories">
            {signatories.map((s, i) => (
              <li key={i}>
                {s.name}
                {s.role && <span className="text-stone-600"> · {s.role}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="progress-heading" className="mt-6">
        <h2 id="progress-heading" className="text-lg font-semibold">{t("progressHeading")}</h2>
        {laterRounds.length === 0 ? (
          <p className="mt-2 text-sm">{t("progressEmpty")}</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="statement-progress">
              <caption className="sr-only">{t("progressCaption")}</caption>
              <thead>
                <tr className="border-b border-stone-300 text-left">
                  <th scope="col" className="py-1 pr-2">{tRound("round")}</th>
                  <th scope="col" className="py-1 pr-2 text-right">{tRound("applicable")}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col" className="py-1 pr-2 text-right">{tStatus(s)}</th>
                  ))}
                  <th scope="col" className="py-1 text-right">{tRound("index")}</th>
                </tr>
              </thead>
              <tbody>
                {laterRounds.map((r) => (
                  <tr key={r.round.id} className="border-b border-stone-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={`/rounds/${r.round.slug}`}>
                        <LocalizedText locale={locale} en={r.round.name} zh={r.round.nameZh} />
                      </Link>
                      {r.preliminary && <PreliminaryBadge />}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{r.applicable}</td>
                    {STATUSES.map((s) => (
                      <td key={s} className="py-1 pr-2 text-right tabular-nums">{r.tally[s]}</td>
                    ))}
                    <td className="py-1 text-right font-semibold tabular-nums">{formatIndex(r.index)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="benchmarks-heading" className="mt-6">
        <h2 id="benchmarks-heading" className="mb-2 text-lg font-semibold">{t("benchmarksHeading", { count: formatCount(dashboard.heatMapTotal) })}</h2>
        {dashboard.heatMapTotal === 0 ? (
          <p className="text-sm">{t("noBenchmarks")}</p>
        ) : (
          <>
            {dashboard.hasDemo && <DemoNotice />}
            {dashboard.heatMapTotal > dashboard.heatMapShown && (
              <p className="mb-2 text-sm" data-testid="heat-map-limit">
                {t("limited", { shown: formatCount(dashboard.heatMapShown), total: formatCount(dashboard.heatMapTotal) })}{" "}
                <a href={`/exports/scores.csv?statement=${statement.slug}`}>{t("downloadAll")}</a>.
              </p>
            )}
            <HeatMap groups={dashboard.heatMap} columns={columns} />
          </>
        )}
      </section>
    </>
  );
}
