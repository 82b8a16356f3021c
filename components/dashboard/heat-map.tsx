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

/** Benchmarks × rounds, grouped by category. Each scored cell links to that round's rationale and evidence. */
export function HeatMap({ groups, columns }: { groups: HeatMapGroup[]; columns: HeatMapColumn[] }) {
  return (
    <div className="relative overflow-x-auto" data-testid="heat-map">
      <table className="border-collapse text-sm">
        <caption className="mb-2 text-left text-xs text-stone-600">
          Each cell is the published status of a benchmark at a round: ✓ met, ◐ partial, ✗ not met, ↓ regressed, ? unknown;
          a dot means the benchmark did not apply then, a blank that it is not yet scored. Select a cell for its rationale and evidence.
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
                  <Link href={`/benchmarks/${benchmark.slug}`}>{benchmark.title}</Link>
                </th>
                {cells.map((cell, i) => {
                  const column = columns[i]!;
                  if (cell.status === "n/a") {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center text-stone-400">
                        <span aria-hidden="true">·</span>
                        <span className="sr-only">Not applicable at {column.name}</span>
                      </td>
                    );
                  }
                  if (cell.status === null) {
                    return (
                      <td key={cell.roundId} className="px-1 py-1 text-center">
                        <span className="sr-only">Not scored at {column.name}</span>
                      </td>
                    );
                  }
                  const style = STATUS_BADGE[cell.status];
                  return (
                    <td key={cell.roundId} className="p-0.5 text-center">
                      <Link
                        href={`/benchmarks/${benchmark.slug}#round-${column.slug}`}
                        className="block min-w-8 rounded border px-1 py-0.5 font-semibold no-underline"
                        style={{ background: style.background, color: style.text, borderColor: style.border }}
                        data-status={cell.status}
                        aria-label={`${benchmark.title}, ${column.name}: ${STATUS_LABELS[cell.status]}. Rationale and evidence`}
                      >
                        <span aria-hidden="true">{style.symbol}</span>
                      </Link>
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
