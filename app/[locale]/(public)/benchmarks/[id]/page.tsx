import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { notFound, permanentRedirect } from "next/navigation";
import { StatusTimeline } from "@/components/scorecard/status-timeline";
import { CorrectedOn } from "@/components/records/corrected-on";
import { EditLink } from "@/components/ui/edit-link";
import { LocalizedText } from "@/components/ui/localized-text";
import { getDb } from "@/db/client";
import { feedAlternates } from "@/server/feeds/atom-feeds";
import { getPublicBenchmark, listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { listPublishedRounds } from "@/db/queries/rounds";
import { getCorrectedOn } from "@/db/queries/record-history";
import { findMergedBenchmarkTarget } from "@/db/queries/record-statements";
import { listPublishedScoreDetails } from "@/db/queries/scores";
import { formatDate, formatScope, type FormatLocale } from "@/lib/format";
import { contentLang, localized } from "@/lib/localized";
import { localeAlternates } from "@/server/i18n/alternates";
import { getRelease, listPublishedRoundsAsOf, listScoreDetailsAsOf } from "@/db/queries/releases";
import { PinnedReleaseNotice } from "@/components/releases/pinned-release-notice";
import { parseReleaseParam } from "@/lib/releases";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { recordEditPath } from "@/lib/record-paths";
import { isApplicable } from "@/lib/scoring";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const benchmark = await getPublicBenchmark(getDb(), (await params).id);
  if (!benchmark) return { title: (await getTranslations("benchmark"))("notFound") };
  return { title: localized(await getLocale(), benchmark.title, benchmark.titleZh).text, alternates: { ...localeAlternates(`/benchmarks/${encodeURIComponent(benchmark.slug)}`), ...feedAlternates(await getLocale(), "benchmarks", benchmark.slug) } };
}

export default async function BenchmarkPage({ params, searchParams }: Props) {
  const db = getDb();
  // ?release=N: the statuses as published then (proxy.ts has answered 404 for an unknown release).
  const pinned = parseReleaseParam((await searchParams)?.release);
  const release = pinned ? await getRelease(db, pinned) : null;
  const slug = (await params).id;
  const benchmark = await getPublicBenchmark(db, slug);
  if (!benchmark) {
    // A benchmark merged into another: its old address leads to the one kept (308), when that one is public.
    const kept = await findMergedBenchmarkTarget(db, slug);
    if (kept) permanentRedirect(`/benchmarks/${encodeURIComponent(kept)}`);
    notFound();
  }

  const [sources, subjects, published, scoreDetails, correctedOn] = await Promise.all([
    listBenchmarkSources(db, [benchmark.id]),
    listBenchmarkSubjects(db, [benchmark.id]),
    release ? listPublishedRoundsAsOf(db, release.number) : listPublishedRounds(db),
    release ? listScoreDetailsAsOf(db, release, [benchmark.id]) : listPublishedScoreDetails(db, { benchmarkIds: [benchmark.id] }),
    getCorrectedOn(db, { entity: "benchmark", id: benchmark.id }),
  ]);
  const rounds = published.filter((r) => isApplicable(benchmark, r));
  const details = new Map(scoreDetails.map((d) => [d.roundId, d]));
  const [t, tKind, tAddressee, tSite, locale] = await Promise.all([getTranslations("benchmark"), getTranslations("kind"), getTranslations("addressee"), getTranslations("site"), getLocale()]);
  const lang = locale as FormatLocale;
  const people = subjects.filter((s) => s.kind === "person");
  const laws = subjects.filter((s) => s.kind !== "person");
  // The restated demand in the page's language where written, marked as English where it falls back.
  const demandLine = (en: string, zh: string | null) => {
    const { text, lang: textLang } = localized(locale, en, zh);
    return t.rich("demand", { demand: text, text: (chunks) => (textLang === contentLang(locale) ? chunks : <span lang={textLang}>{chunks}</span>) });
  };

  return (
    <>
      {release && <PinnedReleaseNotice release={release} currentHref={`/benchmarks/${benchmark.slug}`} />}
      <p className="text-sm">
        <Link href="/">{tSite("nav.dashboard")}</Link> / {t("crumb")}
      </p>
      <div className="mt-1 flex flex-wrap items-baseline gap-x-2">
        <LocalizedText as="h1" locale={locale} en={benchmark.title} zh={benchmark.titleZh} className="text-2xl font-semibold" />
        <EditLink href={recordEditPath("benchmark", benchmark.slug)} what={t("editWhat")} />
      </div>
      <CorrectedOn at={correctedOn} />
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("category")}</dt>
        <dd>
          <Link href={`/?category=${benchmark.categorySlug}`}><LocalizedText locale={locale} en={benchmark.categoryName} zh={benchmark.categoryNameZh} />
          </Link>
        </dd>
        <dt className="font-medium">{t("addressee")}</dt>
        <dd>{tAddressee(benchmark.addressee)}</dd>
        <dt className="font-medium">{t("appliesFrom")}</dt>
        <dd>
          <Link href={`/rounds/${benchmark.appliesFromSlug}`}><LocalizedText locale={locale} en={benchmark.appliesFromName} zh={benchmark.appliesFromNameZh} />
          </Link>
        </dd>
        <dt className="font-medium">{t("assessedAt")}</dt>
        <dd data-testid="scope">
          {formatScope(benchmark.scope.map((track) => localized(locale, track.name, track.nameZh).text), lang)}
          {benchmark.scope.length > 0 && <span className="text-stone-600">{t("scopeOnly")}</span>}
        </dd>
        {benchmark.retiredOn && (
          <>
            <dt className="font-medium">{t("retired")}</dt>
            <dd data-testid="retired">
              {formatDate(benchmark.retiredOn, "day", lang)}: {benchmark.retiredReason}. {t("retiredNote")}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="sources-heading" className="mt-6">
        <h2 id="sources-heading" className="text-lg font-semibold">{t("sourcesHeading")}</h2>
        <ul className="mt-2 space-y-2">
          {sources.map((s) => (
            <li key={s.statementSlug} className="rounded border border-stone-200 bg-white p-3 text-sm">
              <p>
                <Link href={`/statements/${s.statementSlug}`}>
                  <LocalizedText locale={locale} en={s.statementTitle} zh={s.statementTitleZh} />
                </Link>{" "}
                <span className="text-stone-600">
                  ({tKind(s.statementKind)}, {formatDate(s.statementDate, s.statementDatePrecision, lang)})
                </span>
              </p>
              <p className="mt-1">{demandLine(s.demand, s.demandZh)}</p>
            </li>
          ))}
        </ul>
      </section>

      {(people.length > 0 || laws.length > 0) && (
        <section aria-labelledby="subjects-heading" className="mt-6">
          <h2 id="subjects-heading" className="text-lg font-semibold">{t("subjectsHeading")}</h2>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {people.map((p) => (
              <li key={p.slug}>
                <Link href={`/people/${p.slug}`}>
                  {p.name}
                  {p.nameZh && <span lang="zh-Hans"> {p.nameZh}</span>}
                </Link>
              </li>
            ))}
            {laws.map((l) => (
              <li key={l.slug}>
                <Link href={`/laws/${l.slug}`}>
                  <LocalizedText locale={locale} en={l.name} zh={l.nameZh} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <StatusTimeline rounds={rounds} details={details} />
    </>
  );
}
