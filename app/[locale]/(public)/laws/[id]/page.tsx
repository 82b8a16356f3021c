import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localeAlternates } from "@/server/i18n/alternates";
import { notFound, permanentRedirect } from "next/navigation";
import { SubjectDetail } from "@/components/subjects/subject-detail";
import { getDb } from "@/db/client";
import { feedAlternates } from "@/server/feeds/atom-feeds";
import { getMergedSubjectTarget, getPublicSubject } from "@/db/queries/subjects";
import { recordEditPath } from "@/lib/record-paths";
import { loadSubjectDetail } from "../../load-subject";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subject = await getPublicSubject(getDb(), "laws", (await params).id);
  if (!subject) return { title: (await getTranslations("notFound"))("title") };
  return { title: subject.name, alternates: { ...localeAlternates(`/laws/${encodeURIComponent(subject.slug)}`), ...feedAlternates(await getLocale(), "laws", subject.slug) } };
}

export default async function Page({ params }: Props) {
  const db = getDb();
  const { id } = await params;
  const subject = await getPublicSubject(db, "laws", id);
  if (!subject) {
    // A record merged into another: its old address leads to the kept one's, for good (308).
    const keptSlug = await getMergedSubjectTarget(db, "laws", id);
    if (keptSlug) permanentRedirect(`/laws/${encodeURIComponent(keptSlug)}`);
    notFound();
  }
  return <SubjectDetail page="laws" subject={subject} editHref={recordEditPath("subject", subject.slug)} {...await loadSubjectDetail(subject)} />;
}
