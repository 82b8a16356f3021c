import { StatusBadge } from "@/components/ui/status-badge";
import { DemoLabel } from "@/components/ui/demo-label";
import { ExternalLink } from "@/components/ui/external-link";
import { EVENT_LABELS } from "@/components/subjects/subject-detail";
import type { ReviewSubject, StatusHistoryEntry } from "@/db/queries/review";
import { formatDate } from "@/lib/format";

/** Beside the score form: the benchmark's published status at each earlier round, and the people and laws it names with their dated events. */
export function BenchmarkContext({ history, subjects }: { history: StatusHistoryEntry[]; subjects: ReviewSubject[] }) {
  return (
    <aside aria-label="About this benchmark" className="flex flex-col gap-4 text-sm">
      <section aria-labelledby="history-heading" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="history-heading" className="font-medium">Published status at earlier rounds</h2>
        {history.length === 0 ? (
          <p className="mt-1 text-stone-700">No earlier round has a published score.</p>
        ) : (
          <table className="mt-1 w-full border-collapse" data-testid="status-history">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-1 pr-2">Round</th>
                <th scope="col" className="py-1">Status</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.roundSlug} className="border-b border-stone-100" data-round={h.roundSlug}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{h.roundName}</th>
                  <td className="py-1">
                    <StatusBadge status={h.status} /> {h.isDemo && <DemoLabel />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="subjects-heading" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="subjects-heading" className="font-medium">People and laws</h2>
        {subjects.length === 0 ? (
          <p className="mt-1 text-stone-700">This benchmark names no person or law.</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-3" data-testid="subjects">
            {subjects.map((s) => (
              <li key={s.id}>
                <p className="font-medium">
                  {s.name}
                  {s.nameZh && (
                    <span lang="zh-Hans" className="ml-2 font-normal">
                      {s.nameZh}
                    </span>
                  )}
                  {s.confidential && <span className="ml-2 rounded bg-stone-800 px-1 text-xs text-white">Confidential</span>}
                </p>
                {(s.role || s.article) && <p className="text-stone-700">{s.role ?? s.article}</p>}
                {s.events.length === 0 ? (
                  <p className="text-stone-600">No dated event is recorded.</p>
                ) : (
                  <ol className="mt-1 flex flex-col gap-1">
                    {s.events.map((e, i) => (
                      <li key={i}>
                        <time dateTime={e.occurredOn} className="font-medium">
                          {formatDate(e.occurredOn, e.datePrecision)}
                        </time>{" "}
                        · {EVENT_LABELS[e.kind] ?? e.kind}: {e.description}
                        {e.sourceUrl && (
                          <>
                            {" "}
                            (<ExternalLink href={e.sourceUrl}>source</ExternalLink>)
                          </>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
