import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReleaseChange } from "@/db/queries/releases";
import { contentLang } from "@/lib/localized";

/** A release's changelog rows: benchmark, round, before → after, rationale; new rounds told apart from corrections. */
export function ReleaseChanges({ changes }: { changes: ReleaseChange[] }) {
  const t = useTranslations("releases");
  const locale = useLocale();
  const pageLang = contentLang(locale);
  return (
    <table className="mt-3 w-full border-collapse text-sm" data-testid="release-changes">
      <thead>
        <tr className="border-b border-stone-300 text-left">
          <th scope="col" className="py-1 pr-2">{t("changeBenchmark")}</th>
          <th scope="col" className="py-1 pr-2">{t("changeRound")}</th>
          <th scope="col" className="py-1 pr-2">{t("changeChange")}</th>
          <th scope="col" className="py-1">{t("changeRationale")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.benchmark.slug}@${c.round.slug}`} className="border-b border-stone-200 align-top">
            <td className="py-1 pr-2">
              <Link href={`/benchmarks/${c.benchmark.slug}`}>
                <LocalizedText locale={locale} en={c.benchmark.title} zh={c.benchmark.titleZh} />
              </Link>
            </td>
            <td className="py-1 pr-2">
              <Link href={`/rounds/${c.round.slug}`}>
                <LocalizedText locale={locale} en={c.round.name} zh={c.round.nameZh} />
              </Link>
              <span className="block text-xs text-stone-600">{c.newRound ? t("newRound") : t("correction")}</span>
            </td>
            <td className="whitespace-nowrap py-1 pr-2">
              {c.before ? <StatusBadge status={c.before} /> : <span className="text-stone-600">{t("newScore")}</span>} → <StatusBadge status={c.after} />
              {c.before === c.after && (
                <span className="block text-xs text-stone-600">{c.rationaleChanged ? t("rationaleRevised") : c.evidenceChanged ? t("evidenceRevised") : t("basisRevised")}</span>
              )}
            </td>
            <td className="py-1" lang={c.rationaleLang === pageLang ? undefined : c.rationaleLang}>
              {c.rationale}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
