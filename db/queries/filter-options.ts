import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { ADDRESSEES } from "@/lib/domain";
import type { FilterNames } from "@/lib/export/describe";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import type { Executor } from "../transaction";
import { benchmarks, categories, rounds, statements, subjects, tracks } from "../schema";
import { getPublicRedactor, type PublicRedactor } from "./public-text";
import { isPublicBenchmark, isPublicStatement } from "./shared";
import { firstRow } from "../dialect";

/** Past this many options a <select> is no use to anyone and bloats the page: the form shows a search field instead. */
export const LONG_LIST_THRESHOLD = 200;

export interface StatementOption {
  slug: string;
  title: string;
  date: string;
}

export interface SubjectOption {
  slug: string;
  name: string;
  kind: string;
}

/** A short list comes whole; of a long one only the item the URL selects, so the form can name it. */
export type OptionList<T> = { kind: "all"; items: T[] } | { kind: "search"; selected: T | null };

export interface FilterOptions {
  // The Chinese names beside the English, for a page in Chinese (lib/localized.ts); none in tests' fixtures.
  tracks: Array<{ slug: string; name: string; nameZh?: string | null }>;
  rounds: Array<{ slug: string; name: string; nameZh?: string | null; startDate: string }>;
  categories: Array<{ slug: string; name: string; nameZh?: string | null }>;
  addressees: string[];
  statements: OptionList<StatementOption>;
  subjects: OptionList<SubjectOption>;
}

/** Reads one row past the threshold, never the whole table, to tell a short list from a long one. */
async function shortOrLong<T extends { slug: string }>(
  firstRows: (limit: number) => Promise<T[]>,
  bySlug: (slug: string) => Promise<T | undefined>,
  selected: string | undefined,
  threshold: number,
): Promise<OptionList<T>> {
  const items = await firstRows(threshold + 1);
  if (items.length <= threshold) return { kind: "all", items };
  return { kind: "search", selected: selected ? (items.find((i) => i.slug === selected) ?? (await bySlug(selected)) ?? null) : null };
}

export async function listFilterOptions(
  db: Executor,
  selected: Pick<DashboardFilters, "statement" | "subject"> = {},
  { longListThreshold = LONG_LIST_THRESHOLD }: { longListThreshold?: number } = {},
): Promise<FilterOptions> {
  const redactor = await getPublicRedactor(db);
  const [trackRows, roundRows, categoryRows, addressees, statementList, subjectList] = await Promise.all([
    db.select({ slug: tracks.slug, name: tracks.name, nameZh: tracks.nameZh }).from(tracks).orderBy(asc(tracks.id)),
    db.select({ slug: rounds.slug, name: rounds.name, nameZh: rounds.nameZh, startDate: rounds.startDate }).from(rounds).where(isNotNull(rounds.publishedAt)).orderBy(asc(rounds.startDate)),
    db.select({ slug: categories.slug, name: categories.name, nameZh: categories.nameZh }).from(categories).orderBy(asc(categories.position)),
    listAddressees(db),
    statementOptions(db, redactor, selected.statement, longListThreshold),
    subjectOptions(db, redactor, selected.subject, longListThreshold),
  ]);
  return { tracks: trackRows, rounds: roundRows, categories: categoryRows, addressees, statements: statementList, subjects: subjectList };
}

/** The addressees of some public benchmark: one early-stopping probe each instead of a DISTINCT over every benchmark (150 ms at 100,000). */
async function listAddressees(db: Executor): Promise<string[]> {
  const probes = await Promise.all(
    ADDRESSEES.map(async (addressee) => (await firstRow(db.select({ one: sql`1` }).from(benchmarks).where(and(eq(benchmarks.addressee, addressee), isPublicBenchmark)).limit(1))) !== undefined),
  );
  return ADDRESSEES.filter((_, i) => probes[i]);
}

function statementOptions(db: Executor, redactor: PublicRedactor, selected: string | undefined, threshold: number): Promise<OptionList<StatementOption>> {
  const columns = { slug: statements.slug, title: statements.title, date: statements.date };
  const asPublic = (s: StatementOption) => redactor.fields(s, ["title"]);
  return shortOrLong(
    async (limit) => (await db.select(columns).from(statements).where(isPublicStatement).orderBy(asc(statements.date), asc(statements.id)).limit(limit)).map(asPublic),
    async (slug) => {
      const row = await firstRow(db.select(columns).from(statements).where(and(isPublicStatement, eq(statements.slug, slug))).limit(1));
      return row && asPublic(row);
    },
    selected,
    threshold,
  );
}

function subjectOptions(db: Executor, redactor: PublicRedactor, selected: string | undefined, threshold: number): Promise<OptionList<SubjectOption>> {
  const columns = { slug: subjects.slug, name: subjects.name, kind: subjects.kind };
  // A person or law merged into another has left every list (its benchmarks are the kept one's now).
  const publicSubject = and(eq(subjects.confidential, false), isNull(subjects.mergedIntoId));
  const asPublic = (s: SubjectOption) => redactor.fields(s, ["name"]);
  return shortOrLong(
    async (limit) => (await db.select(columns).from(subjects).where(publicSubject).orderBy(asc(subjects.kind), asc(subjects.name)).limit(limit)).map(asPublic),
    async (slug) => {
      const row = await firstRow(db.select(columns).from(subjects).where(and(publicSubject, eq(subjects.slug, slug))).limit(1));
      return row && asPublic(row);
    },
    selected,
    threshold,
  );
}

/**
 * The public names of what the filters select, for an export to say in words: only published rounds,
 * public statements and people, names withheld where the editors withhold them. A filter naming
 * nothing public gets no name (the caller has refused it already: db/queries/filters.ts).
 */
export async function getFilterNames(db: Executor, filters: DashboardFilters): Promise<FilterNames> {
  const redactor = await getPublicRedactor(db);
  const roundName = async (slug: string | undefined) =>
    slug ? await firstRow(db.select({ name: rounds.name, nameZh: rounds.nameZh }).from(rounds).where(and(eq(rounds.slug, slug), isNotNull(rounds.publishedAt))).limit(1)) : undefined;
  const [track, from, to, category, statement, subject] = await Promise.all([
    filters.track ? (await firstRow(db.select({ name: tracks.name, nameZh: tracks.nameZh }).from(tracks).where(eq(tracks.slug, filters.track)).limit(1))) : undefined,
    roundName(filters.from),
    roundName(filters.to),
    filters.category ? (await firstRow(db.select({ name: categories.name, nameZh: categories.nameZh }).from(categories).where(eq(categories.slug, filters.category)).limit(1))) : undefined,
    filters.statement
      ? (await firstRow(db
          .select({ title: statements.title, titleZh: statements.titleZh, date: statements.date, datePrecision: statements.datePrecision })
          .from(statements)
          .where(and(isPublicStatement, eq(statements.slug, filters.statement)))
          .limit(1)))
      : undefined,
    filters.subject
      ? (await firstRow(db
          .select({ name: subjects.name, nameZh: subjects.nameZh })
          .from(subjects)
          .where(and(eq(subjects.confidential, false), eq(subjects.slug, filters.subject)))
          .limit(1)))
      : undefined,
  ]);
  return {
    ...(track && { track: track.name, trackZh: track.nameZh }),
    ...(from && { from: from.name, fromZh: from.nameZh }),
    ...(to && { to: to.name, toZh: to.nameZh }),
    ...(category && { category: category.name, categoryZh: category.nameZh }),
    ...(statement && { statement: redactor.fields(statement, ["title", "titleZh"]) }),
    ...(subject && { subject: redactor.fields(subject, ["name", "nameZh"]) }),
  };
}
