import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listUntranslatedRecords } from "@/db/queries/translations";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath, type RecordPageEntity } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Still to translate" };
export const dynamic = "force-dynamic";

const SECTIONS: Array<{ entity: RecordPageEntity; title: string; missing: string }> = [
  { entity: "track", title: "Tracks", missing: "name" },
  { entity: "round", title: "Published rounds", missing: "name" },
  { entity: "category", title: "Categories", missing: "name" },
  { entity: "benchmark", title: "Benchmarks", missing: "title" },
  { entity: "statement", title: "Statements", missing: "title" },
  { entity: "subject", title: "People and laws", missing: "name" },
];

export default async function TranslationsPage() {
  const user = await requirePageUser("/editor/records/translations");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const untranslated = await listUntranslatedRecords(getDb());
  const total = SECTIONS.reduce((n, s) => n + untranslated[s.entity].length, 0);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor/records">← Correct a record</Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Still to translate</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        Public records without a Chinese title or name: the Chinese pages show them in English until one is written. {total === 0 ? "Every public record has one." : `${total} to go.`}
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        {SECTIONS.map(({ entity, title, missing }) => {
          const rows = untranslated[entity];
          return (
            <section key={entity} aria-labelledby={`${entity}-untranslated`} className="rounded border border-stone-200 bg-white p-4" data-testid={`untranslated-${entity}`}>
              <h2 id={`${entity}-untranslated`} className="mb-2 text-lg font-semibold">
                {title} <span className="text-sm font-normal text-stone-600">({rows.length} without a Chinese {missing})</span>
              </h2>
              {rows.length === 0 ? (
                <p className="text-sm">All translated.</p>
              ) : (
                <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm">
                  {rows.map((r) => (
                    <li key={r.slug}>
                      <Link href={recordEditPath(entity, r.slug)}>{r.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
