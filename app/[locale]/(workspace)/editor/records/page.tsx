import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { LocalizedText } from "@/components/ui/localized-text";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listReferenceData } from "@/db/queries/reference";
import { listRecordIndex } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordsIndex"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ deleted?: string | string[] }> };

const DELETED = ["track", "round", "category", "subject"] as const;
const wasDeleted = (value: unknown): value is (typeof DELETED)[number] => (DELETED as readonly unknown[]).includes(value);

async function Section({ id, title, children, count }: { id: string; title: string; count: number; children: React.ReactNode }) {
  const t = await getTranslations("recordsIndex");
  return (
    <section aria-labelledby={id} className="rounded border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title} <span className="text-sm font-normal text-stone-600">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm">{t("noneYet")}</p> : <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm">{children}</ul>}
    </section>
  );
}

/** The states a record is tagged with in the lists (an approved one carries none). */
type Unapproved = "draft" | "rejected" | "merged";

const tag = (text: string) => <span className="ml-1 rounded bg-stone-100 px-1 text-xs text-stone-700">{text}</span>;

export default async function RecordsIndexPage({ searchParams }: Props) {
  const user = await requirePageUser("/editor/records");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const [index, reference, t, locale] = await Promise.all([listRecordIndex(db), listReferenceData(db), getTranslations("recordsIndex"), getLocale()]);
  const deleted = (await searchParams).deleted;
  const people = index.subjects.filter((s) => s.kind === "person");
  const laws = index.subjects.filter((s) => s.kind !== "person");
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        {t.rich("intro", {
          reference: (chunks) => <Link href="/editor/reference">{chunks}</Link>,
          translations: (chunks) => <Link href="/editor/records/translations">{chunks}</Link>,
        })}
      </p>
      {wasDeleted(deleted) && (
        <p role="status" className="mt-3 text-sm text-green-800">
          {t(`deleted.${deleted}`)}
        </p>
      )}
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <Section id="tracks-heading" title={t("tracks")} count={index.tracks.length}>
          {index.tracks.map((t) => (
            <li key={t.slug}>
              <Link href={recordEditPath("track", t.slug)}>
                <LocalizedText locale={locale} en={t.name} zh={t.nameZh} />
              </Link>
            </li>
          ))}
        </Section>
        <Section id="rounds-heading" title={t("rounds")} count={index.rounds.length}>
          {index.rounds.map((r) => (
            <li key={r.slug}>
              <Link href={recordEditPath("round", r.slug)}>
                <LocalizedText locale={locale} en={r.name} zh={r.nameZh} />
              </Link>{" "}
              <span className="text-stone-600">
                · <LocalizedText locale={locale} en={r.trackName} zh={r.trackNameZh} /> · {r.startDate}
              </span>
              {!r.published && tag(t("notPublished"))}
            </li>
          ))}
        </Section>
        <Section id="categories-heading" title={t("categories")} count={index.categories.length}>
          {index.categories.map((c) => (
            <li key={c.slug}>
              <Link href={recordEditPath("category", c.slug)}>
                <LocalizedText locale={locale} en={c.name} zh={c.nameZh} />
              </Link>
            </li>
          ))}
        </Section>
        <Section id="people-heading" title={t("people")} count={people.length}>
          {people.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("subject", s.slug)}>
                <LocalizedText locale={locale} en={s.name} zh={s.nameZh} />
              </Link>
              {s.confidential && tag(t("confidential"))}
            </li>
          ))}
        </Section>
        <Section id="laws-heading" title={t("laws")} count={laws.length}>
          {laws.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("subject", s.slug)}>
                <LocalizedText locale={locale} en={s.name} zh={s.nameZh} />
              </Link>
              {tag(t(`kind.${s.kind as "law" | "practice"}`))}
              {s.confidential && tag(t("confidential"))}
            </li>
          ))}
        </Section>
        <Section id="benchmarks-heading" title={t("benchmarks")} count={reference.benchmarks.length}>
          {reference.benchmarks.map((b) => (
            <li key={b.slug}>
              <Link href={recordEditPath("benchmark", b.slug)}>
                <LocalizedText locale={locale} en={b.title} zh={b.titleZh} />
              </Link>
              {b.reviewState !== "approved" && tag(t(`state.${b.reviewState as Unapproved}`))}
              {b.confidential && tag(t("confidential"))}
              {b.retiredOn && tag(t("retired", { date: b.retiredOn }))}
            </li>
          ))}
        </Section>
        <Section id="statements-heading" title={t("statements")} count={index.statements.length}>
          {index.statements.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("statement", s.slug)}>
                <LocalizedText locale={locale} en={s.title} zh={s.titleZh} />
              </Link>{" "}
              <span className="text-stone-600">· {s.date}</span>
              {s.reviewState !== "approved" && tag(t(`state.${s.reviewState as Unapproved}`))}
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}
