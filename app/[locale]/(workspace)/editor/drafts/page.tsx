import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { optionName } from "@/lib/localized";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { ExternalLink } from "@/components/ui/external-link";
import { listDraftQueue, type DraftSource } from "@/db/queries/drafts";
import { listReferenceData } from "@/db/queries/reference";
import { listReviewRounds } from "@/db/queries/review";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/server/auth/session";
import { canReviewDrafts } from "@/lib/permissions";
import { ADDRESSEES, DATE_PRECISIONS, STATEMENT_KINDS } from "@/lib/domain";
import { formatDate, type FormatLocale } from "@/lib/format";
import { approveDraftItem, editBenchmarkDraft, editStatementDraft, mergeBenchmarkDraft, rejectDraftItem } from "../draft-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("draftsPage"))("title") };
}
export const dynamic = "force-dynamic";

function Decide({ target, testId, approveLabel }: { target: string; testId: string; approveLabel: string }) {
  const t = useTranslations("draftsPage");
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-2">
      <ActionForm action={approveDraftItem} testId={`approve-${testId}`} submitLabel={approveLabel} fields={[{ kind: "hidden", name: "target", value: target }]} />
      <ActionForm
        action={rejectDraftItem}
        testId={`reject-${testId}`}
        submitLabel={t("reject")}
        fields={[
          { kind: "hidden", name: "target", value: target },
          { kind: "textarea", name: "reason", label: t("rejectReason") },
        ]}
      />
    </div>
  );
}

function SourceLine({ source }: { source: DraftSource }) {
  const t = useTranslations("draftsPage");
  const tState = useTranslations("draftsPage.statementState");
  return (
    <li className="text-sm">
      <span className="font-medium">{source.statementTitle}</span>{" "}
      <span className="text-xs text-stone-600">{t("statementState.label", { state: tState(source.statementState) })}</span>
      <blockquote className="mt-1 border-l-4 border-stone-300 pl-3">{source.demand}</blockquote>
    </li>
  );
}

export default async function DraftsPage() {
  const user = await requirePageUser("/editor/drafts");
  if (!canReviewDrafts(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const queue = await listDraftQueue(db);
  const reference = await listReferenceData(db);
  const rounds = await listReviewRounds(db);
  const [t, tKind, tAddressee, tPrecision, locale] = await Promise.all([
    getTranslations("draftsPage"),
    getTranslations("kind"),
    getTranslations("addressee"),
    getTranslations("statementReview.new.precisionValue"),
    getLocale(),
  ]);
  const unknown = t("unknown");
  const approvedBenchmarks = reference.benchmarks.filter((b) => b.reviewState === "approved");
  const empty = queue.statements.length + queue.benchmarks.length + queue.sources.length === 0;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">{t("editor")}</Link> / {t("crumb")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        {t("intro")}
      </p>
      {empty && (
        <p className="mt-4 rounded border border-stone-200 bg-white p-4" role="status">
          {t("nothing")}
        </p>
      )}

      {queue.statements.length > 0 && (
        <section aria-labelledby="draft-statements" className="mt-6">
          <h2 id="draft-statements" className="text-lg font-semibold">{t("statements", { count: queue.statements.length })}</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-statements">
            {queue.statements.map((s) => (
              <li key={s.slug} id={`statement-${s.slug}`} data-statement={s.slug} className="rounded border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">{s.title}</h3>
                <p className="text-sm text-stone-600">
                  {tKind(s.kind)} · {formatDate(s.date, s.datePrecision, locale as FormatLocale)} · {s.language}
                  {s.roundName && t("addresses", { round: s.roundName })}
                  {t("addedBy", { name: s.addedBy ?? unknown, date: s.createdAt.slice(0, 10) })}
                </p>
                {s.publishers.length > 0 && <p className="text-sm">{t("publishedBy", { names: s.publishers.join(t("separator")) })}</p>}
                {s.sourceUrl && (
                  <p className="text-sm">
                    <ExternalLink href={s.sourceUrl}>{t("source")}</ExternalLink>
                  </p>
                )}
                {s.summary && <p className="mt-1 text-sm">{s.summary}</p>}
                <p className="mt-1 text-sm">
                  <Link href={`/review/statements/${s.slug}`}>{t("candidates")}</Link>
                </p>
                <Decide target={`statement:${s.slug}`} testId={`statement-${s.slug}`} approveLabel={t("approveStatement")} />
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">{t("editFirst")}</summary>
                  <ActionForm
                    action={editStatementDraft}
                    testId={`edit-statement-${s.slug}`}
                    submitLabel={t("saveChanges")}
                    fields={[
                      { kind: "hidden", name: "slug", value: s.slug },
                      { kind: "text", name: "title", label: t("field.title"), defaultValue: s.title },
                      { kind: "select", name: "kind", label: t("field.kind"), defaultValue: s.kind, options: STATEMENT_KINDS.map((k) => ({ value: k, label: tKind(k) })) },
                      { kind: "date", name: "date", label: t("field.date"), defaultValue: s.date },
                      { kind: "select", name: "datePrecision", label: t("field.precision"), defaultValue: s.datePrecision, options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })) },
                      { kind: "text", name: "language", label: t("field.language"), defaultValue: s.language },
                      { kind: "text", name: "sourceUrl", label: t("field.sourceUrl"), defaultValue: s.sourceUrl ?? "" },
                      { kind: "textarea", name: "summary", label: t("field.summary"), defaultValue: s.summary },
                    ]}
                  />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      {queue.benchmarks.length > 0 && (
        <section aria-labelledby="draft-benchmarks" className="mt-6">
          <h2 id="draft-benchmarks" className="text-lg font-semibold">{t("benchmarks", { count: queue.benchmarks.length })}</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-benchmarks">
            {queue.benchmarks.map((b) => {
              const draftStatements = b.sources.filter((src) => src.statementState === "draft").map((src) => `“${src.statementTitle}”`);
              const firstSource = b.sources[0];
              return (
                <li key={b.slug} id={`benchmark-${b.slug}`} data-benchmark={b.slug} className="rounded border border-stone-200 bg-white p-4">
                  <h3 className="font-semibold">{b.title}</h3>
                  <p className="text-sm text-stone-600">
                    {b.categoryName} · {tAddressee(b.addressee)} · {t("appliesFrom", { round: b.appliesFromName })}
                    {t("addedBy", { name: b.addedBy ?? unknown, date: b.createdAt.slice(0, 10) })}
                  </p>
                  <ul className="mt-2 space-y-2">
                    {b.sources.map((src) => (
                      <SourceLine key={src.statementSlug} source={src} />
                    ))}
                  </ul>
                  <Decide
                    target={`benchmark:${b.slug}`}
                    testId={`benchmark-${b.slug}`}
                    approveLabel={draftStatements.length ? t("approveBoth", { statements: draftStatements.join(t("separator")) }) : t("approveBenchmark")}
                  />
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <details>
                      <summary className="cursor-pointer text-sm font-medium">{t("editFirst")}</summary>
                      {firstSource && (
                        <ActionForm
                          action={editBenchmarkDraft}
                          testId={`edit-benchmark-${b.slug}`}
                          submitLabel={t("saveChanges")}
                          fields={[
                            { kind: "hidden", name: "slug", value: b.slug },
                            { kind: "hidden", name: "statementSlug", value: firstSource.statementSlug },
                            { kind: "text", name: "title", label: t("field.benchmarkTitle"), defaultValue: b.title },
                            { kind: "textarea", name: "demand", label: t("field.demand", { statement: firstSource.statementTitle }), defaultValue: firstSource.demand },
                            { kind: "select", name: "categorySlug", label: t("field.category"), defaultValue: b.categorySlug, options: reference.categories.map((c) => ({ value: c.slug, label: optionName(locale, c.name, c.nameZh) })) },
                            { kind: "select", name: "addressee", label: t("field.addressee"), defaultValue: b.addressee, options: ADDRESSEES.map((a) => ({ value: a, label: tAddressee(a) })) },
                            { kind: "select", name: "appliesFromRoundSlug", label: t("field.appliesFrom"), defaultValue: b.appliesFromSlug, options: rounds.map((r) => ({ value: r.slug, label: optionName(locale, r.name, r.nameZh) })) },
                          ]}
                        />
                      )}
                    </details>
                    <details>
                      <summary className="cursor-pointer text-sm font-medium">{t("mergeTitle")}</summary>
                      <ActionForm
                        action={mergeBenchmarkDraft}
                        testId={`merge-benchmark-${b.slug}`}
                        submitLabel={t("merge")}
                        fields={[
                          { kind: "hidden", name: "slug", value: b.slug },
                          {
                            kind: "select",
                            name: "intoSlug",
                            label: t("mergeInto"),
                            defaultValue: "",
                            options: [{ value: "", label: t("choose") }, ...approvedBenchmarks.map((a) => ({ value: a.slug, label: optionName(locale, a.title, a.titleZh) }))],
                          },
                        ]}
                      />
                    </details>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {queue.sources.length > 0 && (
        <section aria-labelledby="draft-sources" className="mt-6">
          <h2 id="draft-sources" className="text-lg font-semibold">{t("sources", { count: queue.sources.length })}</h2>
          <ul className="mt-2 space-y-4" data-testid="draft-sources">
            {queue.sources.map((src) => (
              <li key={`${src.benchmarkSlug}@${src.statementSlug}`} data-source={`${src.benchmarkSlug}@${src.statementSlug}`} className="rounded border border-stone-200 bg-white p-4">
                <h3 className="font-semibold">{src.benchmarkTitle}</h3>
                <p className="text-sm text-stone-600">
                  {t("sourceAddedBy", { name: src.addedBy ?? unknown })}
                  {src.statementState === "draft" && t("showsLater")}
                </p>
                <ul className="mt-2">
                  <SourceLine source={src} />
                </ul>
                <Decide target={`source:${src.benchmarkSlug}@${src.statementSlug}`} testId={`source-${src.benchmarkSlug}-${src.statementSlug}`} approveLabel={t("approveSource")} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
