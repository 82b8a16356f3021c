import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/locales";
import { localizeValidationMessage } from "@/server/i18n/validation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { PageDescription } from "@/components/ui/page-description";
import { localeAlternates } from "@/server/i18n/alternates";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/exports/export-links";
import { RoundSummaryFigures } from "@/components/scorecard/round-summary-figures";
import { ScorecardEntry } from "@/components/scorecard/scorecard-entry";
import { ScorecardViewForm } from "@/components/scorecard/scorecard-view-form";
import { CorrectedOn } from "@/components/records/corrected-on";
import { DataVersion } from "@/components/ui/data-version";
import { EditLink } from "@/components/ui/edit-link";
import { DemoNotice } from "@/components/ui/demo-notice";
import { Pagination } from "@/components/ui/pagination";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getCorrectedOn } from "@/db/queries/record-history";
import { getNeighbourRounds, getPublishedRound } from "@/db/queries/rounds";
import {
  countScorecardScope,
  getCategoryId,
  getRoundTally,
  listScorecardBenchmarks,
  listScorecardCategories,
  listScorecardPageIds,
  viewTotal,
} from "@/db/queries/scorecard";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { PDF_MAX_BENCHMARKS } from "@/db/queries/scorecard-pdf";
import { formatRoundDate, type FormatLocale } from "@/lib/format";
import { localized } from "@/lib/localized";
import { recordEditPath } from "@/lib/record-paths";
import { formatCount, pageInfo } from "@/lib/pagination";
import { summariseTally } from "@/lib/scoring";
import { getDb } from "@/db/client";
import { feedAlternates } from "@/server/feeds/atom-feeds";
import { listPreliminaryRoundIds, readMinCoverage } from "@/db/queries/published-aggregates";
import { PreliminaryBadge } from "@/components/dashboard/headline";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parseScorecardParams, scorecardQuery } from "@/lib/validation/scorecard-params";

import { parseReleaseParam } from "@/lib/releases";
import { PinnedScorecard } from "./pinned-scorecard";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const round = await getPublishedRound(getDb(), (await params).id);
  const [t, locale] = await Promise.all([getTranslations("round"), getLocale()]);
  if (!round) return { title: t("notFound") };
  return { title: t("title", { round: localized(locale, round.name, round.nameZh).text }), alternates: { ...localeAlternates(`/rounds/${encodeURIComponent(round.slug)}`), ...feedAlternates(locale, "rounds", round.slug) } };
}

export default async function RoundScorecardPage({ params, searchParams }: Props) {
  const db = getDb();
  const round = await getPublishedRound(db, (await params).id);
  if (!round) notFound();
  const pinned = parseReleaseParam((await searchParams).release);
  if (pinned) return <PinnedScorecard round={round} number={pinned} searchParams={await searchParams} />;
  const view = parseScorecardParams(await searchParams);
  const [t, tSite, locale] = await Promise.all([getTranslations("round"), getTranslations("site"), getLocale()]);

  // Figures for the whole round from counts; the list reads only the rows of this page.
  const [roundTally, preliminaryRounds, minCoverage, correctedOn] = await Promise.all([
    getRoundTally(db, round),
    listPreliminaryRoundIds(db),
    readMinCoverage(db),
    getCorrectedOn(db, { entity: "round", id: round.id }),
  ]);
  const summary = summariseTally(roundTally.tally, roundTally.applicable);
  const preliminary = preliminaryRounds.has(round.id);
  const categories = await listScorecardCategories(db, round);
  const filter = { sort: view.sort, status: view.status, categoryId: view.category ? ((await getCategoryId(db, view.category)) ?? -1) : undefined };
  const scope = countScorecardScope(filter, roundTally);
  const info = pageInfo(view.page, view.pageSize, viewTotal(filter, scope));
  const ids = info.outOfRange ? [] : await listScorecardPageIds(db, round, filter, scope, { offset: info.offset, limit: info.pageSize });
  const [benchmarks, details, sources, neighbours] = await Promise.all([
    listScorecardBenchmarks(db, ids),
    listPublishedScoreDetails(db, { benchmarkIds: ids, roundIds: [round.id] }),
    listBenchmarkSources(db, ids),
    getNeighbourRounds(db, round),
  ]);
  const detailOf = new Map(details.map((d) => [d.benchmarkId, d]));
  const rows = benchmarks.map((b) => ({ benchmark: b, detail: detailOf.get(b.id), sources: sources.filter((s) => s.benchmarkId === b.id) }));
  const hrefFor = (page: number) => `/rounds/${round.slug}${scorecardQuery(view, page)}`;
  const filtered = view.status !== undefined || view.category !== undefined;
  // The PDF takes the round and its category, not the status filter.
  const pdfScope = view.category ? [...scope.values()].reduce((a, b) => a + b, 0) : roundTally.applicable;
  return (
    <>
      <p className="text-sm">
        <Link href="/">{tSite("nav.dashboard")}</Link> / {t("crumb")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
        {preliminary && <PreliminaryBadge />}
        <EditLink href={recordEditPath("round", round.slug)} what={t("editWhat")} />
      </h1>
      <p className="text-stone-700">
        <LocalizedText locale={locale} en={round.trackName} zh={round.trackNameZh} /> · {formatRoundDate(round.startDate, round.endDate, round.datePrecision, locale as FormatLocale)}
        {round.location && ` · ${round.location}`}
      </p>
      {round.dateNote && <p className="mt-1 text-xs text-stone-600">{t("dateNote", { note: round.dateNote })}</p>}
      <DataVersion publishedAt={round.publishedAt} />
      <CorrectedOn at={correctedOn} />
      {roundTally.hasDemo && (
        <div className="mt-4">
          <DemoNotice />
        </div>
      )}

      <div className="mt-3">
        <ExportLinks
          filters={{ from: round.slug, to: round.slug, category: view.category }}
          round={round.slug}
          printHref={`/rounds/${round.slug}/print${scorecardQuery({ sort: view.sort, status: view.status, category: view.category })}`}
        />
        {pdfScope > PDF_MAX_BENCHMARKS && (
          <p className="mt-1 text-xs text-stone-600" data-testid="pdf-limit">
            {view.category
              ? t("pdfLimitCategory", { max: formatCount(PDF_MAX_BENCHMARKS), count: formatCount(pdfScope) })
              : t("pdfLimitRound", { max: formatCount(PDF_MAX_BENCHMARKS), count: formatCount(pdfScope) })}
          </p>
        )}
      </div>

      <RoundSummaryFigures summary={summary} preliminary={preliminary} minCoverage={minCoverage} />

      <ScorecardViewForm view={view} categories={categories} />

      {view.problems.length > 0 && (
        <p className="mt-3 text-sm" data-testid="page-problems">
          {view.problems.map((m) => localizeValidationMessage(m, locale as Locale)).join(" ")}
        </p>
      )}
      <p className="mt-3 text-sm text-stone-700" role="status" data-testid="scorecard-count">
        <PageDescription info={info} noun={filtered ? t("nounMatching", { applicable: formatCount(roundTally.applicable) }) : t("noun")} />
      </p>
      {info.outOfRange ? (
        <p className="mt-2">
          {t.rich("outOfRange", { last: (chunks) => <Link href={hrefFor(info.pageCount)}>{chunks}</Link>, first: (chunks) => <Link href={hrefFor(1)}>{chunks}</Link> })}
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-2">{t.rich("noMatch", { all: (chunks) => <Link href={`/rounds/${round.slug}`}>{chunks}</Link> })}</p>
      ) : (
        <ol className="mt-2 space-y-3" data-testid="scorecard">
          {rows.map(({ benchmark, detail, sources: raisedBy }) => (
            <ScorecardEntry key={benchmark.id} roundSlug={round.slug} benchmark={benchmark} detail={detail} raisedBy={raisedBy} />
          ))}
        </ol>
      )}
      <Pagination info={info} hrefFor={hrefFor} label={t("pages")} />

      <nav aria-label={t("otherRounds")} className="mt-6 flex justify-between text-sm">
        {neighbours.previous ? <Link href={`/rounds/${neighbours.previous.slug}`}>← <LocalizedText locale={locale} en={neighbours.previous.name} zh={neighbours.previous.nameZh} /></Link> : <span />}
        {neighbours.next ? <Link href={`/rounds/${neighbours.next.slug}`}><LocalizedText locale={locale} en={neighbours.next.name} zh={neighbours.next.nameZh} /> →</Link> : <span />}
      </nav>
    </>
  );
}
