import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubjectDetail } from "@/components/subjects/subject-detail";
import { getDb } from "@/db/client";
import { getPublicSubject } from "@/db/queries/subjects";
import { loadSubjectDetail } from "../../load-subject";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subject = await getPublicSubject(getDb(), "laws", (await params).id);
  return { title: subject ? subject.name : "Not found" };
}

export default async function Page({ params }: Props) {
  const db = getDb();
  const subject = await getPublicSubject(db, "laws", (await params).id);
  if (!subject) notFound();
  return <SubjectDetail page="laws" subject={subject} {...await loadSubjectDetail(subject)} />;
}
