import { useLocale, useTranslations } from "next-intl";
import { ChartDownload } from "@/components/charts/chart-download";
import { FulfilmentLineChart } from "@/components/charts/fulfilment-line-chart";
import { ExportLinks } from "@/components/exports/export-links";
import { describeFiltersInWords, type FilterNames } from "@/lib/export/describe";
import { GroupIndexChart } from "@/components/charts/group-index-chart";
import { StatusMixChart } from "@/components/charts/status-mix-chart";
import { ChangesList } from "./changes-list";
import { FilterForm } from "./filter-form";
import { GroupTable } from "./group-table";
import { HeatMap } from "./heat-map";
import { Headline } from "./headline";
import { RoundTable } from "./round-table";
import { DataVersion } from "@/components/ui/data-version";
import { DemoNotice } from "@/components/ui/demo-notice";
import type { DashboardSummary } from "@/db/queries/dashboard-summary";
import type { FilterOptions } from "@/db/queries/filter-options";
import type { Addressee } from "@/lib/domain";
import { exportWords } from "@/lib/export/words";
import { localizedPath } from "@/lib/i18n/locales";
import { contentLang, localized } from "@/lib/localized";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import { formatCount, pageInfo } from "@/lib/pagination";
import { Pagination } from "@/components/ui/pagination";
import { DASHBOARD_PAGE_KEYS, filtersToQuery, hasFilters, type DashboardFilters, type DashboardPages } from "@/lib/validation/dashboard-filters";

export interface DashboardViewProps {
  filters: DashboardFilters;
  /** The page of the heat map and of the named changes in view. */
  pages: DashboardPages;
  /** The release the view is pinned to (?release=N), kept in the addresses of the other pages. */
  release?: number;
  /** Filter values that were ignored, as the reader is told (never quoted back: see proxy.ts). */
  problems: string[];
  dashboard: DashboardSummary;
  options: FilterOptions;
  /** The filters' public names, for the charts' stamps ("Track: UN Human Rights Council", not "track = un-hrc"). */
  filterNames: FilterNames;
}

/** The whole dashboard for a query string's filters, as the page read it (app/[locale]/(public)/load-dashboard.ts). */
export function DashboardView({ filters, pages, release, problems, dashboard, options, filterNames }: DashboardViewProps) {
  const t = useTranslations("dashboard");
  const tAddressee = useTranslations("addressee");
  const locale = useLocale();
  // Round names inside sentences: in Chinese where there is one (a sentence cannot mark one word's language).
  const nameOf = (round: { name: string; nameZh?: string | null }) => localized(locale, round.name, round.nameZh).text;
  const data = dashboard;
  const lang = contentLang(locale);
  const labels = markPreliminary(roundChartLabels(dashboard.rounds, lang), dashboard.series, lang);
  const columns = dashboard.rounds.map((r, i) => ({ id: r.id, slug: r.slug, name: nameOf(r), label: labels[i]! }));

  const { latest, previous } = dashboard;
  const filtered = hasFilters(filters);
  // Another page of one list keeps the other list's page, and the release a pinned view names.
  const pageHref = (changed: Partial<DashboardPages>, anchor: string) => {
    const next = { ...pages, ...changed };
    const extra: Record<string, string> = {};
    if (release) extra.release = String(release);
    for (const key of DASHBOARD_PAGE_KEYS) if (next[key] > 1) extra[key] = String(next[key]);
    return `/${filtersToQuery(filters, extra)}#${anchor}`;
  };
  const heatInfo = pageInfo(pages.heatPage, DASHBOARD_LIMITS.heatMapPage, dashboard.heatMapTotal);
  const stamp = t("stamp", { version: data.dataVersion?.slice(0, 16).replace("T", " ") ?? "—", filters: describeFiltersInWords(filters, filterNames, exportWords(lang)) }) + (data.hasDemo ? t("stampDemo") : "");

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("intro")}</p>
      <DataVersion publishedAt={data.dataVersion} />

      {data.hasDemo && (
        <div className="mt-4">
          <DemoNotice />
        </div>
      )}

      <div className="mt-4">
        <FilterForm filters={filters} options={options} />
      </div>
      <div className="mt-2">
        <ExportLinks filters={filters} />
      </div>
      {problems.length > 0 && (
        <div role="status" className="mt-3 rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          <p className="font-medium">{t("ignored")}</p>
          <ul className="list-disc pl-5">
            {problems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {data.unmatched.length > 0 && (
        <div role="status" className="mt-3 rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          <p className="font-medium">{t("unmatched")}</p>
          <ul className="list-disc pl-5">
            {data.unmatched.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      {!latest ? (
        <section className="mt-8 rounded border border-stone-200 bg-white p-6">
          <h2 className="text-lg font-semibold">{t("empty")}</h2>
          <p className="mt-2">
            {filtered ? t("emptyFiltered") : t("emptyNone")}
          </p>
        </section>
      ) : (
        <>
          <Headline latest={latest} previous={previous} series={dashboard.series} minCoverage={dashboard.minCoverage} />

          <div className="mt-8 grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="index-heading" className="rounded border border-stone-200 bg-white p-4">
              <h2 id="index-heading" className="text-lg font-semibold">{t("indexHeading")}</h2>
              <p className="mb-2 text-xs text-stone-600">{t("indexNote")}</p>
              <ChartDownload fileBase="fulfilment-index" embedHref={`${localizedPath(lang, "/embed/fulfilment")}${filtersToQuery(filters)}`} stamp={`${stamp} · ${t("stampIndex")}`}>
                <FulfilmentLineChart
                  points={dashboard.series.map((r, i) => ({ label: labels[i]!, index: r.index, judged: r.judged, applicable: r.applicable }))}
                />
              </ChartDownload>
            </section>
            <section aria-labelledby="mix-heading" className="rounded border border-stone-200 bg-white p-4">
              <h2 id="mix-heading" className="text-lg font-semibold">{t("mixHeading")}</h2>
              <p className="mb-2 text-xs text-stone-600">{t("mixNote")}</p>
              <ChartDownload fileBase="status-mix" embedHref={`${localizedPath(lang, "/embed/status-mix")}${filtersToQuery(filters)}`} stamp={`${stamp} · ${t("stampMix")}`}>
                <StatusMixChart bars={dashboard.series.map((r, i) => ({ label: labels[i]!, ...r.tally }))} />
              </ChartDownload>
            </section>
            <section aria-labelledby="category-heading" className="rounded border border-stone-200 bg-white p-4">
              <h2 id="category-heading" className="text-lg font-semibold">{t("categoryHeading")}</h2>
              <p className="mb-2 text-xs text-stone-600">{t("categoryNote", { round: nameOf(latest.round) })}</p>
              <GroupIndexChart testId="category-chart" bars={dashboard.byCategory.map((g) => ({ label: localized(locale, g.label, g.labelZh).text, index: g.index }))} />
              <GroupTable caption={t("categoryHeading")} testId="category-table" groups={dashboard.byCategory} />
            </section>
            <section aria-labelledby="addressee-heading" className="rounded border border-stone-200 bg-white p-4">
              <h2 id="addressee-heading" className="text-lg font-semibold">{t("addresseeHeading")}</h2>
              <p className="mb-2 text-xs text-stone-600">{t("addresseeNote", { round: nameOf(latest.round) })}</p>
              <GroupIndexChart
                testId="addressee-chart"
                bars={dashboard.byAddressee.map((g) => ({ label: tAddressee(g.key as Addressee), index: g.index }))}
              />
              <GroupTable
                caption={t("addresseeHeading")}
                testId="addressee-table"
                groups={dashboard.byAddressee.map((g) => ({ ...g, label: tAddressee(g.key as Addressee) }))}
              />
            </section>
          </div>

          <section aria-labelledby="changes-heading" className="mt-8">
            <h2 id="changes-heading" className="mb-2 text-lg font-semibold">
              {t("changesHeading")}
            </h2>
            {latest.preliminary && previous && (
              <p className="mb-2 text-sm text-amber-950" data-testid="changes-preliminary">
                {t("changesPreliminary", { round: nameOf(latest.round) })}
              </p>
            )}
            {previous ? (
              <ChangesList
                changes={dashboard.changes}
                counts={dashboard.changeCounts}
                fromName={nameOf(previous.round)}
                toName={nameOf(latest.round)}
                previousRoundId={previous.round.id}
                roundNames={dashboard.rounds.map((r) => ({ id: r.id, name: nameOf(r) }))}
                page={pages.changesPage}
                pageSize={DASHBOARD_LIMITS.changesPage}
                hrefFor={(page) => pageHref({ changesPage: page }, "changes-heading")}
              />
            ) : (
              <p className="text-sm">
                {dashboard.series.length > 1 ? t("noComparable") : t("oneRound")}
              </p>
            )}
          </section>

          <section aria-labelledby="heat-heading" className="mt-8">
            <h2 id="heat-heading" className="mb-2 text-lg font-semibold">{t("heatHeading")}</h2>
            {heatInfo.outOfRange ? (
              <p className="mb-2 text-sm" role="note">
                {t("heatPastEnd", { page: formatCount(heatInfo.page), pageCount: formatCount(heatInfo.pageCount) })}
              </p>
            ) : (
              heatInfo.pageCount > 1 && (
                <p className="mb-2 text-sm" role="note">
                  {t("heatLimited", { from: formatCount(heatInfo.from), to: formatCount(heatInfo.to), total: formatCount(heatInfo.total) })}
                </p>
              )
            )}
            <HeatMap groups={dashboard.heatMap} columns={columns} />
            <Pagination info={heatInfo} hrefFor={(page) => pageHref({ heatPage: page }, "heat-heading")} label={t("heatPages")} prefetch={false} />
          </section>

          <section aria-labelledby="rounds-heading" className="mt-8">
            <h2 id="rounds-heading" className="mb-2 text-lg font-semibold">{t("roundsHeading")}</h2>
            <RoundTable rows={dashboard.series} />
          </section>
        </>
      )}
    </>
  );
}
