import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import { formatCount, pageWindow, type PageInfo } from "@/lib/pagination";

/**
 * Links to the other pages of a list: previous, the first, the last and a few around the current
 * one (marked aria-current), next. Nothing when everything fits on one page. `prefetch={false}` where
 * each page is a whole heavy view (the dashboard), not worth fetching before it is asked for.
 */
export function Pagination({ info, hrefFor, label, prefetch }: { info: PageInfo; hrefFor: (page: number) => string; label: string; prefetch?: false }) {
  const t = useTranslations("pagination");
  if (info.pageCount <= 1 && !info.outOfRange) return null;
  const current = Math.min(info.page, info.pageCount);
  const link = "inline-block min-w-9 rounded border border-stone-300 bg-white px-2 py-1 text-center";
  return (
    <nav aria-label={label} className="mt-4 text-sm" data-testid="pagination">
      <ul className="flex flex-wrap items-center gap-1">
        {info.page > 1 && (
          <li>
            <Link href={hrefFor(Math.min(info.page - 1, info.pageCount))} className={link} rel="prev" prefetch={prefetch}>
              {t("previous")}
            </Link>
          </li>
        )}
        {pageWindow(current, info.pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={p}>
              {p === info.page ? (
                <span className={`${link} border-blue-800 bg-blue-800 font-semibold text-white`} aria-current="page">
                  <span className="sr-only">{t("page")}</span>
                  {formatCount(p)}
                </span>
              ) : (
                <Link href={hrefFor(p)} className={link} prefetch={prefetch}>
                  <span className="sr-only">{t("page")}</span>
                  {formatCount(p)}
                </Link>
              )}
            </li>
          ),
        )}
        {info.page < info.pageCount && (
          <li>
            <Link href={hrefFor(info.page + 1)} className={link} rel="next" prefetch={prefetch}>
              {t("next")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
