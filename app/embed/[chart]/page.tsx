import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FulfilmentLineChart } from "@/components/charts/fulfilment-line-chart";
import { StatusMixChart } from "@/components/charts/status-mix-chart";
import { getDb } from "@/db/client";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { describeFilters } from "@/lib/export/describe";
import { formatPercent } from "@/lib/format";
import { markPreliminary, roundChartLabels } from "@/lib/round-labels";
import { filtersToQuery, parseDashboardFilters, type SearchParams } from "@/lib/validation/dashboard-filters";

export const dynamic = "force-dynamic";

const CHARTS = {
  fulfilment: "Fulfilment index per round",
  "status-mix": "Status mix per round",
} as const;

type Props = { params: Promise<{ chart: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chart } = await params;
  return { title: CHARTS[chart as keyof typeof CHARTS] ?? "Chart not found" };
}

/** One dashboard chart, with the current filters, for an iframe: /embed/fulfilment?track=un-hrc */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { chart } = await params;
  if (!(chart in CHARTS)) notFound();
  const { filters } = parseDashboardFilters(await searchParams);
  const dashboard = await getDashboardSummary(getDb(), filters, { figuresOnly: true });
  const data = dashboard;
  const labels = markPreliminary(roundChartLabels(dashboard.rounds), dashboard.series);
  const preliminary = dashboard.series.filter((s) => s.preliminary).map((s) => s.round.name);
  const dashboardUrl = `/${filtersToQuery(filters)}`;

  return (
    <figure data-testid="embed">
      <figcaption className="mb-1 text-sm font-semibold">
        {CHARTS[chart as keyof typeof CHARTS]} — Dialogue Scorecard{data.hasDemo ? " (demo data)" : ""}
      </figcaption>
      {chart === "fulfilment" ? (
        <FulfilmentLineChart points={dashboard.series.map((r, i) => ({ label: labels[i]!, index: r.index, judged: r.judged, applicable: r.applicable }))} />
      ) : (
        <StatusMixChart bars={dashboard.series.map((r, i) => ({ label: labels[i]!, ...r.tally }))} />
      )}
      {preliminary.length > 0 && (
        <p className="mt-1 text-xs font-semibold text-amber-900" data-testid="embed-preliminary">
          Preliminary: {preliminary.join(", ")} ({preliminary.length === 1 ? "has" : "have"} fewer than {formatPercent(dashboard.minCoverage)} of benchmarks judged; the
          figures will change).
        </p>
      )}
      <p className="mt-1 text-xs text-stone-600">
        Data version {data.dataVersion?.slice(0, 16).replace("T", " ") ?? "—"} UTC · filters: {describeFilters(filters)} · index = 100 × (met + ½ partial) ÷ judged ·{" "}
        <a href={dashboardUrl} target="_blank" rel="noopener noreferrer">
          See the full dashboard
        </a>
      </p>
    </figure>
  );
}
