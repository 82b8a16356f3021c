import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { localeAlternates } from "@/server/i18n/alternates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiPage"))("title"), alternates: localeAlternates("/api") };
}

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

export default async function ApiDocsPage() {
  const t = await getTranslations("apiPage");
  return (
    <article className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading" className="text-lg font-semibold">{t("downloadsHeading")}</h2>
        <ul className="list-disc pl-5">
          <li>
            <a href="/exports/scores.csv">{t("allScores")}</a> · <a href="/exports/scores.xlsx">Excel</a> — {t("allScoresNote")}
          </li>
          <li>
            <a href="/exports/benchmarks.csv">{t("allBenchmarks")}</a> · <a href="/exports/benchmarks.xlsx">Excel</a>
          </li>
          <li>
            <a href="/exports/scorecard.pdf">{t("allRoundsPdf")}</a> · <a href="/exports/scorecard-brief.pdf">{t("allRoundsBrief")}</a>
          </li>
        </ul>
        <p className="mt-1 text-sm text-stone-700">{t.rich("downloadFilters", { code, example: "?track=un-hrc&category=legal-reform" })}</p>
      </section>
      <section aria-labelledby="api-heading">
        <h2 id="api-heading" className="text-lg font-semibold">{t("apiHeading")}</h2>
        <p>
          {t.rich("apiIntro", {
            code,
            openapi: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
            shape: "{ data, page, pageSize, total, dataVersion, filters }",
          })}
        </p>
        <table className="mt-3 w-full border-collapse text-sm" data-testid="endpoints">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-2 pr-3">{t("endpoint")}</th>
              <th scope="col" className="py-2 pr-3">{t("returns")}</th>
              <th scope="col" className="py-2">{t("parameters")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(ENDPOINTS).map((e) => (
              <tr key={e.path} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <a href={`${e.path}${e.example}`}><code>{e.path}</code></a>
                </th>
                {/* The API's own description, in English like the OpenAPI document it comes from. */}
                <td className="py-2 pr-3" lang="en">{e.summary}</td>
                <td className="py-2"><code>{Object.keys(e.query.shape).join(", ")}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="scoring-heading">
        <h2 id="scoring-heading" className="text-lg font-semibold">{t("scoringHeading")}</h2>
        <p>
          {t.rich("scoring", {
            code,
            signIn: (chunks) => <Link href="/sign-in">{chunks}</Link>,
            post: "POST /api/v1/assessments",
            body: "{ round, benchmark, expectedLatestId, status, rationale, evidence: [{ url, title, publishedOn }] }",
          })}
        </p>
      </section>
      <section aria-labelledby="embed-heading">
        <h2 id="embed-heading" className="text-lg font-semibold">{t("embedHeading")}</h2>
        <p>{t.rich("embed", { code, iframe: '<iframe src="/embed/fulfilment?track=un-hrc" width="640" height="420" title="Fulfilment index"></iframe>' })}</p>
      </section>
      <p className="text-sm">{t.rich("footer", { code, method: (chunks) => <Link href="/method">{chunks}</Link> })}</p>
    </article>
  );
}
