import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listConfidentialNameMatches, type ConfidentialTextMatch, type RecordKind } from "@/db/queries/confidential-texts";
import { requirePageUser } from "@/server/auth/session";
import { pageLocale } from "@/server/i18n/action-locale";
import { recordLabelText, textFieldName } from "@/server/i18n/record-labels";
import { canEdit } from "@/lib/permissions";
import { LINK_WITHHELD, NAME_WITHHELD, withheldMarkersIn } from "@/lib/redaction";
import { decideRedaction } from "../redaction-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confidentialTexts"))("title") };
}
export const dynamic = "force-dynamic";

type Translate = Awaited<ReturnType<typeof getTranslations<"confidentialTexts">>>;

/** The kinds of record whose hiding takes the text off the public site, each with its words in the catalogue. */
type HideableKind = "statement" | "benchmark_source" | "subject_event" | "benchmark";
const HIDEABLE: readonly RecordKind[] = ["statement", "benchmark_source", "subject_event", "benchmark"];

function reviewState(m: ConfidentialTextMatch, t: Translate): string {
  if (m.withheld) return t("state.hidden");
  if (!m.redactable) return t("state.address");
  if (!m.review) return t("state.notReviewed");
  const when = t("state.when", { name: m.review.decidedBy, date: m.review.decidedAt.slice(0, 10) });
  if (m.review.changedSince) return t("state.changed", { when });
  return m.review.decision === "hide" ? t("state.hiddenBy", { when }) : t("state.reviewedBy", { when });
}

/** What an editor can decide on this text: keep the name withheld, hide the record, or show a hidden one again. */
function decisionOptions(m: ConfidentialTextMatch, t: Translate): Array<{ value: string; label: string }> {
  return [
    ...(m.redactable && !m.withheld ? [{ value: "redact", label: t("decision.redact") }] : []),
    ...(m.hideable && !m.withheld && HIDEABLE.includes(m.record.kind) ? [{ value: "hide", label: t(`hide.${m.record.kind as HideableKind}`) }] : []),
    ...(m.withheld && m.record.kind !== "benchmark" ? [{ value: "show", label: t("decision.show") }] : []),
  ];
}

function decisionFields(m: ConfidentialTextMatch, options: Array<{ value: string; label: string }>, t: Translate): FieldSpec[] {
  return [
    { kind: "hidden", name: "record", value: m.record.key },
    { kind: "hidden", name: "field", value: m.field },
    { kind: "radio", name: "decision", label: t("decision.label"), options },
  ];
}

export default async function ConfidentialTextsPage() {
  const user = await requirePageUser("/editor/confidential-texts");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const [{ items, matches, truncated, hidden }, t, locale] = await Promise.all([listConfidentialNameMatches(getDb()), getTranslations("confidentialTexts"), pageLocale()]);
  const open = matches.filter((m) => !m.withheld && (!m.review || m.review.changedSince));

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor/reference">{t("reference")}</Link> / {t("title")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <div className="mt-2 max-w-3xl space-y-2 text-sm text-stone-700">
        <p>
          {/* Both markers: Chinese texts say a withheld name in Chinese; the other language's is marked as such. */}
          {t.rich("intro", { name: NAME_WITHHELD, link: LINK_WITHHELD, nameZh: withheldMarkersIn("zh", NAME_WITHHELD), linkZh: withheldMarkersIn("zh", LINK_WITHHELD), other: (chunks) => <span lang={locale === "zh" ? "en" : "zh-Hans"}>{chunks}</span> })}
        </p>
        <p>{t("below")}</p>
      </div>

      <p className="mt-4 font-medium" role="status" data-testid="confidential-texts-summary">
        {items.length === 0 ? t("nothing") : t(matches.length === 1 ? "summaryOne" : "summaryMany", { count: matches.length, more: truncated ? "+" : "", open: open.length })}
      </p>

      {items.map((item) => {
        const own = matches.filter((m) => m.item.slug === item.slug && m.item.kind === item.kind);
        const heading = `confidential-${item.kind}-${item.slug}`;
        return (
          <section key={heading} aria-labelledby={heading} className="mt-6">
            <h2 id={heading} className="text-lg font-semibold">
              {item.label} <span className="text-sm font-normal text-stone-600">{t("withheldAs", { kind: t(`itemKind.${item.kind}`), names: item.names.map((n) => `“${n}”`).join(t("separator")) })}</span>
            </h2>
            {own.length === 0 ? (
              <p className="mt-1 text-sm">{t("noText")}</p>
            ) : (
              <ol className="mt-2 space-y-3" data-testid="confidential-texts">
                {own.map((m, i) => (
                  <li key={`${m.record.key}/${m.field}`} className="rounded border border-stone-200 bg-white p-3 text-sm" data-record={m.record.key} data-field={m.field}>
                    <p>
                      <strong>{t(`record.${m.record.kind}`)}</strong>, {textFieldName(m.field, locale)}: {recordLabelText(m.record.label, locale)}
                      {m.record.href && (
                        <>
                          {" "}
                          (<Link href={m.record.href}>{t("publicPage")}</Link>)
                        </>
                      )}
                    </p>
                    <blockquote className="mt-1 border-l-4 border-stone-300 pl-2" data-testid="excerpt">
                      {m.excerpt.before}
                      <mark>{m.excerpt.match}</mark>
                      {m.excerpt.after}
                    </blockquote>
                    {m.occurrences > 1 && <p className="text-xs text-stone-600">{t("occurrences", { count: m.occurrences })}</p>}
                    <p className="mt-1" data-testid="review-state">{reviewState(m, t)}</p>
                    {decisionOptions(m, t).length > 0 && (
                      <ActionForm action={decideRedaction} testId={`decide-${item.slug}-${i}`} submitLabel={t("apply")} className="mt-2 flex flex-col gap-2" fields={decisionFields(m, decisionOptions(m, t), t)} />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {truncated && <p className="mt-4 text-sm">{t("truncated", { count: matches.length })}</p>}

      <section aria-labelledby="hidden-heading" className="mt-8">
        <h2 id="hidden-heading" className="text-lg font-semibold">{t("hiddenHeading")}</h2>
        {hidden.length === 0 ? (
          <p className="mt-1 text-sm">{t("noneHidden")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="hidden-records">
            {hidden.map((h) => (
              <li key={h.key} className="rounded border border-stone-200 bg-white p-3 text-sm">
                <p>
                  <strong>{t(`record.${h.kind}`)}</strong>: {recordLabelText(h.label, locale)}
                </p>
                <ActionForm
                  action={decideRedaction}
                  testId={`show-${h.key.replaceAll(":", "-")}`}
                  submitLabel={t("showAgain")}
                  className="mt-2 flex flex-col gap-2"
                  fields={[
                    { kind: "hidden", name: "record", value: h.key },
                    { kind: "hidden", name: "field", value: h.kind === "statement" ? "summary" : h.kind === "benchmark_source" ? "demand" : "description" },
                    { kind: "hidden", name: "decision", value: "show" },
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
