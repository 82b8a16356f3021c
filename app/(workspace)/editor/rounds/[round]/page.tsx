import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { StatusBadge } from "@/components/ui/status-badge";
import { getReviewRound, listLatestAssessments, listLatestDecisions, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/lib/auth/session";
import { STATUS_LABELS } from "@/lib/domain";
import { formatPercent } from "@/lib/format";
import { proposeScore, roundAgreement } from "@/lib/review";
import { decideDisagreement, publishRoundScores } from "../../actions";

export const metadata: Metadata = { title: "Agreement and publishing" };
export const dynamic = "force-dynamic";

export default async function EditorRoundPage({ params }: { params: Promise<{ round: string }> }) {
  const { round: slug } = await params;
  const user = await requirePageUser(`/editor/rounds/${slug}`);
  if (user.role !== "editor") return <EditorOnly user={user} />;
  const round = getReviewRound(slug);
  if (!round) notFound();

  const benchmarks = listRoundBenchmarks(round);
  const latest = listLatestAssessments(round.id);
  const decisions = listLatestDecisions(round.id);
  const rows = benchmarks.map((b) => {
    const assessments = latest.get(b.id) ?? [];
    return { benchmark: b, assessments, proposal: proposeScore(assessments, decisions.get(b.id) ?? null) };
  });
  const count = (kind: string) => rows.filter((r) => r.proposal.kind === kind).length;
  // Over the benchmarks that apply at the round: scores left outside a scope or after retirement are history.
  const agreement = roundAgreement(new Map(rows.map((r) => [r.benchmark.id, r.assessments])));
  const disagreements = rows.filter((r) => r.proposal.kind === "disagreement");

  return (
    <>
      <AccountBar user={user} />
      <p className="text-sm">
        <Link href="/editor">Editor</Link> / {round.name}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Agreement and publishing: {round.name}</h1>
      <p className="text-sm text-stone-600">{round.publishedAt ? `Last published ${round.publishedAt.slice(0, 16).replace("T", " ")} UTC.` : "Not yet published."}</p>

      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="round-review-summary">
        {[
          ["Agreed", count("agreement")],
          ["Decided by you", count("decided")],
          ["Disagreements", count("disagreement")],
          ["Not yet scored by two", count("incomplete")],
          ["Percent agreement", formatPercent(agreement.percent)],
          ["Cohen's kappa", agreement.kappa === null ? "—" : agreement.kappa.toFixed(2)],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`summary-${String(label).toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-xs text-stone-600">
        Agreement is measured between the two reviewers who scored most benchmarks at this round, over the {agreement.items} benchmarks both scored.
      </p>

      <section aria-labelledby="disagreements-heading" className="mt-6">
        <h2 id="disagreements-heading" className="text-lg font-semibold">Disagreements to resolve ({disagreements.length})</h2>
        {disagreements.length === 0 ? (
          <p className="mt-2 text-sm">None: every benchmark scored by two reviewers has an agreed status or your decision.</p>
        ) : (
          <ul className="mt-2 space-y-4" data-testid="disagreements">
            {disagreements.map(({ benchmark, assessments }) => (
              <li key={benchmark.id} className="rounded border border-stone-200 bg-white p-4" data-benchmark={benchmark.slug}>
                <h3 className="font-medium">{benchmark.title}</h3>
                <ul className="mt-2 space-y-2 text-sm">
                  {assessments.map((a) => (
                    <li key={a.id} className="border-l-4 border-stone-300 pl-3">
                      <p className="flex items-center gap-2">
                        <strong>{a.reviewerName}</strong> <StatusBadge status={a.status} />
                      </p>
                      <p>{a.rationale}</p>
                    </li>
                  ))}
                </ul>
                <div className="mt-3">
                  <ActionForm
                    action={decideDisagreement}
                    testId={`decide-${benchmark.slug}`}
                    submitLabel="Record decision"
                    fields={[
                      { kind: "hidden", name: "roundSlug", value: round.slug },
                      { kind: "hidden", name: "benchmarkSlug", value: benchmark.slug },
                      {
                        kind: "radio",
                        name: "assessmentId",
                        label: "Whose assessment stands?",
                        options: assessments.map((a) => ({ value: String(a.id), label: `${a.reviewerName}: ${STATUS_LABELS[a.status]}` })),
                      },
                      { kind: "textarea", name: "note", label: "Note on the decision (optional)" },
                    ]}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="publish-heading" className="mt-8 max-w-xl rounded border border-stone-300 bg-white p-4">
        <h2 id="publish-heading" className="text-lg font-semibold">Publish</h2>
        <p className="mt-1 text-sm">
          Publishing makes the agreed and decided scores public ({count("agreement") + count("decided")} benchmarks) with a new data version.
          Scores still in disagreement or scored by fewer than two reviewers are withheld.
        </p>
        <div className="mt-3">
          <ActionForm
            action={publishRoundScores}
            testId="publish"
            submitLabel="Publish this round"
            fields={[
              { kind: "hidden", name: "roundSlug", value: round.slug },
              { kind: "checkbox", name: "confirm", value: "yes", label: "I have checked the scores and want to publish them." },
            ]}
          />
        </div>
      </section>
    </>
  );
}
