import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { canonicalDashboardQuery } from "@/lib/validation/dashboard-filters";
import { localeAlternates } from "@/server/i18n/alternates";
import { decodeQuery } from "@/server/published-cache";
import { dashboardFeeds, loadDashboard } from "../../../load-dashboard";

type Props = { params: Promise<{ query: string }> };

// The alternates name the reader's address ("/?filters", "/zh?filters"), never this internal one.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const filters = decodeQuery((await params).query);
  const query = canonicalDashboardQuery(filters);
  return { title: (await getTranslations("dashboard"))("title"), alternates: { ...localeAlternates("/", query ? `?${query}` : ""), ...dashboardFeeds(await getLocale(), filters) } };
}

// Nothing is rendered at build time (the build has no database); each query is rendered on its first
// request for the current published data and then served from Next's cache, which files it under that
// data's key too (cache-handler.mjs). proxy.ts sends readers of "/" here with a canonical query.
export const dynamicParams = true;
export function generateStaticParams(): Array<{ query: string }> {
  return [];
}

export default async function CachedDashboardPage({ params }: Props) {
  const { query } = await params;
  return <DashboardView {...await loadDashboard(decodeQuery(query))} />;
}
