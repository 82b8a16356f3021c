import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PinnedReleaseNotice } from "@/components/releases/pinned-release-notice";
import { getDb } from "@/db/client";
import { getRelease } from "@/db/queries/releases";
import { parseReleaseParam } from "@/lib/releases";
import { canonicalDashboardQuery, type SearchParams } from "@/lib/validation/dashboard-filters";
import { localeAlternates } from "@/server/i18n/alternates";
import { dashboardFeeds, loadDashboard } from "./load-dashboard";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = canonicalDashboardQuery(await searchParams);
  return { title: (await getTranslations("dashboard"))("title"), alternates: { ...localeAlternates("/", query ? `?${query}` : ""), ...dashboardFeeds(await getLocale(), await searchParams) } };
}

// Readers normally get the cached rendering that proxy.ts rewrites "/" to; this answers only when
// the proxy passes a request through (a view pinned to a release, ?release=N, among them), and reads
// the database every time.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const number = parseReleaseParam(params.release);
  if (number === null) notFound();
  const release = number === undefined ? undefined : await getRelease(getDb(), number);
  if (release === null) notFound();
  const { release: _release, ...filters } = params;
  return (
    <>
      {release && <PinnedReleaseNotice release={release} currentHref="/" />}
      <DashboardView {...await loadDashboard(filters, release?.number)} />
    </>
  );
}
