import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { loadDashboard } from "./load-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

// Readers normally get the cached rendering that proxy.ts rewrites "/" to; this answers only when
// the proxy passes a request through, and reads the database every time.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <DashboardView {...await loadDashboard(await searchParams)} />;
}
