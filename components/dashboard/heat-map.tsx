import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import type { HeatMapGroup } from "@/lib/dashboard";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { localized } from "@/lib/localized";
import { STATUS_BADGE } from "@/lib/status-style";

export interface HeatMapColumn {
  id: number;
  slug: string;
  name: string;
  label: string;
}

// The cells' colours, from the one palette in lib/status-style.ts. Fixed text, no user input.
const HEAT_CELL_CSS = [
  ".heat-cell{display:block;min-width:2rem;border:1px solid;border-radius:0.25rem;padding:0.125rem 0.25rem;font-weight:600;text-decoration:none}",
  ...Object.entries(STATUS_BADGE).map(([status, s]) => `.heat-cell[data-status="${status}"]{background:${s.background};color:${s.text};border-color:${s.border}}`),
].join("\n");

/** Benchmarks × rounds, grouped by category. Each scored cell links to that round's rationale and evidence. */
export function HeatMap({ groups, columns }: { groups: HeatMapGroup[]; columns: HeatMapColumn[] }) {
  const t = useTranslations("heatMap");
  const tStatus = useTranslations("status");
  const locale = useLocale() as Locale;
  return (
    <div className="relative overflow-x-auto" data-testid="heat-map">
      <style>{HEAT_CELL_CSS}</style>
      <table className="border-collapse text-sm">
        <caption className="mb-2 text-left text-xs text-stone-600">
          {t("caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-stone-50 px-2 py-1 text-left">{t("benchmark")}</th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-1 py-1 text-center text-xs font-medium" title={c.name}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.categorySlug}>
            <tr>
              <th scope="rowgroup" colSpan={columns.length + 1} className="bg-stone-100 px-2 py-1 text-left text-xs font-semibold uppercase tracking-wide">
                <LocalizedText locale={locale} en={group.categoryName} zh={group.categoryNameZh} />
              </th>
            </tr>
            {group.rows.map(({ benchmark, cells }) => {
              const title = localized(locale, benchmark.title, benchmark.titleZh).text;
              return (
              <tr key={benchmark.id} className="border-b border-stone-100">
                <th scope="row" className="sticky left-0 max-w-[22rem] bg-stone-50 px-2 py-1 text-left font-normal">
                  <Link href={`/benchmarks/${benchmark.slug}`} prefetch={false}>
                    <LocalizedText locale={locale} en={benchmark.title} zh={benchmark.titleZh} />
                  </Link>
                </th>
                {cells.map((cell, i) => {
                  const column = columns[i]!;
                  if (cell.status === "n/a") {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center text-stone-400" title={t("notApplicable", { round: column.name })} data-cell="not-applicable">
                        <span aria-hidden="true">·</span>
                        <span className="sr-only">{t("notApplicable", { round: column.name })}</span>
                      </td>
                    );
                  }
                  if (cell.status === null) {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center text-stone-700" title={t("notScored", { round: column.name })} data-cell="not-scored">
                        <span aria-hidden="true">–</span>
                        <span className="sr-only">{t("notScored", { round: column.name })}</span>
                      </td>
                    );
                  }
                  // A plain link, styled by one stylesheet: thousands of cells as client-side Links with inline
                  // styles would double the page and make the browser prefetch every benchmark in view.
                  return (
                    <td key={cell.roundId} className="p-0.5 text-center">
                      <a
                        href={`${localizedPath(locale, `/benchmarks/${benchmark.slug}`)}#round-${column.slug}`}
                        className="heat-cell"
                        data-status={cell.status}
                        aria-label={t("cell", { benchmark: title, round: column.name, status: tStatus(cell.status) })}
                      >
                        <span aria-hidden="true">{STATUS_BADGE[cell.status].symbol}</span>
                      </a>
                    </td>
                  );
                })}
              </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
