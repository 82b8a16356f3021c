import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { optionName } from "@/lib/localized";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { LocalizedText } from "@/components/ui/localized-text";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editorHome"))("title") };
}
export const dynamic = "force-dynamic";

export default async function EditorPage() {
  const user = await requirePageUser("/editor");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const today = new Date().toISOString().slice(0, 10);
  const db = getDb();
  const [reviewers, trackOptions, settings, drafts, t, tPrecision, locale] = await Promise.all([
    listActiveReviewers(db),
    listTracks(db),
    getPublicationSettings(db),
    countDrafts(db),
    getTranslations("editorHome"),
    getTranslations("statementReview.new.precisionValue"),
    pageLocale(),
  ]);
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
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2">
        <Link href="/editor/drafts" data-testid="drafts-link">
          {drafts === 0 ? t("draftsNone") : t("draftsWaiting", { count: drafts })}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/editor/records">{t("records")}</Link> · <Link href="/editor/import">{t("import")}</Link> · <Link href="#publishing-settings">{t("preliminary")}</Link>
      </p>
      <section aria-labelledby="progress-heading" className="mt-4">
        <h2 id="progress-heading" className="text-lg font-semibold">{t("progress")}</h2>
        <div className="relative overflow-x-auto">
          <table className="mt-2 w-full border-collapse text-sm" data-testid="progress">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-2 pr-3">{t("round")}</th>
                <th scope="col" className="py-2 pr-3">{t("deadline")}</th>
                {reviewers.map((r) => (
                  <th key={r.id} scope="col" className="py-2 pr-3 text-right">{r.name}</th>
                ))}
                <th scope="col" className="py-2">{t("setDeadline")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map(({ round, applicable, progress, deadline }) => (
                <tr key={round.id} className="border-b border-stone-100 align-top" data-round={round.slug}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link href={`/editor/rounds/${round.slug}`}>
                      <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
                    </Link>
                    <span className="block text-xs text-stone-600">{round.publishedAt ? t("published", { date: round.publishedAt.slice(0, 10) }) : t("notPublished")}</span>
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
                      submitLabel={t("set")}
                      fields={[
                        { kind: "hidden", name: "roundSlug", value: round.slug },
                        { kind: "date", name: "scoringDeadline", label: t("deadlineFor", { name: optionName(locale, round.name, round.nameZh) }), defaultValue: round.scoringDeadline ?? "" },
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
        <h2 id="publishing-settings-heading" className="text-lg font-semibold">{t("preliminary")}</h2>
        <p className="mt-1 text-sm text-stone-700">
          {t("preliminaryBody")}
          {settings.updatedAt && t("lastSet", { name: settings.updatedByName ?? t("someone"), date: settings.updatedAt.slice(0, 16).replace("T", " ") })}
        </p>
        <div className="mt-2">
          <ActionForm
            action={setMinCoverage}
            testId="min-coverage"
            className="flex items-end gap-2"
            submitLabel={t("save")}
            fields={[{ kind: "number", name: "minCoveragePercent", label: t("minCoverage"), defaultValue: String(settings.minCoveragePercent) }]}
          />
        </div>
      </section>
      <section aria-labelledby="new-round-heading" className="mt-8 max-w-xl">
        <h2 id="new-round-heading" className="text-lg font-semibold">{t("addRound")}</h2>
        <ActionForm
          action={createRound}
          testId="new-round"
          submitLabel={t("addRoundSubmit")}
          fields={[
            { kind: "select", name: "trackSlug", label: t("field.track"), options: trackOptions.map((track) => ({ value: track.slug, label: optionName(locale, track.name, track.nameZh) })) },
            { kind: "text", name: "name", label: t("field.name"), hint: t("field.nameHint") },
            { kind: "text", name: "slug", label: t("field.slug"), hint: t("field.slugHint") },
            { kind: "text", name: "location", label: t("field.location") },
            { kind: "date", name: "startDate", label: t("field.startDate") },
            { kind: "date", name: "endDate", label: t("field.endDate") },
            { kind: "select", name: "datePrecision", label: t("field.precision"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })) },
            { kind: "date", name: "scoringDeadline", label: t("field.scoringDeadline") },
          ]}
        />
      </section>
    </>
  );
}
