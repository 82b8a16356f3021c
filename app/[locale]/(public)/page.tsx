import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { canonicalDashboardQuery, type SearchParams } from "@/lib/validation/dashboard-filters";
import { localeAlternates } from "@/server/i18n/alternates";
import { dashboardFeeds, loadDashboard } from "./load-dashboard";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = canonicalDashboardQuery(await searchParams);
  return { title: (await getTranslations("dashboard"))("title"), alternates: { ...localeAlternates("/", query ? `?${query}` : ""), ...dashboardFeeds(await searchParams) } };
}

// Readers normally get the cached rendering that proxy.ts rewrites "/" to; this answers only when
// the proxy passes a request through, and reads the database every time.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: Props) {
  return <DashboardView {...await loadDashboard(await searchParams)} />;
}
