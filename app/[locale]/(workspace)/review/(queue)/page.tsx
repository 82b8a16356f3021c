import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { DeadlineBadge } from "@/components/review/deadline-badge";
import { listAdditionsAwaitingOrRefused } from "@/db/queries/drafts";
import { getDb } from "@/db/client";
import { listLatestAssessments } from "@/db/queries/assessments";
import { listReviewRounds, listRoundBenchmarks } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { LocalizedText } from "@/components/ui/localized-text";
import { formatRoundDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/review";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ReviewRoundsPage() {
  const user = await requirePageUser("/review");
  const [locale, t] = [(await getLocale()) as Locale, await getTranslations("review")];
  const today = new Date().toISOString().slice(0, 10);
  const db = getDb();
  const rounds = await Promise.all(
    (await listReviewRounds(db)).map(async (round) => {
      const applicable = await listRoundBenchmarks(db, round);
      const latest = await listLatestAssessments(db, round.id);
      const mine = applicable.filter((b) => latest.get(b.id)?.some((a) => a.reviewerId === user.id)).length;
      return { round, applicable: applicable.length, mine, deadline: deadlineState(round.scoringDeadline, today) };
    }),
  );
  const additions = await listAdditionsAwaitingOrRefused(db, user.id);
  const pending = [
    ...additions.statements.map((s) => ({ key: `statement:${s.slug}`, what: t("additions.statement"), title: s.title, href: `/review/statements/${s.slug}`, state: s.state, note: s.note })),
    ...additions.benchmarks.map((b) => ({ key: `benchmark:${b.slug}`, what: t("additions.benchmark"), title: b.title, href: null, state: b.state, note: b.note })),
    ...additions.sources.map((l) => ({ key: `source:${l.statementSlug}:${l.benchmarkTitle}`, what: t("additions.source"), title: `${l.statementTitle} → ${l.benchmarkTitle}`, href: `/review/statements/${l.statementSlug}`, state: l.state, note: l.note })),
  ];
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>
      <ul className="mt-4 divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="review-rounds">
        {rounds.map(({ round, applicable, mine, deadline }) => (
          <li key={round.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <Link href={`/review/${round.slug}`} className="font-medium">
                <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
              </Link>
              <p className="text-xs text-stone-600">
                <LocalizedText locale={locale} en={round.trackName} zh={round.trackNameZh} /> · {formatRoundDate(round.startDate, round.endDate, round.datePrecision, locale)} ·{" "}
                {round.publishedAt ? t("published") : t("unpublished")}
              </p>
            </div>
            <div className="flex items-center gap-3 text-sm">
              <span>{t("scoredOf", { mine, applicable })}</span>
              {mine < applicable && <DeadlineBadge state={deadline} deadline={round.scoringDeadline} />}
            </div>
          </li>
        ))}
      </ul>
      {pending.length > 0 && (
        <section aria-labelledby="additions-heading" className="mt-8">
          <h2 id="additions-heading" className="text-lg font-semibold">{t("additions.heading")}</h2>
          <p className="mt-1 text-sm text-stone-700">{t("additions.intro")}</p>
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="my-additions">
            {pending.map((item) => (
              <li key={item.key} className="px-4 py-3 text-sm" data-state={item.state}>
                <span className="text-stone-600">{item.what}:</span> {item.href ? <Link href={item.href}>{item.title}</Link> : <strong>{item.title}</strong>}{" "}
                <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium">{t(`reviewState.${item.state}`)}</span>
                {item.note && <p className={item.state === "rejected" ? "mt-1 text-red-800" : "mt-1 text-stone-600"}>{t("additions.note", { note: item.note })}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
