import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedOption, optionName } from "@/lib/localized";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listReferenceData } from "@/db/queries/reference";
import { listLimitedScopes } from "@/db/queries/scopes";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS, SUBJECT_KINDS } from "@/lib/domain";
import { formatScope, type FormatLocale } from "@/lib/format";
import { createCategory, createSubject, createSubjectEvent, createTrack, retireBenchmark, setConfidentiality, setScope } from "../reference-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referencePage"))("title") };
}
export const dynamic = "force-dynamic";

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ReferencePage() {
  const user = await requirePageUser("/editor/reference");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const [data, limitedScopes, t, tEvent, tPrecision, locale] = await Promise.all([
    listReferenceData(db),
    listLimitedScopes(db),
    getTranslations("referencePage"),
    getTranslations("event"),
    getTranslations("statementReview.new.precisionValue"),
    getLocale(),
  ]);
  const kindWord = (kind: string) => t(`kind.${kind as (typeof SUBJECT_KINDS)[number]}`);
  const subjectOptions = data.subjects.map((s) => ({ value: s.slug, label: t(s.confidential ? "subjectOptionConfidential" : "subjectOption", { name: optionName(locale, s.name, s.nameZh), kind: kindWord(s.kind) }) }));
  const benchmarkOptions = data.benchmarks.map((b) => ({ value: b.slug, label: b.retiredOn ? t("retiredOption", { title: optionName(locale, b.title, b.titleZh), date: b.retiredOn }) : optionName(locale, b.title, b.titleZh) }));
  const scopeNames = (id: number) => (limitedScopes.get(id) ?? []).map((track) => optionName(locale, track.name, track.nameZh));
  const scopeOptions = data.benchmarks.map((b) => ({ value: b.slug, label: t("scopeOption", { title: optionName(locale, b.title, b.titleZh), scope: formatScope(scopeNames(b.id), locale as FormatLocale) }) }));
  const confidentialMark = (confidential: boolean) => (confidential ? t("confidentialMark") : "");

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">
        {t.rich("intro", { link: (chunks) => <Link href="/editor/records">{chunks}</Link> })}
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <Panel id="subject-heading" title={t("subject.title")}>
          <ActionForm
            action={createSubject}
            testId="new-subject"
            submitLabel={t("subject.submit")}
            fields={[
              { kind: "select", name: "kind", label: t("subject.kind"), options: SUBJECT_KINDS.map((k) => ({ value: k, label: kindWord(k) })) },
              { kind: "text", name: "name", label: t("name") },
              { kind: "text", name: "nameZh", label: t("nameZh") },
              { kind: "text", name: "slug", label: t("subject.slug"), hint: t("subject.slugHint") },
              { kind: "text", name: "role", label: t("subject.role") },
              { kind: "text", name: "article", label: t("subject.article") },
              { kind: "textarea", name: "description", label: t("description") },
              { kind: "checkbox", name: "confidential", value: "yes", label: t("subject.confidential") },
            ]}
          />
        </Panel>
        <Panel id="event-heading" title={t("event.title")}>
          <ActionForm
            action={createSubjectEvent}
            testId="new-event"
            submitLabel={t("event.submit")}
            fields={[
              { kind: "select", name: "subjectSlug", label: t("event.subject"), options: subjectOptions },
              { kind: "select", name: "kind", label: t("event.kind"), options: SUBJECT_EVENT_KINDS.map((k) => ({ value: k, label: tEvent(k) })) },
              { kind: "date", name: "occurredOn", label: t("event.date") },
              { kind: "select", name: "datePrecision", label: t("event.precision"), options: DATE_PRECISIONS.map((p) => ({ value: p, label: tPrecision(p) })) },
              { kind: "textarea", name: "description", label: t("description") },
              { kind: "text", name: "sourceUrl", label: t("event.sourceUrl") },
            ]}
          />
        </Panel>
        <Panel id="retire-heading" title={t("retire.title")}>
          <ActionForm
            action={retireBenchmark}
            testId="retire"
            submitLabel={t("retire.submit")}
            fields={[
              { kind: "select", name: "benchmarkSlug", label: t("benchmark"), options: benchmarkOptions },
              { kind: "date", name: "retiredOn", label: t("retire.from") },
              { kind: "text", name: "retiredReason", label: t("retire.reason") },
            ]}
          />
        </Panel>
        <Panel id="scope-heading" title={t("scope.title")}>
          <ActionForm
            action={setScope}
            testId="scope"
            submitLabel={t("scope.submit")}
            fields={[
              { kind: "select", name: "benchmarkSlug", label: t("benchmark"), options: scopeOptions },
              {
                kind: "checkboxes",
                name: "scopeTrackSlugs[]",
                label: t("scope.tracks"),
                options: data.tracks.map((track) => localizedOption(locale, track.slug, track.name, track.nameZh)),
                hint: t("scope.hint"),
              },
            ]}
          />
        </Panel>
        <Panel id="confidential-heading" title={t("confidentiality.title")}>
          <p className="mb-3 text-sm text-stone-700">
            {t.rich("confidentiality.intro", { link: (chunks) => <Link href="/editor/confidential-texts">{chunks}</Link> })}
          </p>
          <ActionForm
            action={setConfidentiality}
            testId="confidentiality"
            submitLabel={t("confidentiality.submit")}
            fields={[
              {
                kind: "select",
                name: "target",
                label: t("confidentiality.target"),
                options: [
                  ...data.benchmarks.map((b) => ({ value: `benchmark:${b.slug}`, label: t("confidentiality.option", { kind: t("benchmark"), name: optionName(locale, b.title, b.titleZh), mark: confidentialMark(b.confidential) }) })),
                  ...data.subjects.map((s) => ({ value: `subject:${s.slug}`, label: t("confidentiality.option", { kind: kindWord(s.kind), name: optionName(locale, s.name, s.nameZh), mark: confidentialMark(s.confidential) }) })),
                ],
              },
              { kind: "radio", name: "confidential", label: t("confidentiality.question"), options: [{ value: "yes", label: t("confidentiality.confidential") }, { value: "no", label: t("confidentiality.public") }] },
              {
                kind: "textarea",
                name: "aliases",
                label: t("confidentiality.aliases"),
                hint: t("confidentiality.aliasesHint"),
              },
            ]}
          />
        </Panel>
        <Panel id="category-heading" title={t("category.title")}>
          <ActionForm
            action={createCategory}
            testId="new-category"
            submitLabel={t("category.submit")}
            fields={[
              { kind: "text", name: "name", label: t("name") },
              { kind: "text", name: "slug", label: t("slug") },
              { kind: "textarea", name: "description", label: t("description") },
            ]}
          />
        </Panel>
        <Panel id="track-heading" title={t("track.title")}>
          <ActionForm
            action={createTrack}
            testId="new-track"
            submitLabel={t("track.submit")}
            fields={[
              { kind: "text", name: "name", label: t("name") },
              { kind: "text", name: "shortName", label: t("track.shortName") },
              { kind: "text", name: "slug", label: t("slug") },
              { kind: "textarea", name: "description", label: t("description") },
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
