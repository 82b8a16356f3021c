import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { EvidenceList } from "@/components/scorecard/evidence-list";
import { PublicRecordNote } from "@/components/scorecard/public-record-note";
import { DemoLabel } from "@/components/ui/demo-label";
import { StatusBadge } from "@/components/ui/status-badge";
import type { BenchmarkSource } from "@/db/queries/benchmarks";
import type { ScorecardBenchmark } from "@/db/queries/scorecard";
import type { PublishedScoreDetail } from "@/db/queries/scores";
import { formatDate, type FormatLocale } from "@/lib/format";
import { contentLang } from "@/lib/localized";

/** One benchmark on a round's scorecard: its status there, the rationale and evidence, and the statements that raised it. */
export function ScorecardEntry({
  roundSlug,
  benchmark,
  detail,
  raisedBy,
}: {
  roundSlug: string;
  benchmark: ScorecardBenchmark;
  detail: PublishedScoreDetail | undefined;
  raisedBy: BenchmarkSource[];
}) {
  const t = useTranslations("scorecard");
  const tAddressee = useTranslations("addressee");
  const locale = useLocale() as FormatLocale;
  return (
    <li className="rounded border border-stone-200 bg-white p-4" data-benchmark={benchmark.slug}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="font-semibold">
          <Link href={`/benchmarks/${benchmark.slug}#round-${roundSlug}`}><LocalizedText locale={locale} en={benchmark.title} zh={benchmark.titleZh} />
          </Link>
        </h2>
        <span className="flex items-center gap-2">
          {detail ? <StatusBadge status={detail.status} /> : <span className="text-xs">{t("notScoredShort")}</span>}
          {detail?.isDemo && <DemoLabel />}
        </span>
      </div>
      <p className="text-xs text-stone-600">
        <LocalizedText locale={locale} en={benchmark.categoryName} zh={benchmark.categoryNameZh} /> · {t("addressedTo", { addressee: tAddressee(benchmark.addressee) })}
      </p>
      {detail && (
        <p className="mt-2 text-sm" lang={detail.rationaleLang === contentLang(locale) ? undefined : detail.rationaleLang}>
          {detail.rationale}
        </p>
      )}
      {detail && <PublicRecordNote publicRecord={detail.publicRecord} evidenceCount={detail.evidence.length} />}
      {detail && <EvidenceList evidence={detail.evidence} />}
      <p className="mt-2 text-xs text-stone-600">
        {t("raisedBy")}{" "}
        {raisedBy.map((s, i) => (
          <span key={s.statementSlug}>
            {i > 0 && "; "}
            <Link href={`/statements/${s.statementSlug}`}>
              <LocalizedText locale={locale} en={s.statementTitle} zh={s.statementTitleZh} />
            </Link> ({formatDate(s.statementDate, s.statementDatePrecision, locale)})
          </span>
        ))}
      </p>
    </li>
  );
}
