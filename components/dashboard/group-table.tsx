import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import type { GroupFigures } from "@/lib/dashboard";
import { formatIndex } from "@/lib/format";

/** The table alternative to a group index chart, with each group's denominator. */
export function GroupTable({ caption, groups, testId }: { caption: string; groups: GroupFigures[]; testId: string }) {
  const t = useTranslations("groupTable");
  const tStatus = useTranslations("status");
  const tRound = useTranslations("roundTable");
  const locale = useLocale();
  return (
    <table className="mt-2 w-full border-collapse text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-300 text-left">
          <th scope="col" className="py-1 pr-2">{t("group")}</th>
          <th scope="col" className="py-1 pr-2 text-right">{tStatus("met")}</th>
          <th scope="col" className="py-1 pr-2 text-right">{tStatus("partial")}</th>
          <th scope="col" className="py-1 pr-2 text-right">{t("judgedApplicable")}</th>
          <th scope="col" className="py-1 text-right">{tRound("index")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} className="border-b border-stone-100">
            <th scope="row" className="py-1 pr-2 text-left font-normal">{g.labelZh === undefined ? g.label : <LocalizedText locale={locale} en={g.label} zh={g.labelZh} />}</th>
            <td className="py-1 pr-2 text-right tabular-nums">{g.tally.met}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{g.tally.partial}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{g.judged} / {g.applicable}</td>
            <td className="py-1 text-right font-semibold tabular-nums">{formatIndex(g.index)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
