import type { Metadata } from "next";
import Link from "next/link";
import { AccountBar } from "@/components/review/account-bar";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { listLatestAssessments, listReviewRounds, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/lib/auth/session";
import { formatRoundDate } from "@/lib/format";
import { deadlineState } from "@/lib/review";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

export default async function ReviewRoundsPage() {
  const user = await requirePageUser("/review");
  const today = new Date().toISOString().slice(0, 10);
  const rounds = listReviewRounds().map((round) => {
    const applicable = listRoundBenchmarks(round);
    const latest = listLatestAssessments(round.id);
    const mine = applicable.filter((b) => latest.get(b.id)?.some((a) => a.reviewerId === user.id)).length;
    return { round, applicable: applicable.length, mine, deadline: deadlineState(round.scoringDeadline, today) };
  });
  return (
    <>
      <AccountBar user={user} />
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <p className="mt-2 text-stone-700">Choose a round to score. Rounds with the nearest deadline need you first.</p>
      <ul className="mt-4 divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="review-rounds">
        {rounds.map(({ round, applicable, mine, deadline }) => (
          <li key={round.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <Link href={`/review/${round.slug}`} className="font-medium">
                {round.name}
              </Link>
              <p className="text-xs text-stone-600">
                {round.trackName} · {formatRoundDate(round.startDate, round.endDate, round.datePrecision)} ·{" "}
                {round.publishedAt ? "published" : "not yet published"}
              </p>
            </div>
            <div className="flex items-center gap-3 text-sm">
              <span>
                You scored {mine} of {applicable}
              </span>
              {mine < applicable && <DeadlineBadge state={deadline} deadline={round.scoringDeadline} />}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
