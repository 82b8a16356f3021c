import "server-only";
import { getDb } from "@/db/client";
import { getDashboardSummary, type DashboardSummary } from "@/db/queries/dashboard-summary";
import { getSubjectCorrectedOn, listSubjectEvents, type PublicSubject, type SubjectEvent } from "@/db/queries/subjects";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import { cachedByPublishedData } from "@/server/published-cache";

/** A person's or law's events, and the dashboard narrowed to the benchmarks that concern them (the people and laws pages). */
export async function loadSubjectDetail(subject: PublicSubject): Promise<{ events: SubjectEvent[]; dashboard: DashboardSummary; correctedOn: string | null }> {
  const dashboard = await cachedByPublishedData(["subject", subject.slug], () =>
    getDashboardSummary(getDb(), { subject: subject.slug }, { heatMapLimit: DASHBOARD_LIMITS.heatMapRows, changesLimit: 0 }),
  );
  const [events, correctedOn] = await Promise.all([listSubjectEvents(getDb(), subject.id), getSubjectCorrectedOn(getDb(), subject.id)]);
  return { events, dashboard, correctedOn };
}
