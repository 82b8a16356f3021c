import type { Metadata } from "next";
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
import { formatScope } from "@/lib/format";
import { createCategory, createSubject, createSubjectEvent, createTrack, retireBenchmark, setConfidentiality, setScope } from "../reference-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Reference data" };
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
  const [data, limitedScopes] = await Promise.all([listReferenceData(db), listLimitedScopes(db)]);
  const subjectOptions = data.subjects.map((s) => ({ value: s.slug, label: `${s.name} (${s.kind}${s.confidential ? ", confidential" : ""})` }));
  const benchmarkOptions = data.benchmarks.map((b) => ({ value: b.slug, label: `${b.title}${b.retiredOn ? ` (retired ${b.retiredOn})` : ""}` }));
  const scopeOptions = data.benchmarks.map((b) => ({ value: b.slug, label: `${b.title} (assessed at ${formatScope(limitedScopes.get(b.id) ?? [])})` }));

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Reference data</h1>
      <p className="mt-2 text-stone-700">
        Tracks, categories, people and laws with their events, retirements, scopes and confidentiality. Every change is audited. To fix or delete one already recorded, or merge two people,{" "}
        <Link href="/editor/records">correct a record</Link>.
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <Panel id="subject-heading" title="Add a person, law or practice">
          <ActionForm
            action={createSubject}
            testId="new-subject"
            submitLabel="Add"
            fields={[
              { kind: "select", name: "kind", label: "Kind", options: SUBJECT_KINDS.map((k) => ({ value: k, label: k })) },
              { kind: "text", name: "name", label: "Name" },
              { kind: "text", name: "nameZh", label: "Name in Chinese (optional)" },
              { kind: "text", name: "slug", label: "Short identifier for the address", hint: "lower-case letters, digits and hyphens" },
              { kind: "text", name: "role", label: "Role (people)" },
              { kind: "text", name: "article", label: "Article (laws)" },
              { kind: "textarea", name: "description", label: "Description" },
              { kind: "checkbox", name: "confidential", value: "yes", label: "Confidential: never show in public (people at risk)" },
            ]}
          />
        </Panel>
        <Panel id="event-heading" title="Add a dated event">
          <ActionForm
            action={createSubjectEvent}
            testId="new-event"
            submitLabel="Add event"
            fields={[
              { kind: "select", name: "subjectSlug", label: "Person or law", options: subjectOptions },
              { kind: "select", name: "kind", label: "What happened", options: SUBJECT_EVENT_KINDS.map((k) => ({ value: k, label: k.replace("_", " ") })) },
              { kind: "date", name: "occurredOn", label: "Date" },
              { kind: "select", name: "datePrecision", label: "Date known to the", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })) },
              { kind: "textarea", name: "description", label: "Description" },
              { kind: "text", name: "sourceUrl", label: "Source address (http or https)" },
            ]}
          />
        </Panel>
        <Panel id="retire-heading" title="Retire a benchmark">
          <ActionForm
            action={retireBenchmark}
            testId="retire"
            submitLabel="Retire"
            fields={[
              { kind: "select", name: "benchmarkSlug", label: "Benchmark", options: benchmarkOptions },
              { kind: "date", name: "retiredOn", label: "Retired from" },
              { kind: "text", name: "retiredReason", label: "Reason" },
            ]}
          />
        </Panel>
        <Panel id="scope-heading" title="Where a benchmark is assessed">
          <ActionForm
            action={setScope}
            testId="scope"
            submitLabel="Set scope"
            fields={[
              { kind: "select", name: "benchmarkSlug", label: "Benchmark", options: scopeOptions },
              {
                kind: "checkboxes",
                name: "scopeTrackSlugs[]",
                label: "Assessed at the rounds of",
                options: data.tracks.map((t) => ({ value: t.slug, label: t.name })),
                hint: "Tick none for every track's rounds, tracks added later included. Scores already given outside the new scope stay in the history and count nowhere.",
              },
            ]}
          />
        </Panel>
        <Panel id="confidential-heading" title="Confidentiality">
          <p className="mb-3 text-sm text-stone-700">
            A confidential item has no public page, and neither has any benchmark about it; its names are withheld in every public text.{" "}
            <Link href="/editor/confidential-texts">Review the public texts that name confidential items</Link>.
          </p>
          <ActionForm
            action={setConfidentiality}
            testId="confidentiality"
            submitLabel="Apply"
            fields={[
              {
                kind: "select",
                name: "target",
                label: "Benchmark, person or law",
                options: [
                  ...data.benchmarks.map((b) => ({ value: `benchmark:${b.slug}`, label: `Benchmark: ${b.title}${b.confidential ? " (confidential)" : ""}` })),
                  ...data.subjects.map((s) => ({ value: `subject:${s.slug}`, label: `${s.kind}: ${s.name}${s.confidential ? " (confidential)" : ""}` })),
                ],
              },
              { kind: "radio", name: "confidential", label: "Public or confidential?", options: [{ value: "yes", label: "Confidential" }, { value: "no", label: "Public" }] },
              {
                kind: "textarea",
                name: "aliases",
                label: "Other names and spellings to withhold (people, laws; one per line)",
                hint: "e.g. another romanisation, the traditional characters. Left empty, those already given stay.",
              },
            ]}
          />
        </Panel>
        <Panel id="category-heading" title="Add a category">
          <ActionForm
            action={createCategory}
            testId="new-category"
            submitLabel="Add category"
            fields={[
              { kind: "text", name: "name", label: "Name" },
              { kind: "text", name: "slug", label: "Short identifier" },
              { kind: "textarea", name: "description", label: "Description" },
            ]}
          />
        </Panel>
        <Panel id="track-heading" title="Add a track">
          <ActionForm
            action={createTrack}
            testId="new-track"
            submitLabel="Add track"
            fields={[
              { kind: "text", name: "name", label: "Name" },
              { kind: "text", name: "shortName", label: "Short name for charts" },
              { kind: "text", name: "slug", label: "Short identifier" },
              { kind: "textarea", name: "description", label: "Description" },
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
