import { Link } from "@/components/ui/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReleaseChange } from "@/db/queries/releases";

/** A release's changelog rows: benchmark, round, before → after, rationale; new rounds told apart from corrections. */
export function ReleaseChanges({ changes }: { changes: ReleaseChange[] }) {
  return (
    <table className="mt-3 w-full border-collapse text-sm" data-testid="release-changes">
      <thead>
        <tr className="border-b border-stone-300 text-left">
          <th scope="col" className="py-1 pr-2">Benchmark</th>
          <th scope="col" className="py-1 pr-2">Round</th>
          <th scope="col" className="py-1 pr-2">Change</th>
          <th scope="col" className="py-1">Rationale</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.benchmark.slug}@${c.round.slug}`} className="border-b border-stone-200 align-top">
            <td className="py-1 pr-2">
              <Link href={`/benchmarks/${c.benchmark.slug}`}>{c.benchmark.title}</Link>
            </td>
            <td className="py-1 pr-2">
              <Link href={`/rounds/${c.round.slug}`}>{c.round.name}</Link>
              <span className="block text-xs text-stone-600">{c.newRound ? "newly published round" : "correction"}</span>
            </td>
            <td className="whitespace-nowrap py-1 pr-2">
              {c.before ? <StatusBadge status={c.before} /> : <span className="text-stone-600">new</span>} → <StatusBadge status={c.after} />
              {c.before === c.after && <span className="block text-xs text-stone-600">{c.rationaleChanged ? "rationale revised" : c.evidenceChanged ? "evidence revised" : "basis revised"}</span>}
            </td>
            <td className="py-1">{c.rationale}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
