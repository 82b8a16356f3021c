import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FulfilmentLineChart } from "@/components/charts/fulfilment-line-chart";
import { StatusMixChart } from "@/components/charts/status-mix-chart";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { getFilterNames } from "@/db/queries/filter-options";
import { describeFiltersInWords } from "@/lib/export/describe";
import { exportWords } from "@/lib/export/words";
import { formatPercent } from "@/lib/format";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { contentLang, localized } from "@/lib/localized";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import { filtersToQuery, parseDashboardFilters, type SearchParams } from "@/lib/validation/dashboard-filters";

export const dynamic = "force-dynamic";

const CHARTS = ["fulfilment", "status-mix"] as const;
type Chart = (typeof CHARTS)[number];
const isChart = (chart: string): chart is Chart => (CHARTS as readonly string[]).includes(chart);

type Props = { params: Promise<{ chart: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chart } = await params;
  const t = await getTranslations("embed");
  return { title: isChart(chart) ? (chart === "fulfilment" ? t("fulfilment") : t("statusMix")) : t("notFound") };
}

/** One dashboard chart, with the current filters, for an iframe: /embed/fulfilment?track=un-hrc, or /zh/embed/fulfilment in Chinese. */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { chart } = await params;
  if (!isChart(chart)) notFound();
  const locale = (await getLocale()) as Locale;
  const lang = contentLang(locale);
  const t = await getTranslations("embed");
  const { filters } = parseDashboardFilters(await searchParams);
  const [dashboard, filterNames] = await Promise.all([getDashboardSummary(getDb(), filters, { figuresOnly: true }), getFilterNames(getDb(), filters)]);
  const data = dashboard;
  const labels = markPreliminary(roundChartLabels(dashboard.rounds, lang), dashboard.series, lang);
  const preliminary = dashboard.series.filter((s) => s.preliminary).map((s) => localized(lang, s.round.name, s.round.nameZh).text);
  const dashboardUrl = `${localizedPath(locale, "/")}${filtersToQuery(filters)}`;

  return (
    <figure data-testid="embed">
      <figcaption className="mb-1 text-sm font-semibold">
        {t("caption", { chart: chart === "fulfilment" ? t("fulfilment") : t("statusMix") })}
        {data.hasDemo ? t("demo") : ""}
      </figcaption>
      {chart === "fulfilment" ? (
        <FulfilmentLineChart points={dashboard.series.map((r, i) => ({ label: labels[i]!, index: r.index, judged: r.judged, applicable: r.applicable }))} />
      ) : (
        <StatusMixChart bars={dashboard.series.map((r, i) => ({ label: labels[i]!, ...r.tally }))} />
      )}
      {preliminary.length > 0 && (
        <p className="mt-1 text-xs font-semibold text-amber-900" data-testid="embed-preliminary">
          {t("preliminary", { rounds: exportWords(lang).names(preliminary), count: preliminary.length, threshold: formatPercent(dashboard.minCoverage) })}
        </p>
      )}
      <p className="mt-1 text-xs text-stone-600">
        {t("credits", { version: data.dataVersion?.slice(0, 16).replace("T", " ") ?? "—", filters: describeFiltersInWords(filters, filterNames, exportWords(lang)) })}
        <a href={dashboardUrl} target="_blank" rel="noopener noreferrer">
          {t("dashboard")}
        </a>
      </p>
    </figure>
  );
}
