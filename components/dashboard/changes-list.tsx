import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StatusChange } from "@/lib/dashboard";

export function ChangesList({ changes, fromName, toName }: { changes: StatusChange[]; fromName: string; toName: string }) {
  if (changes.length === 0) {
    return <p className="text-sm text-stone-700">No benchmark in view changed status between {fromName} and {toName}.</p>;
  }
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="changes">
      {changes.map((c) => (
        <li key={c.benchmark.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className={c.direction === "up" ? "font-semibold text-green-800" : "font-semibold text-red-800"}>
            {c.direction === "up" ? "▲ Up" : "▼ Down"}
          </span>
          <Link href={`/benchmarks/${c.benchmark.slug}`} className="grow">
            {c.benchmark.title}
          </Link>
          <StatusBadge status={c.from} />
          <span aria-label="to">→</span>
          <StatusBadge status={c.to} />
        </li>
      ))}
    </ul>
  );
}
