import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StatusChange } from "@/lib/dashboard";

export function ChangesList({
  changes,
  counts,
  fromName,
  toName,
  previousRoundId,
  roundNames,
}: {
  changes: StatusChange[];
  /** Every change counted; `changes` may list only the first of each direction. */
  counts: { up: number; down: number };
  fromName: string;
  toName: string;
  previousRoundId: number;
  /** The rounds in view, to name the round a benchmark of limited scope is compared with. */
  roundNames: Array<{ id: number; name: string }>;
}) {
  if (counts.up + counts.down === 0) {
    return <p className="text-sm text-stone-700">No benchmark in view changed status between {fromName} and {toName}.</p>;
  }
  const listed = { up: changes.filter((c) => c.direction === "up").length, down: changes.filter((c) => c.direction === "down").length };
  return (
    <>
      <p className="mb-2 text-sm" data-testid="change-counts">
        {counts.up} up, {counts.down} down between {fromName} and {toName}.
        {(listed.up < counts.up || listed.down < counts.down) &&
          ` Listed: the first ${listed.up} up and ${listed.down} down by title; narrow the view with the filters, or see the round's scorecard, for the rest.`}
      </p>
      <ChangeRows changes={changes} previousRoundId={previousRoundId} nameOf={new Map(roundNames.map((r) => [r.id, r.name]))} />
    </>
  );
}

function ChangeRows({ changes, previousRoundId, nameOf }: { changes: StatusChange[]; previousRoundId: number; nameOf: Map<number, string> }) {
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
          {c.fromRoundId !== previousRoundId && (
            // Assessed at some tracks only: compared with its own previous round in scope.
            <span className="text-xs text-stone-600" data-testid="compared-with">
              since {nameOf.get(c.fromRoundId) ?? "its previous round"}
            </span>
          )}
          <StatusBadge status={c.from} />
          <span aria-label="to">→</span>
          <StatusBadge status={c.to} />
        </li>
      ))}
    </ul>
  );
}
