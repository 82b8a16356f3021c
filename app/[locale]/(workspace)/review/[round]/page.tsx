import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { CarryForwardForm, QueueCheckbox } from "@/components/review/carry-forward-form";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { FocusedStatus } from "@/components/review/focused-status";
import { DemoLabel } from "@/components/ui/demo-label";
import { LocalizedText } from "@/components/ui/localized-text";
import { contentLang, localized } from "@/lib/localized";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { listCarryForwardSources, listLatestAssessments } from "@/db/queries/assessments";
import { getReviewBenchmark, getReviewRound, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { deadlineState, inQueueView, QUEUE_VIEWS, visibleOtherScores, type QueueEntry, type QueueView } from "@/lib/review";
import { benchmarkSlugSchema, queueViewSchema } from "@/lib/validation/assessment";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { carryForwardPrevious } from "../actions";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.round"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ReviewQueuePage({ params, searchParams }: { params: Promise<{ round: string }>; searchParams: Promise<{ show?: string | string[]; saved?: string | string[] }> }) {
  const [{ round: slug }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/review/${slug}`);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("review.round");
  const tWorkspace = await getTranslations("workspace");
  const viewLabel = (v: QueueView) => t(`view.${v}`);
  const db = getDb();
  const round = await getReviewRound(db, slug);
  if (!round) notFound();
  const roundName = <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />;
  const headingName = localized(locale, round.name, round.nameZh);
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
        <Link href="/review">{tWorkspace("bar.queue")}</Link> / {roundName}
      </p>
      {savedConfirmed && (
        <FocusedStatus testId="saved-previous">
          {t("savedTitle", { title: localized(locale, savedConfirmed.title, savedConfirmed.titleZh).text })} {todo === 0 ? t("nothingLeft") : t("stillBelow")}
        </FocusedStatus>
      )}
      <h1 className="mt-1 text-2xl font-semibold">{t.rich("heading", { name: headingName.text, round: (chunks) => (headingName.lang === contentLang(locale) ? chunks : <span lang={headingName.lang}>{chunks}</span>) })}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3" role="status">
        <span data-testid="todo-count">
          {todo === 0 ? t("allScored") : t("todo", { todo, total: benchmarks.length })}
        </span>
        {todo > 0 && <DeadlineBadge state={deadline} deadline={round.scoringDeadline} />}
      </p>
      <p className="mt-2 max-w-3xl text-sm text-stone-700">{t("blind")}</p>
      <nav aria-label={t("viewsNav")} className="mt-3">
        <ul className="flex flex-wrap gap-2 text-sm">
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              {/* The current view is not a link: the site's link colour would hide white text on blue. */}
              {v === view ? (
                <span aria-current="page" className="inline-block rounded border border-blue-800 bg-blue-800 px-3 py-1 font-semibold text-white">
                  {t("viewCount", { view: viewLabel(v), count: counts[v] })}
                </span>
              ) : (
                <Link href={`/review/${round.slug}?show=${v}`} className="inline-block rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
                  {t("viewCount", { view: viewLabel(v), count: counts[v] })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <CarryForwardForm roundSlug={round.slug} carryForward={carryForwardPrevious}>
        <table className="mt-3 w-full border-collapse text-sm" data-testid="queue">
          <caption className="sr-only">
            {t("caption", { view: viewLabel(view), count: shown.length })}
          </caption>
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">{t("chooseColumn")}</span>
              </th>
              <th scope="col" className="py-2 pr-3">{t("benchmark")}</th>
              <th scope="col" className="py-2 pr-3">{t("category")}</th>
              <th scope="col" className="py-2 pr-3">{t("previous")}</th>
              <th scope="col" className="py-2 pr-3">{t("mine")}</th>
              {view === "disagreements" && <th scope="col" className="py-2">{t("others")}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ benchmark, entry, previous: source }) => (
              <tr key={benchmark.id} className="border-b border-stone-100" data-benchmark={benchmark.slug}>
                <td className="py-2 pr-3">
                  {/* Only what this reviewer has not scored: carrying forward never replaces a score of theirs. */}
                  {source && !entry.mine && <QueueCheckbox value={`${benchmark.slug}:0`} label={t("choose", { title: localized(locale, benchmark.title, benchmark.titleZh).text })} />}
                </td>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <Link href={`/review/${round.slug}/${benchmark.slug}`}>
                    <LocalizedText locale={locale} en={benchmark.title} zh={benchmark.titleZh} />
                  </Link>
                  {benchmark.confidential && <span className="ml-2 rounded bg-stone-800 px-1 text-xs text-white">{tWorkspace("confidential")}</span>}
                </th>
                <td className="py-2 pr-3">
                  <LocalizedText locale={locale} en={benchmark.categoryName} zh={benchmark.categoryNameZh} />
                </td>
                <td className="py-2 pr-3" data-testid="previous-status">
                  {source ? (
                    <span className="inline-flex flex-wrap items-center gap-1">
                      <StatusBadge status={source.status} />
                      <span className="text-xs text-stone-600">
                        <LocalizedText locale={locale} en={source.roundName} zh={source.roundNameZh} />
                        {source.basis === "own" ? t("ownUnpublished") : ""}
                      </span>
                      {source.isDemo && <DemoLabel />}
                    </span>
                  ) : (
                    <span className="text-stone-600">{t("none")}</span>
                  )}
                </td>
                <td className="py-2 pr-3" data-testid="my-status">
                  {entry.mine ? <StatusBadge status={entry.mine.status} /> : <span className="font-medium text-amber-900">{t("toScore")}</span>}
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
        {shown.length === 0 && <p className="mt-2 text-sm text-stone-700">{t("empty")}</p>}
      </CarryForwardForm>
    </>
  );
}
