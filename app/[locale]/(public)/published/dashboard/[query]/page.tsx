import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { decodeQuery } from "@/server/published-cache";
import { loadDashboard } from "../../../load-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

// Nothing is rendered at build time (the build has no database); each query is rendered on its first
// request for the current published data and then served from Next's cache, which files it under that
// data's key too (cache-handler.mjs). proxy.ts sends readers of "/" here with a canonical query.
export const dynamicParams = true;
export function generateStaticParams(): Array<{ query: string }> {
  return [];
}

export default async function CachedDashboardPage({ params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  return <DashboardView {...await loadDashboard(decodeQuery(query))} />;
}
