import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { getReviewRound, listLatestAssessments, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/lib/auth/session";
import { deadlineState } from "@/lib/review";

export const metadata: Metadata = { title: "Score a round" };
export const dynamic = "force-dynamic";

export default async function ReviewQueuePage({ params }: { params: Promise<{ round: string }> }) {
  const { round: slug } = await params;
  const user = await requirePageUser(`/review/${slug}`);
  const round = getReviewRound(slug);
  if (!round) notFound();
  const benchmarks = listRoundBenchmarks(round);
  const latest = listLatestAssessments(round.id);
  const rows = benchmarks.map((b) => ({ benchmark: b, mine: latest.get(b.id)?.find((a) => a.reviewerId === user.id) }));
  const todo = rows.filter((r) => !r.mine).length;
  const deadline = deadlineState(round.scoringDeadline, new Date().toISOString().slice(0, 10));

  return (
    <>
      <AccountBar user={user} />
      <p className="text-sm">
        <Link href="/review">Review queue</Link> / {round.name}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Score: {round.name}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3" role="status">
        <span data-testid="todo-count">
          {todo === 0 ? "You have scored every benchmark of this round." : `${todo} of ${benchmarks.length} benchmarks still to score.`}
        </span>
        {todo > 0 && <DeadlineBadge state={deadline} deadline={round.scoringDeadline} />}
      </p>
      <table className="mt-4 w-full border-collapse text-sm" data-testid="queue">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">Benchmark</th>
            <th scope="col" className="py-2 pr-3">Category</th>
            <th scope="col" className="py-2">Your latest score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ benchmark, mine }) => (
            <tr key={benchmark.id} className="border-b border-stone-100" data-benchmark={benchmark.slug}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <Link href={`/review/${round.slug}/${benchmark.slug}`}>{benchmark.title}</Link>
                {benchmark.confidential && <span className="ml-2 rounded bg-stone-800 px-1 text-xs text-white">Confidential</span>}
              </th>
              <td className="py-2 pr-3">{benchmark.categoryName}</td>
              <td className="py-2">{mine ? <StatusBadge status={mine.status} /> : <span className="font-medium text-amber-900">To score</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
