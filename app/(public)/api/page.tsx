import type { Metadata } from "next";
import Link from "next/link";
import { ENDPOINTS } from "@/lib/api/endpoints";

export const metadata: Metadata = { title: "Data and API" };

export default function ApiDocsPage() {
  return (
    <article className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Data and API</h1>
      <p>
        Everything on the public pages is available as data: download it from the dashboard and scorecards (CSV, Excel, PDF), or read it
        over a JSON API. Published data only; confidential people and benchmarks never appear. Every answer names its data version — the
        time the rounds it covers were published — and its filters.
      </p>
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading" className="text-lg font-semibold">Downloads</h2>
        <ul className="list-disc pl-5">
          <li><a href="/exports/scores.csv">All scores (CSV)</a> · <a href="/exports/scores.xlsx">Excel</a> — one row per benchmark and round</li>
          <li><a href="/exports/benchmarks.csv">All benchmarks (CSV)</a> · <a href="/exports/benchmarks.xlsx">Excel</a></li>
          <li><a href="/exports/scorecard.pdf">Scorecard of every round (PDF)</a> · <a href="/exports/scorecard-brief.pdf">its two-page brief (PDF)</a></li>
        </ul>
        <p className="mt-1 text-sm text-stone-700">Each download takes the dashboard&apos;s filters as query parameters, e.g. <code>?track=un-hrc&amp;category=legal-reform</code>.</p>
      </section>
      <section aria-labelledby="api-heading">
        <h2 id="api-heading" className="text-lg font-semibold">JSON API, version 1</h2>
        <p>
          The machine-readable description is the OpenAPI document at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Lists are
          paginated with <code>page</code> and <code>pageSize</code> (up to 500) and answer <code>{"{ data, page, pageSize, total, dataVersion, filters }"}</code>.
          Answers carry an ETag: a cache may keep one but must check it with If-None-Match before using it again (a 304 when nothing changed). An unknown or malformed parameter gets a 400 that names it.
        </p>
        <table className="mt-3 w-full border-collapse text-sm" data-testid="endpoints">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-2 pr-3">Endpoint</th>
              <th scope="col" className="py-2 pr-3">What it returns</th>
              <th scope="col" className="py-2">Parameters</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(ENDPOINTS).map((e) => (
              <tr key={e.path} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <a href={`${e.path}${e.example}`}><code>{e.path}</code></a>
                </th>
                <td className="py-2 pr-3">{e.summary}</td>
                <td className="py-2"><code>{Object.keys(e.query.shape).join(", ")}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="scoring-heading">
        <h2 id="scoring-heading" className="text-lg font-semibold">Saving scores from a reviewer&apos;s tool (signed in)</h2>
        <p>
          Not part of the public API: <code>POST /api/v1/assessments</code> saves a score as the review form does, for a signed-in reviewer
          or editor (session cookie from <Link href="/sign-in">signing in</Link>). The JSON body is{" "}
          <code>{"{ round, benchmark, expectedLatestId, status, rationale, evidence: [{ url, title, publishedOn }] }"}</code>, where{" "}
          <code>expectedLatestId</code> is the id of your latest assessment of that benchmark and round (0 for none). It answers 201 with the
          new <code>id</code>; 401 without a session, 400 with the problems for bad input, 409 if your score changed since (with the
          current <code>latestId</code>), 413 for a body over 256 KB. Every save is a new assessment; nothing is overwritten.
        </p>
      </section>
      <section aria-labelledby="embed-heading">
        <h2 id="embed-heading" className="text-lg font-semibold">Embedding a chart</h2>
        <p>
          Put one dashboard chart on your own site with an iframe; it keeps the filters, names its data version and links back:{" "}
          <code>{'<iframe src="/embed/fulfilment?track=un-hrc" width="640" height="420" title="Fulfilment index"></iframe>'}</code> (also{" "}
          <code>/embed/status-mix</code>). Each chart on the dashboard can also be saved as SVG or PNG.
        </p>
      </section>
      <p className="text-sm">
        How the figures are computed is on the <Link href="/method">method page</Link>. Scores shipped with the app are demonstration data and are
        flagged <code>demo</code> in every format.
      </p>
    </article>
  );
}
