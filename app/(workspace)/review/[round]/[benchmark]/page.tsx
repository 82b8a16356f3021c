import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { AssessmentForm } from "@/components/review/assessment-form";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { getPreviousPublishedScore, getReviewBenchmark, getReviewRound, listEvidence, listLatestAssessments } from "@/db/queries/review";
import { requirePageUser } from "@/lib/auth/session";
import { isApplicable } from "@/lib/scoring";

export const metadata: Metadata = { title: "Score a benchmark" };
export const dynamic = "force-dynamic";

export default async function ScoreBenchmarkPage({ params }: { params: Promise<{ round: string; benchmark: string }> }) {
  const { round: roundSlug, benchmark: benchmarkSlug } = await params;
  const user = await requirePageUser(`/review/${roundSlug}/${benchmarkSlug}`);
  const round = getReviewRound(roundSlug);
  const benchmark = getReviewBenchmark(benchmarkSlug);
  // A draft is scored once an editor approves it; until then it is not in the queue.
  if (!round || !benchmark || benchmark.reviewState !== "approved" || !isApplicable(benchmark, round)) notFound();

  const mine = listLatestAssessments(round.id).get(benchmark.id)?.find((a) => a.reviewerId === user.id);
  const previous = getPreviousPublishedScore(benchmark.id, round);
  const sources = listBenchmarkSources([benchmark.id]);

  return (
    <>
      <AccountBar user={user} />
      <p className="text-sm">
        <Link href="/review">Review queue</Link> / <Link href={`/review/${round.slug}`}>{round.name}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{benchmark.title}</h1>
      <p className="text-stone-700">Your score at {round.name}</p>
      <section aria-labelledby="demand-heading" className="mt-3 rounded border border-stone-200 bg-white p-3 text-sm">
        <h2 id="demand-heading" className="font-medium">The demand</h2>
        <ul className="list-disc pl-5">
          {sources.map((s) => (
            <li key={s.statementSlug}>
              {s.demand} <span className="text-stone-600">({s.statementTitle})</span>
            </li>
          ))}
        </ul>
      </section>
      {mine && (
        <p className="mt-3 text-sm" data-testid="my-latest">
          Your latest score, saved {mine.createdAt.slice(0, 16).replace("T", " ")} UTC, is shown below. Saving adds a new score; the earlier one stays in the history.
        </p>
      )}
      <div className="mt-4">
        <AssessmentForm
          roundSlug={round.slug}
          benchmarkSlug={benchmark.slug}
          expectedLatestId={mine?.id ?? 0}
          current={mine ? { status: mine.status, rationale: mine.rationale, evidence: listEvidence([mine.id]) } : { status: "", rationale: "", evidence: [] }}
          previous={previous ? { roundName: previous.roundName, status: previous.status, rationale: previous.rationale, evidence: previous.evidence } : null}
        />
      </div>
    </>
  );
}
