import { useTranslations } from "next-intl";
import { filtersToQuery, type DashboardFilters } from "@/lib/validation/dashboard-filters";

/** Downloads of exactly what is on screen: the same filters go into every export's address. */
export function ExportLinks({ filters, round, printHref }: { filters: DashboardFilters; round?: string; printHref?: string }) {
  const t = useTranslations("exports");
  const query = filtersToQuery(filters);
  // A round's PDF is asked for by ?round=; any other filter (a category of the round) goes with it.
  const pdfQuery = round ? filtersToQuery({ ...filters, from: undefined, to: undefined }, { round }) : query;
  const join = (q: string, extra: string) => (q ? `${q}&${extra}` : `?${extra}`);
  const links = [
    { href: `/exports/scorecard-brief.pdf${pdfQuery}`, label: t("briefA4") },
    { href: `/exports/scorecard-brief.pdf${join(pdfQuery, "size=letter")}`, label: t("briefLetter") },
    { href: `/exports/scorecard.pdf${pdfQuery}`, label: t("pdfA4") },
    { href: `/exports/scorecard.pdf${join(pdfQuery, "size=letter")}`, label: t("pdfLetter") },
    { href: `/exports/scores.csv${query}`, label: t("scoresCsv") },
    { href: `/exports/scores.xlsx${query}`, label: t("scoresXlsx") },
    { href: `/exports/benchmarks.csv${query}`, label: t("benchmarksCsv") },
    { href: `/api/v1/summary${query}`, label: t("figuresJson") },
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
