import "server-only";
import { getDb } from "@/db/client";
import { getDashboardSummary, type DashboardSummary } from "@/db/queries/dashboard-summary";
import { getSubjectCorrectedOn, listSubjectEvents, type PublicSubject, type SubjectEvent } from "@/db/queries/subjects";
import { getLocale } from "next-intl/server";
import { DASHBOARD_LIMITS } from "@/lib/dashboard";
import { contentLang } from "@/lib/localized";
import { cachedByPublishedData } from "@/server/published-cache";

/** A person's or law's events, and the dashboard narrowed to the benchmarks that concern them (the people and laws pages). */
export async function loadSubjectDetail(subject: PublicSubject): Promise<{ events: SubjectEvent[]; dashboard: DashboardSummary; correctedOn: string | null }> {
  // Sorted by title in the page's language (see load-dashboard.ts).
  const lang = contentLang(await getLocale());
  const dashboard = await cachedByPublishedData(["subject", lang, subject.slug], () =>
    getDashboardSummary(getDb(), { subject: subject.slug }, { heatMapLimit: DASHBOARD_LIMITS.heatMapRows, changesLimit: 0, lang }),
  );
  const [events, correctedOn] = await Promise.all([listSubjectEvents(getDb(), subject.id), getSubjectCorrectedOn(getDb(), subject.id)]);
  return { events, dashboard, correctedOn };
}
