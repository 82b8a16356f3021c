import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { AssessmentForm } from "@/components/review/assessment-form";
import { BenchmarkContext } from "@/components/review/benchmark-context";
import { FocusedStatus } from "@/components/review/focused-status";
import { LocalizedText } from "@/components/ui/localized-text";
import { contentLang, localized } from "@/lib/localized";
import { getDb } from "@/db/client";
import { listBenchmarkSources } from "@/db/queries/benchmarks";
import { listCarryForwardSources, listEvidence, listLatestAssessments } from "@/db/queries/assessments";
import { getReviewBenchmark, getReviewRound, listReviewSubjects, listStatusHistory } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { carriedForwardRationale } from "@/lib/review";
import { isApplicable } from "@/lib/scoring";
import { benchmarkSlugSchema } from "@/lib/validation/assessment";
import { signOut } from "@/app/[locale]/(workspace)/actions";
import { saveAssessment } from "../../actions";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring"))("title") };
}
export const dynamic = "force-dynamic";

const withoutId = ({ assessmentId: _id, ...e }: { assessmentId: number; url: string; title: string; publishedOn: string | null }) => e;

export default async function ScoreBenchmarkPage({ params, searchParams }: { params: Promise<{ round: string; benchmark: string }>; searchParams: Promise<{ saved?: string | string[] }> }) {
  const [{ round: roundSlug, benchmark: benchmarkSlug }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/review/${roundSlug}/${benchmarkSlug}`);
  const locale = (await getLocale()) as Locale;
  const [t, tWorkspace] = await Promise.all([getTranslations("scoring"), getTranslations("workspace")]);
  const db = getDb();
  const [round, benchmark] = await Promise.all([getReviewRound(db, roundSlug), getReviewBenchmark(db, benchmarkSlug)]);
  // A draft is scored once an editor approves it; until then it is not in the queue.
  if (!round || !benchmark || benchmark.reviewState !== "approved" || !isApplicable(benchmark, round)) notFound();

  // Only this reviewer's own assessment is read for the form: the others' stay unseen (blind scoring).
  const latest = await listLatestAssessments(db, round.id);
  const mine = latest.get(benchmark.id)?.find((a) => a.reviewerId === user.id);
  const source = (await listCarryForwardSources(db, round, user.id, [benchmark])).get(benchmark.id);
  const sources = await listBenchmarkSources(db, [benchmark.id], "workspace");
  const [history, subjects, myEvidence, carriedEvidence] = await Promise.all([
    listStatusHistory(db, benchmark.id, round),
    listReviewSubjects(db, benchmark.id),
    mine ? listEvidence(db, [mine.id]) : [],
    source ? listEvidence(db, [source.assessmentId]) : [],
  ]);
  // "Saved your score of …" after save-and-next, only for a benchmark this reviewer did score at this round.
  const savedSlug = benchmarkSlugSchema.safeParse(query.saved);
  const savedBenchmark = savedSlug.success ? await getReviewBenchmark(db, savedSlug.data) : undefined;
  const roundName = localized(locale, round.name, round.nameZh);
  const savedConfirmed = savedBenchmark && latest.get(savedBenchmark.id)?.some((a) => a.reviewerId === user.id) ? savedBenchmark : undefined;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/review">{tWorkspace("bar.queue")}</Link> /{" "}
        <Link href={`/review/${round.slug}`}>
          <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
        </Link>
      </p>
      {savedConfirmed && <FocusedStatus testId="saved-previous">{t("savedNext", { title: localized(locale, savedConfirmed.title, savedConfirmed.titleZh).text })}</FocusedStatus>}
      <h1 className="mt-1 text-2xl font-semibold">
        <LocalizedText locale={locale} en={benchmark.title} zh={benchmark.titleZh} />
      </h1>
      <p className="text-stone-700">{t.rich("at", { name: roundName.text, round: (chunks) => (roundName.lang === contentLang(locale) ? chunks : <span lang={roundName.lang}>{chunks}</span>) })}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <section aria-labelledby="demand-heading" className="rounded border border-stone-200 bg-white p-3 text-sm">
            <h2 id="demand-heading" className="font-medium">{t("demand")}</h2>
            <ul className="list-disc pl-5">
              {sources.map((s) => (
                <li key={s.statementSlug}>
                  <LocalizedText locale={locale} en={s.demand} zh={s.demandZh} />{" "}
                  <span className="text-stone-600">
                    (<LocalizedText locale={locale} en={s.statementTitle} zh={s.statementTitleZh} />)
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <p className="mt-3 text-sm text-stone-700" data-testid="blind-note">
            {t("blind")}
          </p>
          {mine && (
            <p className="mt-3 text-sm" data-testid="my-latest">
              {t("latest", { time: mine.createdAt.slice(0, 16).replace("T", " ") })}
            </p>
          )}
          <div className="mt-4">
            <AssessmentForm
              key={`${round.slug}/${benchmark.slug}`}
              roundSlug={round.slug}
              benchmarkSlug={benchmark.slug}
              expectedLatestId={mine?.id ?? 0}
              current={mine ? { status: mine.status, rationale: mine.rationale, publicRecord: mine.publicRecord, evidence: myEvidence.map(withoutId) } : { status: "", rationale: "", publicRecord: false, evidence: [] }}
              previous={
                source
                  ? {
                      roundName: localized(locale, source.roundName, source.roundNameZh).text,
                      status: source.status,
                      isDemo: source.isDemo,
                      carried: { status: source.status, rationale: carriedForwardRationale(source), publicRecord: false, evidence: carriedEvidence.map(withoutId) },
                    }
                  : null
              }
              save={saveAssessment}
            />
          </div>
        </div>
        <BenchmarkContext history={history} subjects={subjects} />
      </div>
    </>
  );
}
