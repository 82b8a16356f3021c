import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import type { DashboardRound } from "@/db/queries/dashboard";
import type { RoundFigures } from "@/lib/dashboard";
import { STATUSES } from "@/lib/domain";
import { formatIndex, formatPercent, formatRoundDate, type FormatLocale } from "@/lib/format";
import { PreliminaryBadge } from "./headline";

/** Every round in view with its counts and figures: the list of rounds and the table alternative to the charts. */
export function RoundTable({ rows }: { rows: RoundFigures<DashboardRound>[] }) {
  const t = useTranslations("roundTable");
  const tStatus = useTranslations("status");
  const locale = useLocale() as FormatLocale;
  return (
    <div className="relative overflow-x-auto">
      {/* The cells' classes once, on the table: 25 rounds × 10 cells would repeat them in the HTML and in the React payload. */}
      <table className="w-full min-w-[48rem] border-collapse text-sm [&_td]:py-2 [&_td]:pr-3 [&_td]:text-right [&_td]:tabular-nums [&_td:last-child]:pr-0 [&_tbody_tr]:border-b [&_tbody_tr]:border-stone-200 [&_tbody_tr]:align-top" data-testid="round-table">
        <caption className="mb-2 text-left text-stone-600">
          {t.rich("caption", { em: (chunks) => <em>{chunks}</em> })}
        </caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">{t("round")}</th>
            <th scope="col" className="py-2 pr-3">{t("dates")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("applicable")}</th>
            {STATUSES.map((s) => (
              <th key={s} scope="col" className="py-2 pr-3 text-right">{tStatus(s)}</th>
            ))}
            <th scope="col" className="py-2 pr-3 text-right">{t("judged")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("index")}</th>
            <th scope="col" className="py-2 text-right">{t("coverage")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ round, ...row }) => (
            <tr key={round.id} data-round={round.slug}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link href={`/rounds/${round.slug}`}>
                  <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
                </Link>
                {row.preliminary && <PreliminaryBadge />}
                <span className="block text-xs font-normal text-stone-600">
                  <LocalizedText locale={locale} en={round.trackName} zh={round.trackNameZh} />
                </span>
              </th>
              <td className="whitespace-nowrap text-left!">{formatRoundDate(round.startDate, round.endDate, round.datePrecision, locale)}</td>
              <td>{row.applicable}</td>
              {STATUSES.map((s) => (
                <td key={s}>{row.tally[s]}</td>
              ))}
              <td>{row.judged}</td>
              <td className="font-semibold" data-testid="round-index">{formatIndex(row.index)}</td>
              <td>{formatPercent(row.coverage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
