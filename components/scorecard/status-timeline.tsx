import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { EvidenceList } from "@/components/scorecard/evidence-list";
import { PublicRecordNote } from "@/components/scorecard/public-record-note";
import { DemoLabel } from "@/components/ui/demo-label";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PublishedRound } from "@/db/queries/rounds";
import type { PublishedScoreDetail } from "@/db/queries/scores";
import { formatRoundDate, type FormatLocale } from "@/lib/format";
import { contentLang } from "@/lib/localized";

/** A benchmark's status at each published round where it applies, oldest first, with each score's rationale and evidence. */
export function StatusTimeline({ rounds, details }: { rounds: PublishedRound[]; details: Map<number, PublishedScoreDetail> }) {
  const t = useTranslations("scorecard");
  const locale = useLocale() as FormatLocale;
  return (
    <section aria-labelledby="history-heading" className="mt-6">
      <h2 id="history-heading" className="text-lg font-semibold">{t("timelineHeading")}</h2>
      {rounds.length === 0 ? (
        <p className="mt-2 text-sm">{t("timelineEmpty")}</p>
      ) : (
        <ol className="mt-2 border-l-2 border-stone-300 pl-4" data-testid="timeline">
          {rounds.map((round) => {
            const detail = details.get(round.id);
            return (
              <li key={round.id} id={`round-${round.slug}`} className="mb-4 scroll-mt-4 target:rounded target:bg-yellow-50 target:p-2">
                <h3 className="font-medium">
                  <Link href={`/rounds/${round.slug}`}>
                    <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
                  </Link>{" "}
                  <span className="text-sm font-normal text-stone-600">{formatRoundDate(round.startDate, round.endDate, round.datePrecision, locale)}</span>
                </h3>
                {detail ? (
                  <div className="mt-1 space-y-1">
                    <p className="flex items-center gap-2">
                      <StatusBadge status={detail.status} />
                      {detail.isDemo && <DemoLabel />}
                      <span className="text-xs text-stone-600">
                        {detail.basis === "agreement" ? t("agreed") : t("decided")}
                      </span>
                    </p>
                    <p className="text-sm" data-testid="rationale" lang={detail.rationaleLang === contentLang(locale) ? undefined : detail.rationaleLang}>
                      {detail.rationale}
                    </p>
                    <PublicRecordNote publicRecord={detail.publicRecord} evidenceCount={detail.evidence.length} />
                    <EvidenceList evidence={detail.evidence} />
                  </div>
                ) : (
                  <p className="text-sm text-stone-600">{t("notScored")}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
