import { FulfilmentLineChart } from "@/components/charts/fulfilment-line-chart";
import { StatusMixChart } from "@/components/charts/status-mix-chart";
import { RoundTable } from "@/components/dashboard/round-table";
import { DemoNotice } from "@/components/ui/demo-notice";
import { listRoundSummaries } from "@/db/queries/round-summaries";
import { formatIndex, formatSignedDelta } from "@/lib/format";
import { roundChartLabels } from "@/lib/round-labels";

// Published scores change whenever an editor publishes; read them per request.
export const dynamic = "force-dynamic";

export default function DashboardPage() {
  const summaries = listRoundSummaries();
  const published = summaries.filter((r) => r.publishedAt !== null);
  const labels = roundChartLabels(published);
  const latest = published.at(-1);
  const previous = published.at(-2);
  const dataVersion = published.map((r) => r.publishedAt!).sort().at(-1);

  if (!latest) {
    return (
      <section>
        <h1 className="text-2xl font-semibold">Dialogue Scorecard</h1>
        <p className="mt-4">No round has been published yet. Once an editor publishes a round, its scores appear here.</p>
      </section>
    );
  }

  const indexDelta = latest.index !== null && previous?.index != null ? latest.index - previous.index : null;

  return (
    <>
      <h1 className="text-2xl font-semibold">Did the dialogues deliver?</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        Civil-society groups put concrete demands to the governments at each round of the human-rights dialogues
        with China. Each demand is a benchmark; after every round it is scored met, partial, not met, regressed or
        unknown. The fulfilment index is 100 × (met + ½ partial) ÷ judged benchmarks.
      </p>
      <p className="mt-1 text-xs text-stone-600">
        Data version: published {dataVersion ? new Date(dataVersion).toISOString().replace("T", " ").slice(0, 16) : "—"} UTC
      </p>

      <div className="mt-4">{published.some((r) => r.hasDemo) && <DemoNotice />}</div>

      <section aria-labelledby="headline" className="mb-8 grid gap-4 sm:grid-cols-3">
        <h2 id="headline" className="sr-only">Latest round</h2>
        <div className="rounded border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">Latest round</p>
          <p className="font-semibold">{latest.name}</p>
        </div>
        <div className="rounded border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">Fulfilment index</p>
          <p className="text-3xl font-semibold tabular-nums" data-testid="latest-index">{formatIndex(latest.index)}</p>
          <p className="text-xs text-stone-600">over {latest.judged} judged of {latest.applicable} applicable benchmarks</p>
        </div>
        <div className="rounded border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">Change since the previous round</p>
          <p className="text-3xl font-semibold tabular-nums">{formatSignedDelta(indexDelta)}</p>
          <p className="text-xs text-stone-600">{previous ? `from ${previous.name}` : "no earlier round"}</p>
        </div>
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="index-heading" className="rounded border border-stone-200 bg-white p-4">
          <h2 id="index-heading" className="text-lg font-semibold">Fulfilment index per round</h2>
          <p className="mb-2 text-xs text-stone-600">
            0–100. Denominator: benchmarks judged at each round (met, partial, not met, regressed); see the table below.
          </p>
          <FulfilmentLineChart
            points={published.map((r, i) => ({ label: labels[i]!, index: r.index, judged: r.judged, applicable: r.applicable }))}
          />
        </section>
        <section aria-labelledby="mix-heading" className="rounded border border-stone-200 bg-white p-4">
          <h2 id="mix-heading" className="text-lg font-semibold">Status mix per round</h2>
          <p className="mb-2 text-xs text-stone-600">
            Number of benchmarks with each published status. Denominator: every benchmark scored at the round.
          </p>
          <StatusMixChart bars={published.map((r, i) => ({ label: labels[i]!, ...r.tally }))} />
        </section>
      </div>

      <section aria-labelledby="rounds-heading" className="mt-8">
        <h2 id="rounds-heading" className="mb-2 text-lg font-semibold">Rounds</h2>
        <RoundTable rows={published} />
      </section>
    </>
  );
}
