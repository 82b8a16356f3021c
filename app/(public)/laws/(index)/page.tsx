import type { Metadata } from "next";
import { SUBJECT_PAGE_SIZE, SubjectIndex } from "@/components/subjects/subject-index";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";
import { parseSearchTerm } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Laws and practices" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return <SubjectIndex page="laws" search={parseSearchTerm(params.q)} paging={parsePageParams(params, { default: SUBJECT_PAGE_SIZE, max: SUBJECT_PAGE_SIZE })} />;
}
