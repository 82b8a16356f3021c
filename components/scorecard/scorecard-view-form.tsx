import { useLocale, useTranslations } from "next-intl";
import { localizedProps } from "@/components/ui/localized-text";
import { STATUSES } from "@/lib/domain";
import { SCORECARD_SORTS, type ScorecardParams } from "@/lib/validation/scorecard-params";

/** Sort and filter a round's scorecard: a plain GET form, so the view lives in the address. */
export function ScorecardViewForm({ view, categories }: { view: ScorecardParams; categories: Array<{ slug: string; name: string; nameZh?: string | null }> }) {
  const t = useTranslations("scorecardView");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  return (
    <form method="get" aria-label={t("label")} className="mt-6 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm">
      <div className="flex flex-col gap-1">
        <label htmlFor="sort">{t("sortBy")}</label>
        <select id="sort" name="sort" defaultValue={view.sort} className="rounded border border-stone-400 px-2 py-1">
          {SCORECARD_SORTS.map((s) => (
            <option key={s} value={s}>{t(`sort.${s}`)}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="status">{t("status")}</label>
        <select id="status" name="status" defaultValue={view.status ?? ""} className="rounded border border-stone-400 px-2 py-1">
          <option value="">{t("all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{tStatus(s)}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="category">{t("category")}</label>
        <select id="category" name="category" defaultValue={view.category ?? ""} className="rounded border border-stone-400 px-2 py-1">
          <option value="">{t("all")}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug} {...localizedProps(locale, c.name, c.nameZh)} />
          ))}
        </select>
      </div>
      {view.pageSize !== 100 && <input type="hidden" name="pageSize" value={view.pageSize} />}
      <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900">{t("show")}</button>
    </form>
  );
}
