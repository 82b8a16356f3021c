import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { decodeQuery } from "@/lib/published-cache";

export const metadata: Metadata = { title: "Dashboard" };

// Nothing is rendered at build time (the build has no database); each key and query is rendered on
// its first request and then served from Next's cache. proxy.ts sends readers of "/" here.
export const dynamicParams = true;
export function generateStaticParams(): Array<{ key: string; query: string }> {
  return [];
}

export default async function CachedDashboardPage({ params }: { params: Promise<{ key: string; query: string }> }) {
  const { query } = await params;
  return <DashboardView searchParams={decodeQuery(query)} />;
}
