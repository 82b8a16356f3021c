import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localeAlternates } from "@/server/i18n/alternates";
import { localizeValidationMessage } from "@/server/i18n/validation";
import { SUBJECT_PAGE_SIZE, SubjectIndex } from "@/components/subjects/subject-index";
import { getDb } from "@/db/client";
import { getSubjectIndexPage } from "@/db/queries/subjects";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import type { Locale } from "@/lib/i18n/locales";
import { parsePageParams } from "@/lib/validation/paging";
import { parseSearchTerm } from "@/lib/validation/search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subjects"))("laws.title"), alternates: localeAlternates("/laws") };
}
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const search = parseSearchTerm(params.q);
  const parsed = parsePageParams(params, { default: SUBJECT_PAGE_SIZE, max: SUBJECT_PAGE_SIZE });
  const locale = (await getLocale()) as Locale;
  const paging = { ...parsed, problems: parsed.problems.map((problem) => localizeValidationMessage(problem, locale)) };
  const data = await getSubjectIndexPage(getDb(), "laws", search, { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize });
  return <SubjectIndex page="laws" search={search} paging={paging} data={data} />;
}
