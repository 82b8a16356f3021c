import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listReferenceData } from "@/db/queries/reference";
import { listRecordIndex } from "@/db/queries/reference-records";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { recordEditPath } from "@/lib/record-paths";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Correct a record" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ deleted?: string | string[] }> };

const DELETED: Record<string, string> = { track: "Deleted the track.", round: "Deleted the round.", category: "Deleted the category.", subject: "Deleted the record." };

function Section({ id, title, children, count }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title} <span className="text-sm font-normal text-stone-600">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm">None yet.</p> : <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm">{children}</ul>}
    </section>
  );
}

const tag = (text: string) => <span className="ml-1 rounded bg-stone-100 px-1 text-xs text-stone-700">{text}</span>;

export default async function RecordsIndexPage({ searchParams }: Props) {
  const user = await requirePageUser("/editor/records");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const db = getDb();
  const [index, reference] = await Promise.all([listRecordIndex(db), listReferenceData(db)]);
  const deleted = (await searchParams).deleted;
  const people = index.subjects.filter((s) => s.kind === "person");
  const laws = index.subjects.filter((s) => s.kind !== "person");
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Correct a record</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        Choose a record to correct it. Every change is audited and shown in the record&apos;s history; a published record&apos;s public page says when it was corrected. Only a record nothing refers to can be
        deleted. New records are added under <Link href="/editor/reference">Reference data</Link>. Public records still without a Chinese title or name are listed under{" "}
        <Link href="/editor/records/translations">Still to translate</Link>.
      </p>
      {typeof deleted === "string" && DELETED[deleted] && (
        <p role="status" className="mt-3 text-sm text-green-800">
          {DELETED[deleted]} The audit log keeps what it was.
        </p>
      )}
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <Section id="tracks-heading" title="Tracks" count={index.tracks.length}>
          {index.tracks.map((t) => (
            <li key={t.slug}>
              <Link href={recordEditPath("track", t.slug)}>{t.name}</Link>
            </li>
          ))}
        </Section>
        <Section id="rounds-heading" title="Rounds" count={index.rounds.length}>
          {index.rounds.map((r) => (
            <li key={r.slug}>
              <Link href={recordEditPath("round", r.slug)}>{r.name}</Link> <span className="text-stone-600">· {r.trackName} · {r.startDate}</span>
              {!r.published && tag("not published")}
            </li>
          ))}
        </Section>
        <Section id="categories-heading" title="Categories" count={index.categories.length}>
          {index.categories.map((c) => (
            <li key={c.slug}>
              <Link href={recordEditPath("category", c.slug)}>{c.name}</Link>
            </li>
          ))}
        </Section>
        <Section id="people-heading" title="People" count={people.length}>
          {people.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("subject", s.slug)}>{s.name}</Link>
              {s.confidential && tag("confidential")}
            </li>
          ))}
        </Section>
        <Section id="laws-heading" title="Laws and practices" count={laws.length}>
          {laws.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("subject", s.slug)}>{s.name}</Link>
              {tag(s.kind)}
              {s.confidential && tag("confidential")}
            </li>
          ))}
        </Section>
        <Section id="benchmarks-heading" title="Benchmarks" count={reference.benchmarks.length}>
          {reference.benchmarks.map((b) => (
            <li key={b.slug}>
              <Link href={recordEditPath("benchmark", b.slug)}>{b.title}</Link>
              {b.reviewState !== "approved" && tag(b.reviewState)}
              {b.confidential && tag("confidential")}
              {b.retiredOn && tag(`retired ${b.retiredOn}`)}
            </li>
          ))}
        </Section>
        <Section id="statements-heading" title="Statements" count={index.statements.length}>
          {index.statements.map((s) => (
            <li key={s.slug}>
              <Link href={recordEditPath("statement", s.slug)}>{s.title}</Link> <span className="text-stone-600">· {s.date}</span>
              {s.reviewState !== "approved" && tag(s.reviewState)}
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}
