import Link from "next/link";
import type { HeatMapGroup } from "@/lib/dashboard";
import { STATUS_LABELS } from "@/lib/domain";
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
  return (
    <div className="relative overflow-x-auto" data-testid="heat-map">
      <style>{HEAT_CELL_CSS}</style>
      <table className="border-collapse text-sm">
        <caption className="mb-2 text-left text-xs text-stone-600">
          Each cell is the published status of a benchmark at a round: ✓ met, ◐ partial, ✗ not met, ↓ regressed, ? unknown;
          a dot means the benchmark is not assessed at that round (not yet raised, retired, or a track outside its scope), a dash
          that it applies but is not yet scored. Select a cell for its rationale and evidence.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-stone-50 px-2 py-1 text-left">Benchmark</th>
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
                {group.categoryName}
              </th>
            </tr>
            {group.rows.map(({ benchmark, cells }) => (
              <tr key={benchmark.id} className="border-b border-stone-100">
                <th scope="row" className="sticky left-0 max-w-[22rem] bg-stone-50 px-2 py-1 text-left font-normal">
                  <Link href={`/benchmarks/${benchmark.slug}`} prefetch={false}>
                    {benchmark.title}
                  </Link>
                </th>
                {cells.map((cell, i) => {
                  const column = columns[i]!;
                  if (cell.status === "n/a") {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center text-stone-400" title={`Not applicable at ${column.name}`} data-cell="not-applicable">
                        <span aria-hidden="true">·</span>
                        <span className="sr-only">Not applicable at {column.name}</span>
                      </td>
                    );
                  }
                  if (cell.status === null) {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center text-stone-700" title={`Not scored at ${column.name}`} data-cell="not-scored">
                        <span aria-hidden="true">–</span>
                        <span className="sr-only">Not scored at {column.name}</span>
                      </td>
                    );
                  }
                  // A plain link, styled by one stylesheet: thousands of cells as client-side Links with inline
                  // styles would double the page and make the browser prefetch every benchmark in view.
                  return (
                    <td key={cell.roundId} className="p-0.5 text-center">
                      <a
                        href={`/benchmarks/${benchmark.slug}#round-${column.slug}`}
                        className="heat-cell"
                        data-status={cell.status}
                        aria-label={`${benchmark.title}, ${column.name}: ${STATUS_LABELS[cell.status]}. Rationale and evidence`}
                      >
                        <span aria-hidden="true">{STATUS_BADGE[cell.status].symbol}</span>
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
