import Link from "next/link";
import type { Metadata } from "next";
import { ExternalLink } from "@/components/ui/external-link";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getPublicationSettings } from "@/db/queries/publication-settings";
import { listSourceDocuments } from "@/db/queries/sources";
import { STATUSES, type Status } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Method" };
export const dynamic = "force-dynamic";

const SCALE: Record<Status, { meaning: string; weight: string }> = {
  met: { meaning: "Fully done: the person released unconditionally, the law repealed.", weight: "1" },
  partial: { meaning: "Real but incomplete: medical parole or a suspended sentence; a law amended in part.", weight: "½" },
  not_met: { meaning: "Nothing done.", weight: "0" },
  regressed: { meaning: "Worse than at the previous round: re-detained, a new restrictive law.", weight: "0, and counted apart" },
  unknown: { meaning: "Not enough information to judge.", weight: "left out" },
};

export default async function MethodPage() {
  const sources = await listSourceDocuments(getDb());
  const settings = await getPublicationSettings(getDb());
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Method</h1>

      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading" className="text-lg font-semibold">The status scale</h2>
        <table className="mt-2 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1 pr-3">Status</th>
              <th scope="col" className="py-1 pr-3">Meaning</th>
              <th scope="col" className="py-1">Weight in the index</th>
            </tr>
          </thead>
          <tbody>
            {STATUSES.map((s) => (
              <tr key={s} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left"><StatusBadge status={s} /></th>
                <td className="py-2 pr-3">{SCALE[s].meaning}</td>
                <td className="py-2">{SCALE[s].weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="figures-heading" className="space-y-2">
        <h2 id="figures-heading" className="text-lg font-semibold">The figures</h2>
        <p>
          <strong>Fulfilment index</strong> of a set of benchmarks at a round = 100 × (met + ½ × partial) ÷ (met + partial + not met +
          regressed). Benchmarks scored unknown are left out; when nothing could be judged there is no index, shown as “—”, never 0.
        </p>
        <p>
          <strong>Coverage</strong> = judged benchmarks ÷ applicable benchmarks. <strong>Regression rate</strong> = regressed ÷ judged.
        </p>
        <p>
          A benchmark <strong>applies</strong> at every round from the one it was first demanded for. When it is retired — for example
          because the person concerned died in custody — it leaves the denominators of every later round and keeps its history.
        </p>
        <p>
          Each benchmark also has a <strong>scope</strong>: the tracks at whose rounds it is assessed. A demand about how the US–China
          dialogue itself is run — that it meets regularly, lets civil society take part, reports its results — is assessed at the
          dialogue&apos;s rounds only, a demand on what Council members say in a session at Council sessions only; a demand such as a
          release is assessed at every round. Outside its scope a benchmark is not applicable: it is in no denominator, the heat map
          shows a dot, and “what changed” compares it with its own previous round in scope.
        </p>
        <p>Every chart and table states its denominator; the rounds table on the dashboard gives each round&apos;s counts.</p>
      </section>

      <section aria-labelledby="published-heading" className="space-y-2">
        <h2 id="published-heading" className="text-lg font-semibold">How a published score is decided</h2>
        <p>
          After each round, two reviewers score every applicable benchmark independently, each with a rationale and evidence links. Every
          change is kept as a new assessment; nothing is overwritten. Where the two agree, that status is published with the evidence links of
          both (each address once). Where they disagree, an editor reads both rationales and their evidence and decides: one reviewer&apos;s
          assessment stands, or the editor gives a status, rationale and evidence of their own. A decision can be revised; the latest one
          counts and the earlier ones are kept. The editor then publishes the round; its publication time is the data version shown on every
          page and export. Until then the round is named nowhere in public: a statement that addresses it is shown without it, and a
          benchmark that applies from it first appears with that round&apos;s scorecard. Agreement between reviewers is measured per round as
          percent agreement and Cohen&apos;s kappa.
        </p>
        <p data-testid="method-releases">
          Every publication — a round published for the first time, a correction of one already public — is a numbered{" "}
          <Link href="/releases">release</Link> that never changes afterwards: its date, the editor&apos;s note and every score it changed
          (before → after, with the rationale). Any release can be opened again as it stood, and downloaded whole as a data package.
        </p>
        <p data-testid="method-preliminary">
          A round is <strong>preliminary</strong> while fewer than {settings.minCoveragePercent}% of the benchmarks that apply there are judged
          (coverage below the threshold the editors set). Its figures are shown, marked preliminary, on every page, in the exports and in the
          API, because they will change as scoring continues; and no later round&apos;s change is measured against it: the change since the
          previous round is measured against the last round that is not preliminary.
        </p>
        <p>
          People at risk are protected: a person or a benchmark marked confidential never appears on public pages, in the API or in exports.
        </p>
      </section>

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-lg font-semibold">Sources and demo data</h2>
        <p>
          The tracks, rounds, statements and demands come from these public documents, restated in our own words; each item cites the
          document it comes from.
        </p>
        <ul className="list-disc pl-5 text-sm" data-testid="source-documents">
          {sources.map((s) => (
            <li key={s.slug}>
              {s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : <cite>{s.title}</cite>} — {s.publisher}, {formatDate(s.publishedOn, s.datePrecision)}
            </li>
          ))}
        </ul>
        <p>
          The scores shipped with the app are <strong>demonstration data</strong>, marked as such in the database and labelled “Demo” on
          every page. Where a demo rationale rests on public record (a law abolished, a person released or sentenced), it says what
          happened; events taken from outside the five documents are marked as such and should be verified before citing.
        </p>
      </section>
    </article>
  );
}
