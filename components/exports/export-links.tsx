import { useLocale, useTranslations } from "next-intl";
import { isLocale, localizedPath } from "@/lib/i18n/locales";
import { filtersToQuery, type DashboardFilters } from "@/lib/validation/dashboard-filters";

/**
 * Downloads of exactly what is on screen: the same filters go into every export's address, and the
 * page's language: a Chinese page's PDFs, CSV and Excel files are the Chinese ones (/zh/exports/…).
 */
export function ExportLinks({ filters, round, printHref }: { filters: DashboardFilters; round?: string; printHref?: string }) {
  const t = useTranslations("exports");
  const locale = useLocale();
  const zh = isLocale(locale) && locale !== "en";
  const file = (name: string) => localizedPath(isLocale(locale) ? locale : "en", `/exports/${name}`);
  const query = filtersToQuery(filters);
  // A round's PDF is asked for by ?round=; any other filter (a category of the round) goes with it.
  const pdfQuery = round ? filtersToQuery({ ...filters, from: undefined, to: undefined }, { round }) : query;
  const join = (q: string, extra: string) => (q ? `${q}&${extra}` : `?${extra}`);
  const links = [
    { href: `${file("scorecard-brief.pdf")}${pdfQuery}`, label: t("briefA4") },
    { href: `${file("scorecard-brief.pdf")}${join(pdfQuery, "size=letter")}`, label: t("briefLetter") },
    { href: `${file("scorecard.pdf")}${pdfQuery}`, label: t("pdfA4") },
    { href: `${file("scorecard.pdf")}${join(pdfQuery, "size=letter")}`, label: t("pdfLetter") },
    { href: `${file("scores.csv")}${query}`, label: t("scoresCsv") },
    { href: `${file("scores.xlsx")}${query}`, label: t("scoresXlsx") },
    { href: `${file("benchmarks.csv")}${query}`, label: t("benchmarksCsv") },
    // The read API has no /zh/ address: it takes ?lang=zh and answers the Chinese fields beside the English.
    { href: `/api/v1/summary${zh ? join(query, "lang=zh") : query}`, label: t("figuresJson") },
  ];
  return (
    <nav aria-label={t("nav")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden" data-testid="exports">
      <span className="font-medium">{t("lead")}</span>
      {links.map((l) => (
        <a key={l.href} href={l.href}>
          {l.label}
        </a>
      ))}
      {printHref && <a href={printHref}>{t("print")}</a>}
    </nav>
  );
}
