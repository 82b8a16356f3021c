import "server-only";
import { getDb } from "@/db/client";
import type { Executor } from "@/db/transaction";
import { listBenchmarkSources, listBenchmarkSubjects, listPublicBenchmarksPage, type BenchmarkListItem, type BenchmarkSource } from "@/db/queries/benchmarks";
import { getDashboardSummary, resolveView } from "@/db/queries/dashboard-summary";
import { getRelease, listReleases, listScoresAsOf, type Release } from "@/db/queries/releases";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { dataPackagePath, parseReleaseParam, releaseCitation, releasePath } from "@/lib/releases";
import { cachedByPublishedData, publicAnswersAreKept } from "@/server/published-cache";
import { getExportContext, listScoreRows } from "@/db/queries/exports";
import { findUnmatchedFilters } from "@/db/queries/filters";
import { getLatestPublicationDate, listPublishedRounds, listPublishedRoundsPage, listTracksPage } from "@/db/queries/rounds";
import { listPublishers, listStatementsPage } from "@/db/queries/statements";
import { listPublicSubjectsPage, listSubjectsEvents, type SubjectPage } from "@/db/queries/subjects";
import { comparisonBase } from "@/lib/dashboard";
import type { ContentLang } from "@/lib/domain";
import { DENOMINATOR_NOTE } from "@/lib/export/describe";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { ENDPOINTS, type EndpointName } from "@/lib/api/endpoints";
import { badRequest, jsonResponse, parseQuery } from "./respond";
import type { z } from "zod";

type Query<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]["query"]>;
type PageQuery = { page: number; pageSize: number };

function filtersOf(query: Record<string, unknown>): DashboardFilters {
  const { page: _page, pageSize: _size, q: _q, lang: _lang, release: _release, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as DashboardFilters;
}

function envelope<T>(rows: T[], total: number, query: PageQuery, dataVersion: string | null, filters: Record<string, unknown>) {
  return { data: rows, page: query.page, pageSize: query.pageSize, total, dataVersion, filters: filtersOf(filters) };
}

const rangeOf = (query: PageQuery) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** The Chinese fields beside the English ones, asked for with lang=zh; an English answer stays as it was. */
const inChinese = <T extends object>(lang: ContentLang, fields: T): T | Record<string, never> => (lang === "zh" ? fields : {});

async function tracksPage(db: Executor, query: Query<"tracks">) {
  const { rows, total } = await listTracksPage(db, rangeOf(query));
  return envelope(
    rows.map(({ nameZh, shortNameZh, descriptionZh, ...t }) => ({ ...t, ...inChinese(query.lang, { nameZh, shortNameZh, descriptionZh }) })),
    total,
    query,
    await getLatestPublicationDate(db),
    {},
  );
}

async function roundsPage(db: Executor, query: Query<"rounds">) {
  const [{ rows, total }, version] = await Promise.all([listPublishedRoundsPage(db, query.track, rangeOf(query)), getLatestPublicationDate(db, query.track)]);
  return envelope(
    rows.map((r) => ({ slug: r.slug, name: r.name, ...inChinese(query.lang, { nameZh: r.nameZh }), track: r.trackSlug, location: r.location, startDate: r.startDate, endDate: r.endDate, datePrecision: r.datePrecision, publishedAt: r.publishedAt })),
    total,
    query,
    version,
    { track: query.track },
  );
}

async function statementsPage(db: Executor, query: Query<"statements">) {
  const { rows, total } = await listStatementsPage(db, rangeOf(query));
  const publishers = await listPublishers(
    db,
    rows.map((s) => s.id),
  );
  return envelope(
    rows.map((s) => ({
      slug: s.slug,
      title: s.title,
      ...inChinese(query.lang, { titleZh: s.titleZh }),
      kind: s.kind,
      date: s.date,
      datePrecision: s.datePrecision,
      language: s.language,
      sourceUrl: s.sourceUrl,
      summary: s.summary,
      ...inChinese(query.lang, { summaryZh: s.summaryZh }),
      round: s.roundSlug,
      publishers: publishers.get(s.id) ?? [],
    })),
    total,
    query,
    await getLatestPublicationDate(db),
    {},
  );
}

async function benchmarksPage(db: Executor, query: Query<"benchmarks">) {
  const context = await getExportContext(db, filtersOf(query));
  const { rows, total } = await listPublicBenchmarksPage(db, context.resolved, rangeOf(query));
  const ids = rows.map((b) => b.id);
  const [sources, subjects] = await Promise.all([listBenchmarkSources(db, ids), listBenchmarkSubjects(db, ids)]);
  return envelope(
    rows.map((b) =>
      benchmarkItem(
        query.lang,
        { ...b, appliesFromSlug: b.appliesFrom, assessedAt: b.assessedAt },
        sources.filter((s) => s.benchmarkId === b.id),
        subjects.filter((s) => s.benchmarkId === b.id),
      ),
    ),
    total,
    query,
    context.dataVersion,
    query,
  );
}

/** A benchmark as the API answers it, in the list and at its own address alike. */
export function benchmarkItem(
  lang: ContentLang,
  b: Pick<BenchmarkListItem, "slug" | "title" | "titleZh" | "categorySlug" | "addressee" | "retiredOn" | "retiredReason" | "assessedAt"> & { appliesFromSlug: string },
  sources: readonly BenchmarkSource[],
  subjects: ReadonlyArray<{ slug: string }>,
) {
  return {
    slug: b.slug,
    title: b.title,
    ...inChinese(lang, { titleZh: b.titleZh }),
    category: b.categorySlug,
    addressee: b.addressee,
    appliesFrom: b.appliesFromSlug,
    assessedAt: b.assessedAt,
    retiredOn: b.retiredOn,
    retiredReason: b.retiredReason,
    sources: sources.map((s) => ({ statement: s.statementSlug, demand: s.demand, ...inChinese(lang, { demandZh: s.demandZh }) })),
    subjects: subjects.map((s) => s.slug),
  };
}

async function subjectsPage(db: Executor, page: SubjectPage, query: PageQuery & { q?: string; lang: ContentLang }) {
  const { rows, total } = await listPublicSubjectsPage(db, page, query.q ?? "", rangeOf(query));
  const events = await listSubjectsEvents(
    db,
    rows.map((s) => s.id),
  );
  return envelope(
    rows.map(({ id, roleZh, descriptionZh, ...s }) => ({
      ...s,
      ...inChinese(query.lang, { roleZh, descriptionZh }),
      events: events
        .filter((e) => e.subjectId === id)
        .map((e) => ({ kind: e.kind, date: e.occurredOn, datePrecision: e.datePrecision, description: e.description, ...inChinese(query.lang, { descriptionZh: e.descriptionZh }), source: e.sourceTitle })),
    })),
    total,
    query,
    await getLatestPublicationDate(db),
    query.q ? { q: query.q } : {},
  );
}

/** A release as the API answers it, with its stable addresses and citation. */
export function releaseBody(release: Release, lang: ContentLang = "en") {
  const base = publicBaseUrl(readEnv()).replace(/\/$/, "");
  return {
    number: release.number,
    publishedAt: release.publishedAt,
    kind: release.kind,
    note: release.note,
    rounds: release.rounds.map((r) => ({ round: r.slug, name: r.name, ...inChinese(lang, { nameZh: r.nameZh }), firstTime: r.firstTime })),
    changed: release.changed,
    address: `${base}${releasePath(release.number)}`,
    dataPackage: `${base}${dataPackagePath(release.number)}`,
    citation: releaseCitation(release, base),
  };
}

async function releasesPage(db: Executor, query: Query<"releases">) {
  const all = await listReleases(db);
  const { limit, offset } = rangeOf(query);
  return envelope(all.slice(offset, offset + limit).map((r) => releaseBody(r, query.lang)), all.length, query, all[0]?.publishedAt ?? null, {});
}

/** The release a query pins, or undefined for the current data (the handler answered 404 for an unknown one). */
async function pinnedRelease(db: Executor, query: { release?: string }): Promise<Release | undefined> {
  const number = parseReleaseParam(query.release);
  return number ? ((await getRelease(db, number)) ?? undefined) : undefined;
}

async function scoresAsOfPage(db: Executor, query: Query<"scores">, release: Release) {
  const view = await resolveView(db, filtersOf(query));
  const { rows, total } = await listScoresAsOf(db, release.number, { roundIds: view.roundIds, benchmarks: view.benchmarks }, rangeOf(query));
  return {
    data: rows.map((r) => ({
      round: r.roundSlug,
      benchmark: r.benchmarkSlug,
      status: r.status,
      basis: r.basis,
      rationale: r.rationale,
      publicRecord: r.publicRecord,
      evidence: r.evidence.map((e) => `${e.title} <${e.url}>`).join(" | "),
      demo: r.demo,
      publishedAt: release.publishedAt,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    dataVersion: release.publishedAt,
    filters: filtersOf(query),
    release: release.number,
  };
}

async function scoresPage(db: Executor, query: Query<"scores">) {
  const release = await pinnedRelease(db, query);
  if (release) return scoresAsOfPage(db, query, release);
  const context = await getExportContext(db, filtersOf(query));
  const { rows, total } = await listScoreRows(db, context, rangeOf(query));
  return {
    data: rows.map((r) => ({ round: r.roundSlug, benchmark: r.benchmarkSlug, status: r.status, basis: r.basis, rationale: r.rationale, ...inChinese(query.lang, { rationaleLang: r.rationaleLang }), publicRecord: r.publicRecord, evidence: r.evidence, demo: r.demo, publishedAt: r.publishedAt })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    dataVersion: context.dataVersion,
    filters: filtersOf(query),
  };
}

async function summary(db: Executor, query: Query<"summary">) {
  const release = await pinnedRelease(db, query);
  const [dashboard, roundsZh] = await Promise.all([
    getDashboardSummary(db, filtersOf(query), { figuresOnly: true, release: release?.number }),
    query.lang === "zh" ? listPublishedRounds(db).then((rs) => new Map(rs.map((r) => [r.slug, r.nameZh]))) : undefined,
  ]);
  return {
    ...(release ? { release: release.number } : {}),
    dataVersion: release ? release.publishedAt : dashboard.dataVersion,
    filters: filtersOf(query),
    denominator: DENOMINATOR_NOTE,
    minCoverage: dashboard.minCoverage,
    rounds: dashboard.series.map((s, i) => ({
      round: s.round.slug,
      name: s.round.name,
      ...(roundsZh ? { nameZh: roundsZh.get(s.round.slug) ?? null } : {}),
      applicable: s.applicable,
      judged: s.judged,
      tally: s.tally,
      index: s.index,
      coverage: s.coverage,
      regressionRate: s.regressionRate,
      preliminary: s.preliminary,
      comparedWith: comparisonBase(dashboard.series, i)?.round.slug ?? null,
    })),
  };
}

// Every list reads one page in SQL (LIMIT/OFFSET over an index) and counts its total from an index.
const BUILDERS: { [N in EndpointName]: (db: Executor, query: Query<N>) => Promise<unknown> } = {
  tracks: tracksPage,
  rounds: roundsPage,
  statements: statementsPage,
  benchmarks: benchmarksPage,
  people: (db, query) => subjectsPage(db, "people", query),
  laws: (db, query) => subjectsPage(db, "laws", query),
  scores: scoresPage,
  summary,
  releases: releasesPage,
};

/**
 * Whether an answer is worth keeping: not for a search term or a filter value naming nothing, which a
 * client can vary without end (they are cheap to compute, and would push out what readers ask for).
 */
async function worthKeeping(db: Executor, query: Record<string, unknown>): Promise<boolean> {
  if (typeof query.q === "string" && query.q !== "") return false;
  return (await findUnmatchedFilters(db, filtersOf(query))).length === 0;
}

/** Answers a read-API request: validate the query, build the body, answer with caching headers. */
export async function handleApi<N extends EndpointName>(name: N, request: Request): Promise<Response> {
  const parsed = parseQuery(request, ENDPOINTS[name].query);
  if (!parsed.ok) return parsed.response;
  const query = parsed.value as Query<N>;
  const db = getDb();
  const pinned = parseReleaseParam((query as { release?: string }).release);
  if (pinned && !(await getRelease(db, pinned))) return Response.json({ error: "No release has this number." }, { status: 404, headers: { "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } });
  const keep = await worthKeeping(db, query);
  // Built once per published data version and query, then answered from Next's cache.
  const answer = (q: Query<N>) => cachedByPublishedData(["api", name, JSON.stringify(q)], () => BUILDERS[name](db, q), { when: keep });
  const { page = 1, pageSize = 1 } = query as Partial<PageQuery>;
  const paged = page > 1;
  const pastTheLast = (total: number) => {
    const pages = Math.max(1, Math.ceil(total / pageSize));
    return page > pages ? badRequest([pages === 1 ? "page: there is only 1 page" : `page: there are only ${pages} pages`]) : null;
  };
  // Where answers are kept, the (kept) first page says how many there are, so a page past the last is
  // refused before it is built or kept.
  if (paged && keep && publicAnswersAreKept()) {
    const refused = pastTheLast(((await answer({ ...query, page: 1 })) as { total?: number }).total ?? 0);
    if (refused) return refused;
  }
  const body = await answer(query);
  if (paged) {
    const refused = pastTheLast((body as { total?: number }).total ?? 0);
    if (refused) return refused;
  }
  // An answer pinned to a release that exists never changes: cacheable for a year (the proxy leaves it to this).
  return jsonResponse(request, body, { pinned: pinned !== undefined && pinned !== null });
}
