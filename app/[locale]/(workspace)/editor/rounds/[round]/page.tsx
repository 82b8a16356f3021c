import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { Headline, PreliminaryBadge, headlineChanges } from "@/components/dashboard/headline";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { EvidenceList } from "@/components/scorecard/evidence-list";
import { LocalizedText } from "@/components/ui/localized-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { previewPublication } from "@/db/commands/publishing";
import { listEvidenceByAssessment, type LatestAssessmentRow } from "@/db/queries/assessments";
import { listDecisionHistory, type DecisionRecord, type PublicationItem } from "@/db/queries/decisions";
import { getReviewRound, type ReviewBenchmark } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { canPublish } from "@/lib/permissions";
import { comparisonBase, type RoundFigures } from "@/lib/dashboard";
import { STATUSES, type ContentLang, type Status } from "@/lib/domain";
import { formatIndex, formatPercent } from "@/lib/format";
import { contentLang, localized } from "@/lib/localized";
import { proposeScore, roundAgreement } from "@/lib/review";
import { OWN_RULING } from "@/lib/validation/editor";
import { decideDisagreement, publishRoundScores } from "../../actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roundPage"))("title") };
}
export const dynamic = "force-dynamic";

const EVIDENCE_ROWS = 2;

type Translate = Awaited<ReturnType<typeof getTranslations<"roundPage">>>;
type StatusWord = (status: Status) => string;
const utc = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The fields of a decision: whose assessment stands, or the editor's own status, rationale and evidence. */
function decisionFields(round: string, benchmark: ReviewBenchmark, assessments: LatestAssessmentRow[], latestDecisionId: number, t: Translate, status: StatusWord): FieldSpec[] {
  return [
    { kind: "hidden", name: "roundSlug", value: round },
    { kind: "hidden", name: "benchmarkSlug", value: benchmark.slug },
    { kind: "hidden", name: "expectedDecisionId", value: String(latestDecisionId) },
    {
      kind: "radio",
      name: "stands",
      label: t("field.stands"),
      options: [
        ...assessments.map((a) => ({ value: String(a.id), label: t("field.reviewerStatus", { name: a.reviewerName, status: status(a.status) }) })),
        { value: OWN_RULING, label: t("field.own") },
      ],
    },
    {
      kind: "select",
      name: "status",
      label: t("field.status"),
      defaultValue: "",
      options: [{ value: "", label: "—" }, ...STATUSES.map((s) => ({ value: s, label: status(s) }))],
    },
    { kind: "textarea", name: "rationale", label: t("field.rationale") },
    ...Array.from({ length: EVIDENCE_ROWS }, (_, i): FieldSpec[] => [
      { kind: "text", name: "evidenceUrl[]", index: i, label: t("field.evidenceUrl", { n: i + 1 }), hint: i === 0 ? t("field.evidenceUrlHint") : undefined },
      { kind: "text", name: "evidenceTitle[]", index: i, label: t("field.evidenceTitle", { n: i + 1 }) },
      { kind: "date", name: "evidenceDate[]", index: i, label: t("field.evidenceDate", { n: i + 1 }) },
    ]).flat(),
    { kind: "textarea", name: "note", label: t("field.note"), hint: t("field.noteHint") },
  ];
}

/** A rationale as it was written: marked with its language where that is not the page's. */
function Rationale({ text, lang, locale }: { text: string; lang: ContentLang; locale: string }) {
  return <p className="mt-1" lang={lang === contentLang(locale) ? undefined : lang}>{text}</p>;
}

function ReviewerScores({ assessments, evidence, t, locale }: { assessments: LatestAssessmentRow[]; evidence: Map<number, Parameters<typeof EvidenceList>[0]["evidence"]>; t: Translate; locale: string }) {
  return (
    <ul className="mt-2 grid gap-3 text-sm md:grid-cols-2">
      {assessments.map((a) => (
        <li key={a.id} className="border-l-4 border-stone-300 pl-3" data-assessment={a.id}>
          <p className="flex items-center gap-2">
            <strong>{a.reviewerName}</strong> <StatusBadge status={a.status} />
            <span className="text-xs text-stone-600">{t("utc", { date: utc(a.createdAt) })}</span>
          </p>
          <Rationale text={a.rationale} lang={a.rationaleLang} locale={locale} />
          <div className="mt-1">
            <EvidenceList evidence={evidence.get(a.id) ?? []} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function DecisionSummary({ decision, t, locale }: { decision: DecisionRecord; t: Translate; locale: string }) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={decision.status} />
        <span>{decision.isRuling ? t("ownRuling", { name: decision.decidedByName }) : t("assessmentStands", { name: decision.reviewerName })}</span>
        <span className="text-xs text-stone-600">{t("decidedBy", { name: decision.decidedByName, date: utc(decision.decidedAt) })}</span>
      </p>
      <Rationale text={decision.rationale} lang={decision.rationaleLang} locale={locale} />
      <div className="mt-1">
        <EvidenceList evidence={decision.evidence} />
      </div>
      {decision.note && <p className="mt-1 text-stone-700">{t("note", { note: decision.note })}</p>}
    </>
  );
}

function withheldReason(item: PublicationItem, t: Translate, status: StatusWord): string {
  if (item.proposal.kind === "disagreement") return t("withheldDisagree", { statuses: item.proposal.statuses.map(status).join(t("statusSeparator")) });
  if (item.proposal.kind === "incomplete") return t("withheldIncomplete", { count: item.proposal.reviewers });
  return "";
}

/** Figures of one round on the dashboard as a row: index, coverage, and the change since the round it is compared with. */
function FiguresRow({ label, figures, previous, testId, t, points, locale }: { label: string; figures: RoundFigures | null; previous: RoundFigures | null; testId: string; t: Translate; points: (delta: string) => string; locale: string }) {
  const changes = figures ? headlineChanges(figures, previous, points) : null;
  return (
    <tr className="border-b border-stone-100" data-testid={testId}>
      <th scope="row" className="py-1 pr-3 text-left font-normal">
        {label}
      </th>
      <td className="py-1 pr-3">
        {figures ? <LocalizedText locale={locale} en={figures.round.name} zh={figures.round.nameZh} /> : "—"}
        {figures?.preliminary && <PreliminaryBadge />}
      </td>
      <td className="py-1 pr-3 text-right tabular-nums" data-figure="index">{formatIndex(figures?.index ?? null)}</td>
      <td className="py-1 pr-3 text-right tabular-nums" data-figure="coverage">
        {formatPercent(figures?.coverage ?? null)}
        {figures && <span className="block text-xs text-stone-600">{t("publish.judgedOf", { judged: figures.judged, applicable: figures.applicable })}</span>}
      </td>
      <td className="py-1 pr-3" data-figure="change">
        {changes && previous ? t("publish.changeSince", { index: changes.index, coverage: changes.coverage ?? "—", round: localized(locale, previous.round.name, previous.round.nameZh).text }) : t("publish.nothingToCompare")}
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
  const [decisions, t, tStatus, tHeadline, locale] = await Promise.all([listDecisionHistory(db, round.id), getTranslations("roundPage"), getTranslations("status"), getTranslations("headline"), getLocale()]);
  const roundName = localized(locale, round.name, round.nameZh);
  const title = (benchmark: { title: string; titleZh: string | null }) => <LocalizedText locale={locale} en={benchmark.title} zh={benchmark.titleZh} />;
  const status: StatusWord = (s) => tStatus(s);
  const points = (delta: string) => tHeadline("points", { delta });
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
        <Link href="/editor">{t("editor")}</Link> / <LocalizedText locale={locale} en={round.name} zh={round.nameZh} />
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t.rich("heading", { name: roundName.text, round: (chunks) => (roundName.lang === contentLang(locale) ? chunks : <span lang={roundName.lang}>{chunks}</span>) })}</h1>
      <p className="text-sm text-stone-600">{round.publishedAt ? t("lastPublished", { date: utc(round.publishedAt) }) : t("notPublished")}</p>

      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="round-review-summary">
        {(
          [
            ["agreed", t("summary.agreed"), count("agreement")],
            ["decided-by-you", t("summary.decidedByYou"), count("decided")],
            ["disagreements", t("summary.disagreements"), count("disagreement")],
            ["not-yet-scored-by-two", t("summary.incomplete"), count("incomplete")],
            ["percent-agreement", t("summary.percent"), formatPercent(agreement.percent)],
            ["cohen-s-kappa", t("summary.kappa"), agreement.kappa === null ? "—" : agreement.kappa.toFixed(2)],
          ] as const
        ).map(([id, label, value]) => (
          <div key={id} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`summary-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-xs text-stone-600">{t("agreementNote", { count: agreement.items })}</p>

      <section aria-labelledby="disagreements-heading" className="mt-6">
        <h2 id="disagreements-heading" className="text-lg font-semibold">{t("disagreements", { count: disagreements.length })}</h2>
        {disagreements.length === 0 ? (
          <p className="mt-2 text-sm">{t("noDisagreements")}</p>
        ) : (
          <ul className="mt-2 space-y-4" data-testid="disagreements">
            {disagreements.map(({ benchmark, assessments }) => (
              <li key={benchmark.id} className="rounded border border-stone-200 bg-white p-4" data-benchmark={benchmark.slug}>
                <h3 className="font-medium">{title(benchmark)}</h3>
                <ReviewerScores assessments={assessments} evidence={evidence} t={t} locale={locale} />
                <div className="mt-3 max-w-2xl">
                  <ActionForm action={decideDisagreement} testId={`decide-${benchmark.slug}`} submitLabel={t("recordDecision")} fields={decisionFields(round.slug, benchmark, assessments, 0, t, status)} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-heading" className="mt-8">
        <h2 id="decisions-heading" className="text-lg font-semibold">{t("decisions", { count: decided.length })}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("decisionsNote")}</p>
        {decided.length === 0 ? (
          <p className="mt-2 text-sm">{t("noDecisions")}</p>
        ) : (
          <ul className="mt-2 space-y-4" data-testid="decisions">
            {decided.map(({ benchmark, assessments, proposal }) => {
              const [current, ...earlier] = decisions.filter((d) => d.benchmarkId === benchmark.id);
              const reviewersNow = proposeScore(assessments, null);
              return (
                <li key={benchmark.id} className="rounded border border-stone-200 bg-white p-4 text-sm" data-benchmark={benchmark.slug}>
                  <h3 className="text-base font-medium">{title(benchmark)}</h3>
                  <div className="mt-2" data-testid="decision-current">
                    <DecisionSummary decision={current!} t={t} locale={locale} />
                  </div>
                  {proposal.kind !== "decided" && (
                    <p className="mt-2 font-medium text-red-800">{t("noLongerCounts")}</p>
                  )}
                  {proposal.kind === "decided" && reviewersNow.kind === "agreement" && reviewersNow.status !== proposal.status && (
                    <p className="mt-2 font-medium text-amber-900">{t("nowAgree", { status: status(reviewersNow.status) })}</p>
                  )}
                  {earlier.length > 0 && (
                    <details className="mt-2" open>
                      <summary className="cursor-pointer">{t("earlier", { count: earlier.length })}</summary>
                      <ol className="mt-1 space-y-2 border-l-2 border-stone-200 pl-3" data-testid="decision-history">
                        {earlier.map((d) => (
                          <li key={d.id}>
                            <DecisionSummary decision={d} t={t} locale={locale} />
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  <details className="mt-3">
                    <summary className="cursor-pointer font-medium text-blue-800">{t("revise")}</summary>
                    <ReviewerScores assessments={assessments} evidence={evidence} t={t} locale={locale} />
                    <div className="mt-3 max-w-2xl">
                      <ActionForm action={decideDisagreement} testId={`revise-${benchmark.slug}`} submitLabel={t("recordRevised")} fields={decisionFields(round.slug, benchmark, assessments, current!.id, t, status)} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="publish-heading" className="mt-8 rounded border border-stone-300 bg-white p-4">
        <h2 id="publish-heading" className="text-lg font-semibold">{t("publish.heading")}</h2>
        <p className="mt-1 text-sm">{round.publishedAt ? t("publish.introAgain") : t("publish.intro")}</p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="publish-preview">
          {[
            [t("publish.agreed"), count("agreement"), "agreed"],
            [t("publish.decided"), count("decided"), "decided"],
            [t("publish.withheld"), withheld.length, "withheld"],
            [t("publish.changed"), preview.changed, "changed"],
          ].map(([label, value, id]) => (
            <div key={id} className="rounded border border-stone-200 p-3">
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`preview-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">{t("publish.lists", { published: published.length, withheld: withheld.length })}</summary>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-medium">{t("publish.published")}</h3>
              <ul className="mt-1 space-y-1" data-testid="preview-published-list">
                {published.map(({ benchmark, proposal }) => (
                  <li key={benchmark.id} className="flex flex-wrap items-center gap-2">
                    {"status" in proposal && <StatusBadge status={proposal.status} />} {title(benchmark)}
                    <span className="text-xs text-stone-600">{proposal.kind === "agreement" ? t("publish.agreedWord") : t("publish.decidedWord")}{benchmark.confidential ? t("publish.confidential") : ""}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="font-medium">{t("publish.withheld")}</h3>
              <ul className="mt-1 space-y-1" data-testid="preview-withheld-list">
                {withheld.map((item) => (
                  <li key={item.benchmark.id}>
                    {title(item.benchmark)} <span className="text-xs text-stone-600">— {withheldReason(item, t, status)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </details>

        <h3 className="mt-4 font-medium">{t("publish.figures")}</h3>
        <div className="relative overflow-x-auto">
          <table className="mt-1 w-full min-w-[40rem] border-collapse text-sm" data-testid="preview-figures">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="py-1 pr-3"><span className="sr-only">{t("publish.when")}</span></th>
                <th scope="col" className="py-1 pr-3">{t("publish.round")}</th>
                <th scope="col" className="py-1 pr-3 text-right">{t("publish.index")}</th>
                <th scope="col" className="py-1 pr-3 text-right">{t("publish.coverage")}</th>
                <th scope="col" className="py-1 pr-3">{t("publish.change")}</th>
              </tr>
            </thead>
            <tbody>
              <FiguresRow label={t("publish.headlineNow")} figures={preview.before.latest} previous={preview.before.previous} testId="figures-now" t={t} points={points} locale={locale} />
              <FiguresRow label={t("publish.headlineAfter")} figures={after.latest} previous={after.previous} testId="figures-after" t={t} points={points} locale={locale} />
              <FiguresRow label={t("publish.roundAfter")} figures={roundAfter} previous={roundBase} testId="figures-round" t={t} points={points} locale={locale} />
            </tbody>
          </table>
        </div>

        {roundAfter?.preliminary && (
          <div className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="preliminary-warning">
            <p className="font-semibold">{t("publish.lowCoverage")}</p>
            <p className="mt-1">
              {t.rich("publish.lowCoverageBody", {
                judged: roundAfter.judged,
                applicable: roundAfter.applicable,
                coverage: formatPercent(roundAfter.coverage),
                threshold,
                link: (chunks) => <Link href="/editor#publishing-settings">{chunks}</Link>,
              })}
            </p>
          </div>
        )}

        {after.latest && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm">{t("publish.headlineAsReaders")}</summary>
            <Headline latest={after.latest} previous={after.previous} series={after.series} minCoverage={after.minCoverage} />
          </details>
        )}

        <div className="mt-4 max-w-xl">
          <ActionForm
            action={publishRoundScores}
            testId="publish"
            submitLabel={t("publish.submit")}
            fields={[
              { kind: "hidden", name: "roundSlug", value: round.slug },
              { kind: "textarea", name: "note", label: t("publish.releaseNote"), rows: 2, hint: round.publishedAt ? t("publish.releaseNoteHintAgain") : t("publish.releaseNoteHint") },
              { kind: "checkbox", name: "confirm", value: "yes", label: t("publish.confirm") },
              ...(roundAfter?.preliminary
                ? [{ kind: "checkbox" as const, name: "acceptPreliminary", value: "yes", label: t("publish.acceptPreliminary", { threshold }) }]
                : []),
            ]}
          />
        </div>
      </section>
    </>
  );
}
