import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PinnedReleaseNotice } from "@/components/releases/pinned-release-notice";
import { getDb } from "@/db/client";
import { getRelease } from "@/db/queries/releases";
import { parseReleaseParam } from "@/lib/releases";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { loadDashboard } from "./load-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

// Readers normally get the cached rendering that proxy.ts rewrites "/" to; this answers only when
// the proxy passes a request through (a view pinned to a release, ?release=N, among them), and reads
// the database every time.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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
