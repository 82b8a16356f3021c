import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { loadExtractionContext } from "@/db/queries/extraction-context";
import { listReferenceData } from "@/db/queries/reference";
import { listReviewRounds } from "@/db/queries/review";
import { getStatementForReview, listCandidateOutcomes, mayApplyFrom, type CandidateOutcome } from "@/db/queries/statements";
import { requirePageUser } from "@/server/auth/session";
import { ADDRESSEE_LABELS, ADDRESSEES, REVIEW_STATE_LABELS } from "@/lib/domain";
import { candidateKeys } from "@/lib/extract/candidate-key";
import { extractDemands } from "@/lib/extract/demands";
import { addDemandToBenchmark, confirmDemand } from "../../statement-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Demands in a statement" };
export const dynamic = "force-dynamic";

const SCOPE_HINT =
  "Tick only where the demand can be judged: one about how the bilateral dialogue itself is run (meeting regularly, hearing NGOs, reporting results) at the dialogue's rounds. Tick none for a demand judged at every round, such as a release.";

/** A short title to start from: the demand's first clause, without the list's lead-in. */
function suggestedTitle(text: string): string {
  const first = text.split(/[;:]/)[0]!.replace(/^(?:the\s+\w+\s+government\s+should\s+|we\s+urge\s+\w+\s+to\s+)/i, "").trim();
  const title = first.charAt(0).toUpperCase() + first.slice(1);
  return title.length > 120 ? `${title.slice(0, 117)}…` : title.replace(/\.$/, "");
}

export default async function StatementDemandsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/review/statements/${slug}`);
  const db = getDb();
  const statement = await getStatementForReview(db, slug);
  if (!statement) notFound();
  const [context, outcomes, reviewRounds] = await Promise.all([loadExtractionContext(db), listCandidateOutcomes(db, statement.id), listReviewRounds(db)]);
  const demands = statement.fullText ? extractDemands(statement.fullText, context) : [];
  const keys = candidateKeys(statement.id, demands);
  const reference = await listReferenceData(getDb());
  // The round the statement addresses first (a letter sent during a session still addresses it), then later rounds.
  const rounds = reviewRounds
    .filter((r) => mayApplyFrom(statement, r))
    .reverse()
    .sort((a, b) => Number(b.id === statement.roundId) - Number(a.id === statement.roundId));
  const defaultRound = rounds[0]?.slug ?? "";
  const titleOf = new Map(context.benchmarks.map((b) => [b.id, b.title]));
  const open = reference.benchmarks.filter((b) => b.reviewState === "approved" || b.reviewState === "draft");
  const slugOf = new Map(open.map((b) => [b.id, b.slug]));
  const refused = statement.reviewState === "rejected";

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/review">Review queue</Link> / Demands in a statement
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{statement.title}</h1>
      <p className="mt-1 text-sm" data-testid="statement-review-state">
        <span className="rounded bg-stone-100 px-1.5 py-0.5 font-medium">{REVIEW_STATE_LABELS[statement.reviewState]}</span>
        {statement.reviewState === "draft" && " — not public until an editor approves it."}
        {statement.reviewNote && statement.reviewState === "rejected" && <span className="ml-1 text-red-800">Editor&apos;s reason: {statement.reviewNote}</span>}
      </p>
      <p className="mt-2 max-w-3xl text-stone-700">
        {demands.length === 0
          ? "No candidate demand was found in the pasted text. Add benchmarks by hand, or paste the text again in a new statement."
          : `${demands.length} candidate demands found. Confirm each as a new benchmark, add it to the existing benchmark it repeats, or leave it out. Nothing is created until you confirm.`}
      </p>
      {rounds.length === 0 && <p className="mt-2 text-red-800">No round starts on or after this statement&apos;s date, so no benchmark can apply yet. Ask an editor to add the round.</p>}
      <ol className="mt-4 space-y-6" data-testid="candidates">
        {demands.map((d, i) => {
          const outcome = outcomes.get(keys[i]!);
          const likely = d.matches.flatMap((id) => (slugOf.has(id) ? [{ value: slugOf.get(id)!, label: `Likely match: ${titleOf.get(id)}` }] : []));
          return (
            <li key={keys[i]} className="rounded border border-stone-200 bg-white p-4" data-candidate={i} data-confirmed={outcome ? "yes" : "no"}>
              <p className="font-medium">Candidate {i + 1}</p>
              {outcome ? (
                <ConfirmedCard outcome={outcome} />
              ) : (
                <>
                  <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 text-sm">{d.text}</blockquote>
                  {refused ? (
                    <p className="mt-2 text-sm text-stone-600">The statement was rejected: nothing more can be added from it.</p>
                  ) : (
                    <div className="mt-3 grid gap-6 lg:grid-cols-2">
                      <div>
                        <h2 className="text-sm font-semibold">Confirm as a new benchmark</h2>
                        <ActionForm
                          action={confirmDemand}
                          testId={`confirm-${i}`}
                          submitLabel="Create benchmark"
                          fields={[
                            { kind: "hidden", name: "statementSlug", value: statement.slug },
                            { kind: "hidden", name: "candidateKey", value: keys[i]! },
                            { kind: "textarea", name: "demand", label: "The demand as the statement puts it", defaultValue: d.text },
                            { kind: "text", name: "title", label: "Benchmark title, in plain words", defaultValue: suggestedTitle(d.text) },
                            { kind: "select", name: "categorySlug", label: "Category", defaultValue: d.category ?? undefined, options: reference.categories.map((c) => ({ value: c.slug, label: c.name })) },
                            { kind: "select", name: "addressee", label: "Addressed to", defaultValue: d.addressee ?? undefined, options: ADDRESSEES.map((a) => ({ value: a, label: ADDRESSEE_LABELS[a] })) },
                            {
                              kind: "select",
                              name: "appliesFromRoundSlug",
                              label: "Applies from round",
                              defaultValue: defaultRound,
                              options: rounds.map((r) => ({ value: r.slug, label: r.id === statement.roundId ? `${r.name} (the round it addresses)` : r.name })),
                            },
                            {
                              kind: "checkboxes",
                              name: "scopeTrackSlugs[]",
                              label: "Assessed at the rounds of",
                              options: reference.tracks.map((t) => ({ value: t.slug, label: t.name })),
                              hint: SCOPE_HINT,
                            },
                            ...[...d.people, ...d.laws].map((s) => ({ kind: "hidden" as const, name: "subjectSlugs[]", value: s })),
                          ]}
                        />
                        {[...d.people, ...d.laws].length > 0 && <p className="mt-1 text-xs text-stone-600">Linked: {[...d.people, ...d.laws].join(", ")}</p>}
                      </div>
                      <div>
                        <h2 className="text-sm font-semibold">Or add it to an existing benchmark</h2>
                        {likely.length > 0 && <p className="text-xs text-stone-600">Looks like: {d.matches.map((id) => titleOf.get(id)).join("; ")}</p>}
                        <ActionForm
                          action={addDemandToBenchmark}
                          testId={`merge-${i}`}
                          submitLabel="Add as a source"
                          fields={[
                            { kind: "hidden", name: "statementSlug", value: statement.slug },
                            { kind: "hidden", name: "candidateKey", value: keys[i]! },
                            { kind: "hidden", name: "demand", value: d.text },
                            {
                              kind: "select",
                              name: "benchmarkSlug",
                              label: "Benchmark",
                              // Nothing chosen until the reviewer picks: a default would add the demand to an unrelated benchmark.
                              defaultValue: "",
                              options: [
                                { value: "", label: likely.length ? "Choose the benchmark it repeats (likely matches first)" : "Choose the benchmark it repeats" },
                                ...likely,
                                ...open.filter((b) => !likely.some((l) => l.value === b.slug)).map((b) => ({ value: b.slug, label: b.reviewState === "draft" ? `${b.title} (draft)` : b.title })),
                              ],
                            },
                          ]}
                        />
                      </div>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A candidate already confirmed: the benchmark it became or joined, with the title as confirmed and where its review stands. */
function ConfirmedCard({ outcome }: { outcome: CandidateOutcome }) {
  const refused = outcome.benchmarkState === "rejected" ? outcome.benchmarkNote : outcome.linkState === "rejected" ? outcome.linkNote : null;
  // An existing benchmark is approved already: what waits then is this statement's link to it.
  const state = outcome.benchmarkState === "approved" ? outcome.linkState : outcome.benchmarkState;
  return (
    <div className="mt-1 text-sm" data-testid="confirmed">
      <p>
        Confirmed →{" "}
        {outcome.benchmarkState === "approved" ? (
          <Link href={`/benchmarks/${outcome.benchmarkSlug}`}>{outcome.benchmarkTitle}</Link>
        ) : (
          <strong>{outcome.benchmarkTitle}</strong>
        )}{" "}
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium">
          {outcome.benchmarkState === "approved" && state !== "approved" ? `As a source: ${REVIEW_STATE_LABELS[state].toLowerCase()}` : REVIEW_STATE_LABELS[state]}
        </span>
      </p>
      {refused && <p className="mt-1 text-red-800">Editor&apos;s reason: {refused}</p>}
      {outcome.linkNote && !refused && <p className="mt-1 text-stone-600">{outcome.linkNote}</p>}
      <p className="mt-1 text-stone-600">The demand as confirmed: {outcome.demand}</p>
    </div>
  );
}
