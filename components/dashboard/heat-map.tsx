import { useLocale, useTranslations } from "next-intl";
import type { HeatMapGroup } from "@/lib/dashboard";
import type { Status } from "@/lib/domain";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { contentLang, localized } from "@/lib/localized";
import { STATUS_BADGE, STATUS_CODES } from "@/lib/status-style";
// Only the component and types: a value exported by a client module is a reference on the server.
import { HeatMapRows, type HeatMapGroupLines } from "./heat-map-rows";

export interface HeatMapColumn {
  id: number;
  slug: string;
  name: string;
  label: string;
}

// The cells' look, from the one palette in lib/status-style.ts, in one stylesheet rather than classes
// repeated in every cell. Fixed text, no user input.
const HEAT_CELL_CSS = [
  "[data-testid=heat-map] td{padding:0.125rem;text-align:center}",
  "[data-testid=heat-map] td[data-cell]{padding:0.25rem;color:#44403c}",
  "[data-testid=heat-map] td[data-cell=not-applicable]{color:#a8a29e}",
  "[data-testid=heat-map] td>a{display:block;min-width:2rem;border:1px solid;border-radius:0.25rem;padding:0.125rem 0.25rem;font-weight:600;text-decoration:none}",
  ...Object.entries(STATUS_BADGE).map(([status, s]) => `[data-testid=heat-map] a[data-status="${status}"]{background:${s.background};color:${s.text};border-color:${s.border}}`),
].join("\n");

/**
 * Benchmarks × rounds, grouped by category. Each scored cell links to that round's rationale and
 * evidence. The words a cell's name is made of — each round's name, each status — are written once,
 * beside the table; `idPrefix` keeps their ids apart should a page hold two heat maps.
 */
export function HeatMap({ groups, columns, idPrefix = "h" }: { groups: HeatMapGroup[]; columns: HeatMapColumn[]; idPrefix?: string }) {
  const t = useTranslations("heatMap");
  const tStatus = useTranslations("status");
  const locale = useLocale() as Locale;
  const pageLang = contentLang(locale);
  const lines: HeatMapGroupLines[] = groups.map((group) => {
    const name = localized(locale, group.categoryName, group.categoryNameZh);
    return {
      key: group.categorySlug,
      name: name.text,
      ...(name.lang !== pageLang && { lang: name.lang }),
      rows: group.rows.map(({ benchmark, cells }) => {
        const title = localized(locale, benchmark.title, benchmark.titleZh);
        return {
          id: benchmark.id,
          href: localizedPath(locale, `/benchmarks/${benchmark.slug}`),
          title: title.text,
          ...(title.lang !== pageLang && { lang: title.lang }),
          cells: cells.map((c) => (c.status === "n/a" ? "." : c.status === null ? "-" : STATUS_CODES[c.status])).join(""),
        };
      }),
    };
  });
  return (
    <div className="relative overflow-x-auto" data-testid="heat-map">
      <style>{HEAT_CELL_CSS}</style>
      <div hidden>
        {columns.map((c, i) => (
          <span key={c.id} id={`${idPrefix}r${i}`}>
            {t("cellRound", { round: c.name })}
          </span>
        ))}
        {(Object.keys(STATUS_CODES) as Status[]).map((status) => (
          <span key={status} id={`${idPrefix}s${STATUS_CODES[status]}`}>
            {t("cellStatus", { status: tStatus(status) })}
          </span>
        ))}
      </div>
      <table className="border-collapse text-sm">
        <caption className="mb-2 text-left text-xs text-stone-600">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-stone-50 px-2 py-1 text-left">
              {t("benchmark")}
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-1 py-1 text-center text-xs font-medium" title={c.name}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <HeatMapRows groups={lines} roundSlugs={columns.map((c) => c.slug)} idPrefix={idPrefix} words={{ notApplicable: t("notApplicableShort"), notScored: t("notScoredShort") }} />
      </table>
    </div>
  );
}
