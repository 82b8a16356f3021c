import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedOption, optionName } from "@/lib/localized";
import { LocalizedText } from "@/components/ui/localized-text";
import { pageLocale } from "@/server/i18n/action-locale";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { Discardable } from "@/components/review/discardable";
import { getDb } from "@/db/client";
import { loadExtractionContext } from "@/db/queries/extraction-context";
import { listReferenceData } from "@/db/queries/reference";
import { listReviewRounds } from "@/db/queries/review";
import { getStatementForReview, listCandidateOutcomes, mayApplyFrom, type CandidateOutcome } from "@/db/queries/statements";
import { requirePageUser } from "@/server/auth/session";
import { ADDRESSEES } from "@/lib/domain";
import { candidateKeys } from "@/lib/extract/candidate-key";
import { extractStatement, type BenchmarkMatch, type Extraction, type ExtractedDemand } from "@/lib/extract/demands";
import { can } from "@/lib/permissions";
import { addDemandToBenchmark, confirmDemand, confirmNewSubject } from "../../statement-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statementReview.page"))("title") };
}
export const dynamic = "force-dynamic";

/** One card on the page: a demand, or one person's share of a demand that concerns several. */
interface Card {
  demand: ExtractedDemand;
  /** What the key is made from: the text, and the person for a per-person card. */
  keyText: string;
  title: string;
  restated: string;
  subjectSlugs: string[];
  match: BenchmarkMatch | null;
  /** The demand's index, for the "one per person / one for all" switch; null when it concerns one person or none. */
  group: number | null;
  together: boolean;
  person: string | null;
}

/** Demands concerning several people become one card per person unless the reviewer asked for one linked to all. */
function cardsOf(extraction: Extraction, together: Set<number>): Card[] {
  return extraction.demands.flatMap((d, i): Card[] => {
    const whole = { demand: d, keyText: d.text, title: d.title, restated: d.restated, subjectSlugs: [...d.people, ...d.laws], match: d.match, person: null };
    if (d.perPerson.length < 2) return [{ ...whole, group: null, together: false }];
    if (together.has(i)) return [{ ...whole, group: i, together: true }];
    return d.perPerson.map((p) => ({ demand: d, keyText: `${d.text}\u0000${p.slug}`, title: p.title, restated: p.restated, subjectSlugs: [p.slug, ...d.laws], match: p.match, group: i, together: false, person: p.slug }));
  });
}

function switchHref(slug: string, together: Set<number>, group: number): string {
  const next = new Set(together);
  if (next.has(group)) next.delete(group);
  else next.add(group);
  return next.size ? `/review/statements/${slug}?together=${[...next].sort((a, b) => a - b).join(",")}` : `/review/statements/${slug}`;
}

export default async function StatementDemandsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ together?: string | string[] }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const together = new Set(String(query.together ?? "").split(",").filter((v) => /^\d{1,3}$/.test(v)).map(Number));
  const user = await requirePageUser(`/review/statements/${slug}`);
  const [t, tReview, tWorkspace, tAddressee] = await Promise.all([getTranslations("statementReview.page"), getTranslations("review"), getTranslations("workspace"), getTranslations("addressee")]);
  const db = getDb();
  const statement = await getStatementForReview(db, slug);
  if (!statement) notFound();
  const [context, outcomes, reviewRounds] = await Promise.all([loadExtractionContext(db), listCandidateOutcomes(db, statement.id), listReviewRounds(db)]);
  const extraction: Extraction = statement.fullText ? extractStatement(statement.fullText, context) : { demands: [], named: [], newSubjects: [] };
  const cards = cardsOf(extraction, together);
  const keys = candidateKeys(statement.id, cards.map((c) => ({ text: c.keyText })));
  const subjectOf = new Map(context.subjects.map((s) => [s.slug, s]));
  const nameOf = (slug: string) => subjectOf.get(slug)?.name ?? slug;
  const [reference, locale] = await Promise.all([listReferenceData(getDb()), pageLocale()]);
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
        <Link href="/review">{tWorkspace("bar.queue")}</Link> / {t("title")}
      </p>
      <LocalizedText as="h1" className="mt-1 text-2xl font-semibold" locale={locale} en={statement.title} zh={statement.titleZh} />
      <p className="mt-1 text-sm" data-testid="statement-review-state">
        <span className="rounded bg-stone-100 px-1.5 py-0.5 font-medium">{tReview(`reviewState.${statement.reviewState}`)}</span>
        {statement.reviewState === "draft" && t("draft")}
        {statement.reviewNote && statement.reviewState === "rejected" && <span className="ml-1 text-red-800">{t("reason", { reason: statement.reviewNote })}</span>}
      </p>
      <p className="mt-2 max-w-3xl text-stone-700">
        {cards.length === 0 ? t("noCandidates") : t("candidatesFound", { count: cards.length })}
      </p>
      {extraction.named.length > 0 && (
        <p className="mt-2 max-w-3xl text-sm" data-testid="named">
          {t("named")}{" "}
          {extraction.named.map((s, i) => (
            <span key={s}>
              {i > 0 && ", "}
              {nameOf(s)}
              {subjectOf.get(s)?.confidential && t("confidentialMark")}
            </span>
          ))}
        </p>
      )}
      {rounds.length === 0 && <p className="mt-2 text-red-800">{t("noRound")}</p>}
      {extraction.newSubjects.length > 0 && !refused && (
        <section className="mt-4" aria-labelledby="new-names">
          <h2 id="new-names" className="text-lg font-semibold">
            {t("newNames")}
          </h2>
          <p className="max-w-3xl text-sm text-stone-700">
            {t("newNamesIntro", { unlessPublic: can(user, "edit") ? t("unlessPublic") : "" })}
          </p>
          <ul className="mt-2 space-y-3" data-testid="new-names">
            {extraction.newSubjects.map((n) => (
              <Discardable key={n.name} label={t("discard", { name: n.name })} testId="new-name" name={n.name}>
                <p className="font-medium">
                  {n.name} <span className="text-sm font-normal text-stone-600">{n.kind === "organisation" ? t("organisation") : n.role ? `— ${n.role}` : ""}</span>
                </p>
                <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 text-sm">{n.sentence}</blockquote>
                {n.kind === "organisation" ? (
                  <p className="mt-1 text-sm text-stone-600">{t("organisationNote")}</p>
                ) : (
                  <ActionForm
                    action={confirmNewSubject}
                    testId={`new-person-${n.name}`}
                    submitLabel={t("addPerson")}
                    fields={[
                      { kind: "hidden", name: "statementSlug", value: statement.slug },
                      { kind: "text", name: "name", label: t("personName"), defaultValue: n.name },
                      { kind: "text", name: "nameZh", label: t("personNameZh"), defaultValue: n.lang === "zh" ? n.name : "" },
                      { kind: "text", name: "role", label: t("personRole"), defaultValue: n.role ?? "" },
                      ...(can(user, "edit") ? [{ kind: "checkbox" as const, name: "makePublic", value: "yes", label: t("makePublic") }] : []),
                    ]}
                  />
                )}
              </Discardable>
            ))}
          </ul>
        </section>
      )}
      <ol className="mt-4 space-y-6" data-testid="candidates">
        {cards.map((c, i) => {
          const d = c.demand;
          const outcome = outcomes.get(keys[i]!);
          const matches = c.person ? (c.match ? [c.match.id] : []) : d.matches;
          const likely = matches.flatMap((id) => (slugOf.has(id) ? [{ value: slugOf.get(id)!, label: t("likelyMatch", { title: titleOf.get(id) ?? "" }) }] : []));
          const linked = c.subjectSlugs.map(nameOf);
          return (
            <li key={keys[i]} className="rounded border border-stone-200 bg-white p-4" data-candidate={i} data-confirmed={outcome ? "yes" : "no"}>
              <p className="font-medium">
                {t("candidate", { n: i + 1 })}
                {c.person && <span className="font-normal text-stone-600">{t("forPerson", { name: nameOf(c.person) })}</span>}
              </p>
              {outcome ? (
                <ConfirmedCard outcome={outcome} t={t} tReview={tReview} />
              ) : (
                <>
                  <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 text-sm">{d.text}</blockquote>
                  {d.reference && <p className="mt-1 text-xs text-stone-600">{t("readAs", { reference: d.reference, people: d.people.map(nameOf).join(", ") })}</p>}
                  {d.unresolved && (
                    <p className="mt-1 text-xs text-red-800" data-testid="unresolved">
                      {t("unresolved", { reference: d.unresolved })}
                    </p>
                  )}
                  {c.group !== null && (
                    <p className="mt-1 text-xs">
                      <Link href={switchHref(statement.slug, together, c.group)}>{c.together ? t("takeApart", { count: d.perPerson.length }) : t("together", { count: d.perPerson.length })}</Link>
                    </p>
                  )}
                  <p className="mt-1 text-xs text-stone-600" data-testid="match">
                    {c.match ? t("likelyRepeats", { title: titleOf.get(c.match.id) ?? "", similarity: c.match.similarity.toFixed(2) }) : t("noMatch")}
                  </p>
                  {refused ? (
                    <p className="mt-2 text-sm text-stone-600">{t("rejected")}</p>
                  ) : (
                    <div className="mt-3 grid gap-6 lg:grid-cols-2">
                      <div>
                        <h2 className="text-sm font-semibold">{t("confirmHeading")}</h2>
                        <ActionForm
                          action={confirmDemand}
                          testId={`confirm-${i}`}
                          submitLabel={t("create")}
                          fields={[
                            { kind: "hidden", name: "statementSlug", value: statement.slug },
                            { kind: "hidden", name: "candidateKey", value: keys[i]! },
                            { kind: "textarea", name: "demand", label: t("demand"), defaultValue: c.restated },
                            { kind: "text", name: "title", label: t("benchmarkTitle"), defaultValue: c.title },
                            { kind: "select", name: "categorySlug", label: t("category"), defaultValue: d.category ?? undefined, options: reference.categories.map((cat) => ({ value: cat.slug, label: optionName(locale, cat.name, cat.nameZh) })) },
                            { kind: "select", name: "addressee", label: t("addressee"), defaultValue: d.addressee ?? undefined, options: ADDRESSEES.map((a) => ({ value: a, label: tAddressee(a) })) },
                            {
                              kind: "select",
                              name: "appliesFromRoundSlug",
                              label: t("appliesFrom"),
                              defaultValue: defaultRound,
                              options: rounds.map((r) => ({ value: r.slug, label: r.id === statement.roundId ? t("addressedRound", { name: r.name }) : r.name })),
                            },
                            {
                              kind: "checkboxes",
                              name: "scopeTrackSlugs[]",
                              label: t("scope"),
                              options: reference.tracks.map((track) => localizedOption(locale, track.slug, track.name, track.nameZh)),
                              hint: t("scopeHint"),
                            },
                            ...c.subjectSlugs.map((s) => ({ kind: "hidden" as const, name: "subjectSlugs[]", value: s })),
                          ]}
                        />
                        {linked.length > 0 && (
                          <p className="mt-1 text-xs text-stone-600" data-testid="linked">
                            {t("linked", { names: linked.join(", ") })}
                          </p>
                        )}
                      </div>
                      <div>
                        <h2 className="text-sm font-semibold">{t("mergeHeading")}</h2>
                        {likely.length > 0 && <p className="text-xs text-stone-600">{t("looksLike", { titles: matches.map((id) => titleOf.get(id)).join("; ") })}</p>}
                        <ActionForm
                          action={addDemandToBenchmark}
                          testId={`merge-${i}`}
                          submitLabel={t("addSource")}
                          fields={[
                            { kind: "hidden", name: "statementSlug", value: statement.slug },
                            { kind: "hidden", name: "candidateKey", value: keys[i]! },
                            { kind: "hidden", name: "demand", value: c.restated },
                            {
                              kind: "select",
                              name: "benchmarkSlug",
                              label: t("benchmark"),
                              // Nothing chosen until the reviewer picks: a default would add the demand to an unrelated benchmark.
                              defaultValue: "",
                              options: [
                                { value: "", label: likely.length ? t("chooseLikely") : t("choose") },
                                ...likely,
                                ...open.filter((b) => !likely.some((l) => l.value === b.slug)).map((b) => ({ value: b.slug, label: b.reviewState === "draft" ? t("draftMark", { title: b.title }) : b.title })),
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
function ConfirmedCard({
  outcome,
  t,
  tReview,
}: {
  outcome: CandidateOutcome;
  t: Awaited<ReturnType<typeof getTranslations<"statementReview.page">>>;
  tReview: Awaited<ReturnType<typeof getTranslations<"review">>>;
}) {
  const refused = outcome.benchmarkState === "rejected" ? outcome.benchmarkNote : outcome.linkState === "rejected" ? outcome.linkNote : null;
  // An existing benchmark is approved already: what waits then is this statement's link to it.
  const state = outcome.benchmarkState === "approved" ? outcome.linkState : outcome.benchmarkState;
  return (
    <div className="mt-1 text-sm" data-testid="confirmed">
      <p>
        {t("confirmed")}{" "}
        {outcome.benchmarkState === "approved" ? (
          <Link href={`/benchmarks/${outcome.benchmarkSlug}`}>{outcome.benchmarkTitle}</Link>
        ) : (
          <strong>{outcome.benchmarkTitle}</strong>
        )}{" "}
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium">
          {outcome.benchmarkState === "approved" && state !== "approved" ? t("asSource", { state: tReview(`reviewState.${state}`).toLowerCase() }) : tReview(`reviewState.${state}`)}
        </span>
      </p>
      {refused && <p className="mt-1 text-red-800">{t("reason", { reason: refused })}</p>}
      {outcome.linkNote && !refused && <p className="mt-1 text-stone-600">{outcome.linkNote}</p>}
      <p className="mt-1 text-stone-600">{t("asConfirmed", { demand: outcome.demand })}</p>
    </div>
  );
}
