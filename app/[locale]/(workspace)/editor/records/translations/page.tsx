import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listUntranslatedRecords } from "@/db/queries/translations";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath, type RecordPageEntity } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("translations"))("title") };
}
export const dynamic = "force-dynamic";

const SECTIONS: Array<{ entity: RecordPageEntity; title: "tracks" | "rounds" | "categories" | "benchmarks" | "statements" | "subjects"; missing: "withoutName" | "withoutTitle" }> = [
  { entity: "track", title: "tracks", missing: "withoutName" },
  { entity: "round", title: "rounds", missing: "withoutName" },
  { entity: "category", title: "categories", missing: "withoutName" },
  { entity: "benchmark", title: "benchmarks", missing: "withoutTitle" },
  { entity: "statement", title: "statements", missing: "withoutTitle" },
  { entity: "subject", title: "subjects", missing: "withoutName" },
];

export default async function TranslationsPage() {
  const user = await requirePageUser("/editor/records/translations");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const [untranslated, t] = await Promise.all([listUntranslatedRecords(getDb()), getTranslations("translations")]);
  const total = SECTIONS.reduce((n, s) => n + untranslated[s.entity].length, 0);
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor/records">{t("back")}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        {t("intro")} {total === 0 ? t("done") : t("remaining", { count: total })}
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        {SECTIONS.map(({ entity, title, missing }) => {
          const rows = untranslated[entity];
          return (
            <section key={entity} aria-labelledby={`${entity}-untranslated`} className="rounded border border-stone-200 bg-white p-4" data-testid={`untranslated-${entity}`}>
              <h2 id={`${entity}-untranslated`} className="mb-2 text-lg font-semibold">
                {t(title)} <span className="text-sm font-normal text-stone-600">{t(missing, { count: rows.length })}</span>
              </h2>
              {rows.length === 0 ? (
                <p className="text-sm">{t("allTranslated")}</p>
              ) : (
                <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm">
                  {rows.map((r) => (
                    <li key={r.slug}>
                      {/* A record without its Chinese title, named by its English one. */}
                      <Link href={recordEditPath(entity, r.slug)} lang="en">
                        {r.name}
                      </Link>
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
