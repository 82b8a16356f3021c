import type { Metadata } from "next";
import { SubjectIndex } from "@/components/subjects/subject-index";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parseSearchTerm } from "@/lib/validation/search";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SubjectIndex page="people" search={parseSearchTerm((await searchParams).q)} />;
}
