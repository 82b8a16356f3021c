import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { getDashboardData } from "@/db/queries/dashboard";
import { getDashboardSummary } from "@/db/queries/dashboard-summary";
import { cachedByPublishedData } from "@/lib/published-cache";
import { getExportContext, listScoreRows } from "@/db/queries/exports";
import { listPublishedRounds } from "@/db/queries/rounds";
import { listPublishers, listStatements } from "@/db/queries/statements";
import { listPublicSubjects, type SubjectPage } from "@/db/queries/subjects";
import { benchmarks as benchmarkTable, sourceDocuments, subjectEvents, tracks } from "@/db/schema";
import { DENOMINATOR_NOTE } from "@/lib/export/describe";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { ENDPOINTS, type EndpointName } from "./endpoints";
import { badRequest, jsonResponse, parseQuery } from "./respond";
import type { z } from "zod";

type Query<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]["query"]>;
type PageQuery = { page: number; pageSize: number };

function filtersOf(query: Record<string, unknown>): DashboardFilters {
  const { page: _page, pageSize: _size, q: _q, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as DashboardFilters;
}

function paged<T>(items: T[], query: PageQuery, dataVersion: string | null, filters: Record<string, unknown>) {
  const start = (query.page - 1) * query.pageSize;
  return { data: items.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: items.length, dataVersion, filters: filtersOf(filters) };
}

function latestVersion(): string | null {
  return listPublishedRounds().map((r) => r.publishedAt).sort().at(-1) ?? null;
}

const BUILDERS: { [N in EndpointName]: (query: Query<N>) => unknown } = {
  tracks: (query) =>
    paged(getDb().select({ slug: tracks.slug, name: tracks.name, shortName: tracks.shortName, description: tracks.description }).from(tracks).orderBy(asc(tracks.id)).all(), query, latestVersion(), {}),

  rounds: (query) => {
    const rounds = listPublishedRounds().filter((r) => !query.track || r.trackSlug === query.track);
    return paged(
      rounds.map((r) => ({ slug: r.slug, name: r.name, track: r.trackSlug, location: r.location, startDate: r.startDate, endDate: r.endDate, datePrecision: r.datePrecision, publishedAt: r.publishedAt })),
      query,
      rounds.map((r) => r.publishedAt).sort().at(-1) ?? null,
      { track: query.track },
    );
  },

  statements: (query) => {
    const statements = listStatements();
    const publishers = listPublishers(statements.map((s) => s.id));
    return paged(
      statements.map((s) => ({ slug: s.slug, title: s.title, kind: s.kind, date: s.date, datePrecision: s.datePrecision, language: s.language, sourceUrl: s.sourceUrl, summary: s.summary, round: s.roundSlug, publishers: publishers.get(s.id) ?? [] })),
      query,
      latestVersion(),
      {},
    );
  },

  benchmarks: (query) => {
    const data = getDashboardData(filtersOf(query));
    const ids = data.benchmarks.map((b) => b.id);
    const sources = listBenchmarkSources(ids);
    const subjects = listBenchmarkSubjects(ids);
    const roundSlugByDate = new Map(listPublishedRounds().map((r) => [r.startDate, r.slug]));
    const retiredReason = new Map(
      ids.length ? getDb().select({ id: benchmarkTable.id, reason: benchmarkTable.retiredReason }).from(benchmarkTable).where(inArray(benchmarkTable.id, ids)).all().map((r) => [r.id, r.reason]) : [],
    );
    const benchmarks = [...data.benchmarks]
      .sort((a, b) => a.categoryPosition - b.categoryPosition || a.title.localeCompare(b.title))
      .map((b) => ({
        slug: b.slug,
        title: b.title,
        category: b.categorySlug,
        addressee: b.addressee,
        appliesFrom: roundSlugByDate.get(b.appliesFromDate) ?? b.appliesFromDate,
        retiredOn: b.retiredOn,
        retiredReason: retiredReason.get(b.id) ?? null,
        sources: sources.filter((s) => s.benchmarkId === b.id).map((s) => ({ statement: s.statementSlug, demand: s.demand })),
        subjects: subjects.filter((s) => s.benchmarkId === b.id).map((s) => s.slug),
      }));
    return paged(benchmarks, query, data.dataVersion, query);
  },

  people: (query) => subjectsPage("people", query),
  laws: (query) => subjectsPage("laws", query),

  scores: (query) => {
    const context = getExportContext(filtersOf(query));
    const { rows, total } = listScoreRows(context, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return {
      data: rows.map((r) => ({ round: r.roundSlug, benchmark: r.benchmarkSlug, status: r.status, basis: r.basis, rationale: r.rationale, evidence: r.evidence, demo: r.demo, publishedAt: r.publishedAt })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      dataVersion: context.dataVersion,
      filters: filtersOf(query),
    };
  },

  summary: (query) => {
    const dashboard = getDashboardSummary(filtersOf(query), { figuresOnly: true });
    return {
      dataVersion: dashboard.dataVersion,
      filters: filtersOf(query),
      denominator: DENOMINATOR_NOTE,
      rounds: dashboard.series.map((s) => ({
        round: s.round.slug,
        name: s.round.name,
        applicable: s.applicable,
        judged: s.judged,
        tally: s.tally,
        index: s.index,
        coverage: s.coverage,
        regressionRate: s.regressionRate,
      })),
    };
  },
};

function subjectsPage(page: SubjectPage, query: PageQuery & { q?: string }) {
  const subjects = listPublicSubjects(page, query.q ?? "");
  const db = getDb();
  const ids = subjects.map((s) => s.id);
  const events = ids.length
    ? db
        .select({ subjectId: subjectEvents.subjectId, kind: subjectEvents.kind, date: subjectEvents.occurredOn, datePrecision: subjectEvents.datePrecision, description: subjectEvents.description, source: sourceDocuments.title })
        .from(subjectEvents)
        .leftJoin(sourceDocuments, eq(sourceDocuments.id, subjectEvents.sourceDocumentId))
        .where(inArray(subjectEvents.subjectId, ids))
        .orderBy(asc(subjectEvents.occurredOn))
        .all()
    : [];
  return paged(
    subjects.map(({ id, ...s }) => ({ ...s, events: events.filter((e) => e.subjectId === id).map(({ subjectId: _s, ...e }) => e) })),
    query,
    latestVersion(),
    query.q ? { q: query.q } : {},
  );
}

/** Answers a read-API request: validate the query, build the body, answer with caching headers. */
export async function handleApi<N extends EndpointName>(name: N, request: Request): Promise<Response> {
  const parsed = parseQuery(request, ENDPOINTS[name].query);
  if (!parsed.ok) return parsed.response;
  const query = parsed.value as Query<N>;
  // Built once per published data version and query, then answered from Next's cache.
  const body = await cachedByPublishedData(["api", name, JSON.stringify(query)], () => BUILDERS[name](query));
  if ("page" in query && "pageSize" in query) {
    const page = body as { data?: unknown[]; total?: number };
    if (query.page > 1 && page.data?.length === 0 && (page.total ?? 0) > 0) return badRequest([`page: there are only ${Math.ceil(page.total! / (query.pageSize as number))} pages`]);
  }
  return jsonResponse(request, body);
}
