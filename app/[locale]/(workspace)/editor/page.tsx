import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { getDb } from "@/db/client";
import { countDrafts } from "@/db/queries/drafts";
import { listLatestAssessments } from "@/db/queries/assessments";
import { listReviewRounds, listRoundBenchmarks } from "@/db/queries/review";
import { listActiveReviewers } from "@/db/queries/users";
import { listTracks } from "@/db/queries/reference";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { DATE_PRECISIONS } from "@/lib/domain";
import { deadlineState } from "@/lib/review";
import { getPublicationSettings } from "@/db/queries/publication-settings";
import { createRound, setMinCoverage, setScoringDeadline } from "./actions";
import { EditorOnly } from "@/components/review/editor-only";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Editor" };
export const dynamic = "force-dynamic";

export default async function EditorPage() {
  const user = await requirePageUser("/editor");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const today = new Date().toISOString().slice(0, 10);
  const db = getDb();
  const [reviewers, trackOptions, settings, drafts] = await Promise.all([listActiveReviewers(db), listTracks(db), getPublicationSettings(db), countDrafts(db)]);
  const rounds = await Promise.all(
    (await listReviewRounds(db)).map(async (round) => {
      const applicable = await listRoundBenchmarks(db, round);
      const latest = await listLatestAssessments(db, round.id);
      const progress = reviewers.map((r) => ({ reviewer: r, scored: applicable.filter((b) => latest.get(b.id)?.some((a) => a.reviewerId === r.id)).length }));
      return { round, applicable: applicable.length, progress, deadline: deadlineState(round.scoringDeadline, today) };
    }),
  );

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Editor</h1>
      <p className="mt-2">
        <Link href="/editor/drafts" data-testid="drafts-link">
          Drafts to review ({drafts === 0 ? "none waiting" : `${drafts} waiting`})
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/editor/records">Correct a record</Link> · <Link href="/editor/import">Import benchmarks or scores from CSV</Link> · <Link href="#publishing-settings">Preliminary rounds</Link>
      </p>
      <section aria-labelledby="progress-heading" className="mt-4">
        <h2 id="progress-heading" className="text-lg font-semibold">Rounds and reviewers&apos; progress</h2>
        <div className="relative overflow-x-auto">
          <table className="mt-2 w-full border-collapse text-sm" data-testid="progress">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-2 pr-3">Round</th>
                <th scope="col" className="py-2 pr-3">Deadline</th>
                {reviewers.map((r) => (
                  <th key={r.id} scope="col" className="py-2 pr-3 text-right">{r.name}</th>
                ))}
                <th scope="col" className="py-2">Set deadline</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map(({ round, applicable, progress, deadline }) => (
                <tr key={round.id} className="border-b border-stone-100 align-top" data-round={round.slug}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link href={`/editor/rounds/${round.slug}`}>{round.name}</Link>
                    <span className="block text-xs text-stone-600">{round.publishedAt ? `published ${round.publishedAt.slice(0, 10)}` : "not published"}</span>
                  </th>
                  <td className="py-2 pr-3"><DeadlineBadge state={deadline} deadline={round.scoringDeadline} /></td>
                  {progress.map(({ reviewer, scored }) => (
                    <td key={reviewer.id} className="py-2 pr-3 text-right tabular-nums">{scored} / {applicable}</td>
                  ))}
                  <td className="py-2">
                    <ActionForm
                      action={setScoringDeadline}
                      testId={`deadline-${round.slug}`}
                      className="flex items-end gap-2"
                      submitLabel="Set"
                      fields={[
                        { kind: "hidden", name: "roundSlug", value: round.slug },
                        { kind: "date", name: "scoringDeadline", label: `Deadline for ${round.name}`, defaultValue: round.scoringDeadline ?? "" },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="publishing-settings-heading" id="publishing-settings" className="mt-8 max-w-xl">
        <h2 id="publishing-settings-heading" className="text-lg font-semibold">Preliminary rounds</h2>
        <p className="mt-1 text-sm text-stone-700">
          A published round with fewer of its applicable benchmarks judged than this is marked preliminary on every public page, export and in the API, and later
          rounds are compared with the last round above it. Changing it changes public pages at once.
          {settings.updatedAt && ` Last set by ${settings.updatedByName ?? "someone"} on ${settings.updatedAt.slice(0, 16).replace("T", " ")} UTC.`}
        </p>
        <div className="mt-2">
          <ActionForm
            action={setMinCoverage}
            testId="min-coverage"
            className="flex items-end gap-2"
            submitLabel="Save"
            fields={[{ kind: "number", name: "minCoveragePercent", label: "Least coverage of a complete round (%)", defaultValue: String(settings.minCoveragePercent) }]}
          />
        </div>
      </section>
      <section aria-labelledby="new-round-heading" className="mt-8 max-w-xl">
        <h2 id="new-round-heading" className="text-lg font-semibold">Add a round</h2>
        <ActionForm
          action={createRound}
          testId="new-round"
          submitLabel="Add round"
          fields={[
            { kind: "select", name: "trackSlug", label: "Track", options: trackOptions.map((t) => ({ value: t.slug, label: t.name })) },
            { kind: "text", name: "name", label: "Name", hint: "e.g. Human Rights Council, 40th session" },
            { kind: "text", name: "slug", label: "Short identifier for the address", hint: "lower-case letters, digits and hyphens, e.g. hrc-40" },
            { kind: "text", name: "location", label: "Location" },
            { kind: "date", name: "startDate", label: "Start date" },
            { kind: "date", name: "endDate", label: "End date (optional)" },
            { kind: "select", name: "datePrecision", label: "How precise the dates are", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })) },
            { kind: "date", name: "scoringDeadline", label: "Scoring deadline (optional)" },
          ]}
        />
      </section>
    </>
  );
}
