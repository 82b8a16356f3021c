import { filtersToQuery, type DashboardFilters } from "@/lib/validation/dashboard-filters";

/** Downloads of exactly what is on screen: the same filters go into every export's address. */
export function ExportLinks({ filters, round, printHref }: { filters: DashboardFilters; round?: string; printHref?: string }) {
  const query = filtersToQuery(filters);
  // A round's PDF is asked for by ?round=; any other filter (a category of the round) goes with it.
  const pdfQuery = round ? filtersToQuery({ ...filters, from: undefined, to: undefined }, { round }) : query;
  const join = (q: string, extra: string) => (q ? `${q}&${extra}` : `?${extra}`);
  const links = [
    { href: `/exports/scorecard-brief.pdf${pdfQuery}`, label: "Brief, 2 pages (PDF, A4)" },
    { href: `/exports/scorecard-brief.pdf${join(pdfQuery, "size=letter")}`, label: "Brief (US Letter)" },
    { href: `/exports/scorecard.pdf${pdfQuery}`, label: "Full scorecard (PDF, A4)" },
    { href: `/exports/scorecard.pdf${join(pdfQuery, "size=letter")}`, label: "Full scorecard (US Letter)" },
    { href: `/exports/scores.csv${query}`, label: "Scores (CSV)" },
    { href: `/exports/scores.xlsx${query}`, label: "Scores (Excel)" },
    { href: `/exports/benchmarks.csv${query}`, label: "Benchmarks (CSV)" },
    { href: `/api/v1/summary${query}`, label: "Figures (JSON)" },
  ];
  return (
    <nav aria-label="Downloads" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden" data-testid="exports">
      <span className="font-medium">Download this view:</span>
      {links.map((l) => (
        <a key={l.href} href={l.href}>
          {l.label}
        </a>
      ))}
      {printHref && <a href={printHref}>Print view</a>}
    </nav>
  );
}
