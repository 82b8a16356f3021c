import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { CarryForwardForm, QueueCheckbox } from "@/components/review/carry-forward-form";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { FocusedStatus } from "@/components/review/focused-status";
import { DemoLabel } from "@/components/ui/demo-label";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { listCarryForwardSources, listLatestAssessments } from "@/db/queries/assessments";
import { getReviewBenchmark, getReviewRound, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { deadlineState, inQueueView, QUEUE_VIEWS, visibleOtherScores, type QueueEntry, type QueueView } from "@/lib/review";
import { benchmarkSlugSchema, queueViewSchema } from "@/lib/validation/assessment";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { carryForwardPrevious } from "../actions";

export const metadata: Metadata = { title: "Score a round" };
export const dynamic = "force-dynamic";

const VIEW_LABELS: Record<QueueView, string> = { all: "All", "to-score": "To score", scored: "Scored", disagreements: "Disagreements" };

export default async function ReviewQueuePage({ params, searchParams }: { params: Promise<{ round: string }>; searchParams: Promise<{ show?: string | string[]; saved?: string | string[] }> }) {
  const [{ round: slug }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/review/${slug}`);
  const db = getDb();
  const round = await getReviewRound(db, slug);
  if (!round) notFound();
  const view = queueViewSchema.parse(query.show);
  const benchmarks = await listRoundBenchmarks(db, round);
  const latest = await listLatestAssessments(db, round.id);
  const previous = await listCarryForwardSources(db, round, user.id, benchmarks);
  const rows = benchmarks.map((benchmark) => {
    const all = latest.get(benchmark.id) ?? [];
    const entry: QueueEntry = { mine: all.find((a) => a.reviewerId === user.id), others: all.filter((a) => a.reviewerId !== user.id) };
    return { benchmark, entry, previous: previous.get(benchmark.id) };
  });
  const counts = Object.fromEntries(QUEUE_VIEWS.map((v) => [v, rows.filter((r) => inQueueView(v, r.entry)).length])) as Record<QueueView, number>;
  const shown = rows.filter((r) => inQueueView(view, r.entry));
  const todo = counts["to-score"];
  const deadline = deadlineState(round.scoringDeadline, new Date().toISOString().slice(0, 10));
  const savedSlug = benchmarkSlugSchema.safeParse(query.saved);
  const saved = savedSlug.success ? await getReviewBenchmark(db, savedSlug.data) : undefined;
  const savedConfirmed = saved && rows.some((r) => r.benchmark.id === saved.id && r.entry.mine) ? saved : undefined;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/review">Review queue</Link> / {round.name}
      </p>
      {savedConfirmed && (
        <FocusedStatus testId="saved-previous">
          Saved your score of “{savedConfirmed.title}”. {todo === 0 ? "Nothing is left for you to score in this round." : "The benchmarks still to score are below."}
        </FocusedStatus>
      )}
      <h1 className="mt-1 text-2xl font-semibold">Score: {round.name}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3" role="status">
        <span data-testid="todo-count">
          {todo === 0 ? "You have scored every benchmark of this round." : `${todo} of ${benchmarks.length} benchmarks still to score.`}
        </span>
        {todo > 0 && <DeadlineBadge state={deadline} deadline={round.scoringDeadline} />}
      </p>
      <p className="mt-2 max-w-3xl text-sm text-stone-700">
        You score blind: another reviewer&apos;s score of a benchmark is shown to you only once you have scored it too. “Disagreements” lists the benchmarks where your
        latest status and another reviewer&apos;s differ.
      </p>
      <nav aria-label="Which benchmarks to show" className="mt-3">
        <ul className="flex flex-wrap gap-2 text-sm">
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              {/* The current view is not a link: the site's link colour would hide white text on blue. */}
              {v === view ? (
                <span aria-current="page" className="inline-block rounded border border-blue-800 bg-blue-800 px-3 py-1 font-semibold text-white">
                  {VIEW_LABELS[v]} ({counts[v]})
                </span>
              ) : (
                <Link href={`/review/${round.slug}?show=${v}`} className="inline-block rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
                  {VIEW_LABELS[v]} ({counts[v]})
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <CarryForwardForm roundSlug={round.slug} carryForward={carryForwardPrevious}>
        <table className="mt-3 w-full border-collapse text-sm" data-testid="queue">
          <caption className="sr-only">
            {VIEW_LABELS[view]}: {shown.length} benchmarks
          </caption>
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">Choose to carry forward</span>
              </th>
              <th scope="col" className="py-2 pr-3">Benchmark</th>
              <th scope="col" className="py-2 pr-3">Category</th>
              <th scope="col" className="py-2 pr-3">Previous round</th>
              <th scope="col" className="py-2 pr-3">Your latest score</th>
              {view === "disagreements" && <th scope="col" className="py-2">Other reviewers</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ benchmark, entry, previous: source }) => (
              <tr key={benchmark.id} className="border-b border-stone-100" data-benchmark={benchmark.slug}>
                <td className="py-2 pr-3">
                  {/* Only what this reviewer has not scored: carrying forward never replaces a score of theirs. */}
                  {source && !entry.mine && <QueueCheckbox value={`${benchmark.slug}:0`} label={`Choose “${benchmark.title}” to carry forward`} />}
                </td>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <Link href={`/review/${round.slug}/${benchmark.slug}`}>{benchmark.title}</Link>
                  {benchmark.confidential && <span className="ml-2 rounded bg-stone-800 px-1 text-xs text-white">Confidential</span>}
                </th>
                <td className="py-2 pr-3">{benchmark.categoryName}</td>
                <td className="py-2 pr-3" data-testid="previous-status">
                  {source ? (
                    <span className="inline-flex flex-wrap items-center gap-1">
                      <StatusBadge status={source.status} />
                      <span className="text-xs text-stone-600">
                        {source.roundName}
                        {source.basis === "own" ? ", your score (not yet published)" : ""}
                      </span>
                      {source.isDemo && <DemoLabel />}
                    </span>
                  ) : (
                    <span className="text-stone-600">None</span>
                  )}
                </td>
                <td className="py-2 pr-3" data-testid="my-status">
                  {entry.mine ? <StatusBadge status={entry.mine.status} /> : <span className="font-medium text-amber-900">To score</span>}
                </td>
                {view === "disagreements" && (
                  <td className="py-2">
                    <ul>
                      {visibleOtherScores(entry).map((other) => (
                        <li key={other.id} className="flex items-center gap-1">
                          {other.reviewerName}: <StatusBadge status={other.status} />
                        </li>
                      ))}
                    </ul>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="mt-2 text-sm text-stone-700">No benchmark in this list.</p>}
      </CarryForwardForm>
    </>
  );
}
