import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { Headline, PreliminaryBadge, headlineChanges } from "@/components/dashboard/headline";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { EvidenceList } from "@/components/scorecard/evidence-list";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { previewPublication } from "@/db/commands/publishing";
import { listEvidenceByAssessment, type LatestAssessmentRow } from "@/db/queries/assessments";
import { listDecisionHistory, type DecisionRecord, type PublicationItem } from "@/db/queries/decisions";
import { getReviewRound, type ReviewBenchmark } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { canPublish } from "@/lib/permissions";
import { comparisonBase, type RoundFigures } from "@/lib/dashboard";
import { STATUS_LABELS, STATUSES } from "@/lib/domain";
import { formatIndex, formatPercent } from "@/lib/format";
import { proposeScore, roundAgreement } from "@/lib/review";
import { OWN_RULING } from "@/lib/validation/editor";
import { decideDisagreement, publishRoundScores } from "../../actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Agreement and publishing" };
export const dynamic = "force-dynamic";

const EVIDENCE_ROWS = 2;

/** The fields of a decision: whose assessment stands, or the editor's own status, rationale and evidence. */
function decisionFields(round: string, benchmark: ReviewBenchmark, assessments: LatestAssessmentRow[], latestDecisionId: number): FieldSpec[] {
  return [
    { kind: "hidden", name: "roundSlug", value: round },
    { kind: "hidden", name: "benchmarkSlug", value: benchmark.slug },
    { kind: "hidden", name: "expectedDecisionId", value: String(latestDecisionId) },
    {
      kind: "radio",
      name: "stands",
      label: "Whose assessment stands?",
      options: [
        ...assessments.map((a) => ({ value: String(a.id), label: `${a.reviewerName}: ${STATUS_LABELS[a.status]}` })),
        { value: OWN_RULING, label: "My own ruling, as below" },
      ],
    },
    {
      kind: "select",
      name: "status",
      label: "Your status (for your own ruling)",
      defaultValue: "",
      options: [{ value: "", label: "—" }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
    },
    { kind: "textarea", name: "rationale", label: "Your rationale, shown to the public (for your own ruling)" },
    ...Array.from({ length: EVIDENCE_ROWS }, (_, i): FieldSpec[] => [
      { kind: "text", name: "evidenceUrl[]", index: i, label: `Evidence address ${i + 1} (for your own ruling)`, hint: i === 0 ? "A full https:// address." : undefined },
      { kind: "text", name: "evidenceTitle[]", index: i, label: `Evidence title ${i + 1}` },
      { kind: "date", name: "evidenceDate[]", index: i, label: `Evidence date ${i + 1} (optional)` },
    ]).flat(),
    { kind: "textarea", name: "note", label: "Note on the decision (optional)", hint: "For editors: it is kept with the decision, not published." },
  ];
}

function ReviewerScores({ assessments, evidence }: { assessments: LatestAssessmentRow[]; evidence: Map<number, Parameters<typeof EvidenceList>[0]["evidence"]> }) {
  return (
    <ul className="mt-2 grid gap-3 text-sm md:grid-cols-2">
      {assessments.map((a) => (
        <li key={a.id} className="border-l-4 border-stone-300 pl-3" data-assessment={a.id}>
          <p className="flex items-center gap-2">
            <strong>{a.reviewerName}</strong> <StatusBadge status={a.status} />
            <span className="text-xs text-stone-600">{a.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
          </p>
          <p className="mt-1">{a.rationale}</p>
          <div className="mt-1">
            <EvidenceList evidence={evidence.get(a.id) ?? []} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function DecisionSummary({ decision }: { decision: DecisionRecord }) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={decision.status} />
        <span>{decision.isRuling ? `${decision.decidedByName}'s own ruling` : `${decision.reviewerName}'s assessment stands`}</span>
        <span className="text-xs text-stone-600">
          decided by {decision.decidedByName}, {decision.decidedAt.slice(0, 16).replace("T", " ")} UTC
        </span>
      </p>
      <p className="mt-1">{decision.rationale}</p>
      <div className="mt-1">
        <EvidenceList evidence={decision.evidence} />
      </div>
      {decision.note && <p className="mt-1 text-stone-700">Note: {decision.note}</p>}
    </>
  );
}

function withheldReason(item: PublicationItem): string {
  if (item.proposal.kind === "disagreement") return `reviewers disagree (${item.proposal.statuses.map((s) => STATUS_LABELS[s]).join(" / ")})`;
  if (item.proposal.kind === "incomplete") return `scored by ${item.proposal.reviewers} of the 2 reviewers needed`;
  return "";
}

/** Figures of one round on the dashboard as a row: index, coverage, and the change since the round it is compared with. */
function FiguresRow({ label, figures, previous, testId }: { label: string; figures: RoundFigures | null; previous: RoundFigures | null; testId: string }) {
  const changes = figures ? headlineChanges(figures, previous) : null;
  return (
    <tr className="border-b border-stone-100" data-testid={testId}>
      <th scope="row" className="py-1 pr-3 text-left font-normal">
        {label}
      </th>
      <td className="py-1 pr-3">
        {figures ? figures.round.name : "—"}
        {figures?.preliminary && <PreliminaryBadge />}
      </td>
      <td className="py-1 pr-3 text-right tabular-nums" data-figure="index">{formatIndex(figures?.index ?? null)}</td>
      <td className="py-1 pr-3 text-right tabular-nums" data-figure="coverage">
        {formatPercent(figures?.coverage ?? null)}
        {figures && <span className="block text-xs text-stone-600">{`${figures.judged} of ${figures.applicable}`}</span>}
      </td>
      <td className="py-1 pr-3" data-figure="change">
        {changes && previous ? `${changes.index} index, ${changes.coverage ?? "—"} coverage since ${previous.round.name}` : "nothing to compare with"}
      </td>
    </tr>
  );
}

export default async function EditorRoundPage({ params }: { params: Promise<{ round: string }> }) {
  const { round: slug } = await params;
  const user = await requirePageUser(`/editor/rounds/${slug}`);
  if (!canPublish(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const round = await getReviewRound(db, slug);
  if (!round) notFound();

  // Awaited alone: nothing else on this connection runs beside the rehearsal.
  const preview = await previewPublication(db, round.id, user.id);
  const plan = preview.plan;
  const decisions = await listDecisionHistory(db, round.id);
  const count = (kind: string) => plan.filter((item) => item.proposal.kind === kind).length;
  const agreement = roundAgreement(new Map(plan.map((item) => [item.benchmark.id, item.assessments])));
  const disagreements = plan.filter((item) => item.proposal.kind === "disagreement");
  const decided = plan.filter((item) => decisions.some((d) => d.benchmarkId === item.benchmark.id));
  const evidence = await listEvidenceByAssessment(db, [...disagreements, ...decided].flatMap((item) => item.assessments.map((a) => a.id)));
  const published = plan.filter((item) => item.proposal.kind === "agreement" || item.proposal.kind === "decided");
  const withheld = plan.filter((item) => item.proposal.kind === "disagreement" || item.proposal.kind === "incomplete");

  const after = preview.after;
  const at = after.series.findIndex((s) => s.round.id === round.id);
  const roundAfter = at >= 0 ? after.series[at]! : null;
  const roundBase = at >= 0 ? comparisonBase(after.series, at) : null;
  const threshold = formatPercent(after.minCoverage);

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
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
                <ReviewerScores assessments={assessments} evidence={evidence} />
                <div className="mt-3 max-w-2xl">
                  <ActionForm action={decideDisagreement} testId={`decide-${benchmark.slug}`} submitLabel="Record decision" fields={decisionFields(round.slug, benchmark, assessments, 0)} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-heading" className="mt-8">
        <h2 id="decisions-heading" className="text-lg font-semibold">Decisions ({decided.length})</h2>
        <p className="mt-1 text-sm text-stone-700">The latest decision on a benchmark is the one published; a revision is added, and the earlier ones stay below it.</p>
        {decided.length === 0 ? (
          <p className="mt-2 text-sm">No decision has been recorded at this round.</p>
        ) : (
          <ul className="mt-2 space-y-4" data-testid="decisions">
            {decided.map(({ benchmark, assessments, proposal }) => {
              const [current, ...earlier] = decisions.filter((d) => d.benchmarkId === benchmark.id);
              const reviewersNow = proposeScore(assessments, null);
              return (
                <li key={benchmark.id} className="rounded border border-stone-200 bg-white p-4 text-sm" data-benchmark={benchmark.slug}>
                  <h3 className="text-base font-medium">{benchmark.title}</h3>
                  <div className="mt-2" data-testid="decision-current">
                    <DecisionSummary decision={current!} />
                  </div>
                  {proposal.kind !== "decided" && (
                    <p className="mt-2 font-medium text-red-800">
                      This decision no longer counts: the assessment it chose has since been replaced by its reviewer. Decide again below.
                    </p>
                  )}
                  {proposal.kind === "decided" && reviewersNow.kind === "agreement" && reviewersNow.status !== proposal.status && (
                    <p className="mt-2 font-medium text-amber-900">
                      The reviewers now agree on {STATUS_LABELS[reviewersNow.status]}; your decision still stands until you revise it.
                    </p>
                  )}
                  {earlier.length > 0 && (
                    <details className="mt-2" open>
                      <summary className="cursor-pointer">Earlier decisions ({earlier.length})</summary>
                      <ol className="mt-1 space-y-2 border-l-2 border-stone-200 pl-3" data-testid="decision-history">
                        {earlier.map((d) => (
                          <li key={d.id}>
                            <DecisionSummary decision={d} />
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  <details className="mt-3">
                    <summary className="cursor-pointer font-medium text-blue-800">Revise this decision</summary>
                    <ReviewerScores assessments={assessments} evidence={evidence} />
                    <div className="mt-3 max-w-2xl">
                      <ActionForm action={decideDisagreement} testId={`revise-${benchmark.slug}`} submitLabel="Record the revised decision" fields={decisionFields(round.slug, benchmark, assessments, current!.id)} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="publish-heading" className="mt-8 rounded border border-stone-300 bg-white p-4">
        <h2 id="publish-heading" className="text-lg font-semibold">Publish</h2>
        <p className="mt-1 text-sm">
          What publishing {round.publishedAt ? "again " : ""}now would do, worked out by publishing in a rehearsal that is then undone: the same figures the public pages will show.
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="publish-preview">
          {[
            ["Agreed", count("agreement"), "agreed"],
            ["Decided by an editor", count("decided"), "decided"],
            ["Withheld", withheld.length, "withheld"],
            ["New or changed public scores", preview.changed, "changed"],
          ].map(([label, value, id]) => (
            <div key={id} className="rounded border border-stone-200 p-3">
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`preview-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">The {published.length} scores that would be published, and the {withheld.length} withheld</summary>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-medium">Published</h3>
              <ul className="mt-1 space-y-1" data-testid="preview-published-list">
                {published.map(({ benchmark, proposal }) => (
                  <li key={benchmark.id} className="flex flex-wrap items-center gap-2">
                    {"status" in proposal && <StatusBadge status={proposal.status} />} {benchmark.title}
                    <span className="text-xs text-stone-600">{proposal.kind === "agreement" ? "agreed" : "decided"}{benchmark.confidential ? " · confidential, not shown to the public" : ""}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="font-medium">Withheld</h3>
              <ul className="mt-1 space-y-1" data-testid="preview-withheld-list">
                {withheld.map((item) => (
                  <li key={item.benchmark.id}>
                    {item.benchmark.title} <span className="text-xs text-stone-600">— {withheldReason(item)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </details>

        <h3 className="mt-4 font-medium">The dashboard&apos;s figures</h3>
        <div className="relative overflow-x-auto">
          <table className="mt-1 w-full min-w-[40rem] border-collapse text-sm" data-testid="preview-figures">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-1 pr-3"><span className="sr-only">When</span></th>
                <th scope="col" className="py-1 pr-3">Round</th>
                <th scope="col" className="py-1 pr-3 text-right">Index</th>
                <th scope="col" className="py-1 pr-3 text-right">Coverage</th>
                <th scope="col" className="py-1 pr-3">Change</th>
              </tr>
            </thead>
            <tbody>
              <FiguresRow label="Headline now" figures={preview.before.latest} previous={preview.before.previous} testId="figures-now" />
              <FiguresRow label="Headline after publishing" figures={after.latest} previous={after.previous} testId="figures-after" />
              <FiguresRow label="This round after publishing" figures={roundAfter} previous={roundBase} testId="figures-round" />
            </tbody>
          </table>
        </div>

        {roundAfter?.preliminary && (
          <div className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="preliminary-warning">
            <p className="font-semibold">Low coverage: this round would be published as preliminary.</p>
            <p className="mt-1">
              Only {roundAfter.judged} of its {roundAfter.applicable} applicable public benchmarks ({formatPercent(roundAfter.coverage)}) would be judged, below the {threshold} set
              on the <Link href="/editor#publishing-settings">editor page</Link>. Every public page, export and the API would mark its figures preliminary, and no later round would be
              compared with it. You can publish it so, or wait for more scores.
            </p>
          </div>
        )}

        {after.latest && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm">The dashboard&apos;s headline after publishing, as readers would see it</summary>
            <Headline latest={after.latest} previous={after.previous} series={after.series} minCoverage={after.minCoverage} />
          </details>
        )}

        <div className="mt-4 max-w-xl">
          <ActionForm
            action={publishRoundScores}
            testId="publish"
            submitLabel="Publish this round"
            fields={[
              { kind: "hidden", name: "roundSlug", value: round.slug },
              { kind: "textarea", name: "note", label: "Note for the release (public)", rows: 2, hint: round.publishedAt ? "What this correction changes and why, for readers of the changelog." : "What this release publishes, for readers of the changelog." },
              { kind: "checkbox", name: "confirm", value: "yes", label: "I have checked the scores and want to publish them." },
              ...(roundAfter?.preliminary
                ? [{ kind: "checkbox" as const, name: "acceptPreliminary", value: "yes", label: `Publish it with fewer than ${threshold} judged, marked preliminary.` }]
                : []),
            ]}
          />
        </div>
      </section>
    </>
  );
}
