import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { ADDRESSEES } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";
import { getDb, type Db } from "../client";
import { benchmarks, categories, rounds, statements, subjects, tracks } from "../schema";
import { isPublicBenchmark, isPublicStatement } from "./shared";

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
  tracks: Array<{ slug: string; name: string }>;
  rounds: Array<{ slug: string; name: string; startDate: string }>;
  categories: Array<{ slug: string; name: string }>;
  addressees: string[];
  statements: OptionList<StatementOption>;
  subjects: OptionList<SubjectOption>;
}

/** Reads one row past the threshold, never the whole table, to tell a short list from a long one. */
function shortOrLong<T extends { slug: string }>(firstRows: (limit: number) => T[], bySlug: (slug: string) => T | undefined, selected: string | undefined, threshold: number): OptionList<T> {
  const items = firstRows(threshold + 1);
  if (items.length <= threshold) return { kind: "all", items };
  return { kind: "search", selected: selected ? (items.find((i) => i.slug === selected) ?? bySlug(selected) ?? null) : null };
}

export function listFilterOptions(
  selected: Pick<DashboardFilters, "statement" | "subject"> = {},
  { longListThreshold = LONG_LIST_THRESHOLD }: { longListThreshold?: number } = {},
  db: Db = getDb(),
): FilterOptions {
  const statementColumns = { slug: statements.slug, title: statements.title, date: statements.date };
  const subjectColumns = { slug: subjects.slug, name: subjects.name, kind: subjects.kind };
  const publicSubject = eq(subjects.confidential, false);
  return {
    tracks: db.select({ slug: tracks.slug, name: tracks.name }).from(tracks).orderBy(asc(tracks.id)).all(),
    rounds: db
      .select({ slug: rounds.slug, name: rounds.name, startDate: rounds.startDate })
      .from(rounds)
      .where(isNotNull(rounds.publishedAt))
      .orderBy(asc(rounds.startDate))
      .all(),
    categories: db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)).all(),
    // One early-stopping probe per addressee instead of a DISTINCT over every benchmark (150 ms at 100,000).
    addressees: ADDRESSEES.filter(
      (addressee) => db.select({ one: sql`1` }).from(benchmarks).where(and(eq(benchmarks.addressee, addressee), isPublicBenchmark)).limit(1).get() !== undefined,
    ),
    statements: shortOrLong(
      (limit) => db.select(statementColumns).from(statements).where(isPublicStatement).orderBy(asc(statements.date), asc(statements.id)).limit(limit).all(),
      (slug) => db.select(statementColumns).from(statements).where(and(eq(statements.slug, slug), isPublicStatement)).get(),
      selected.statement,
      longListThreshold,
    ),
    subjects: shortOrLong(
      (limit) => db.select(subjectColumns).from(subjects).where(publicSubject).orderBy(asc(subjects.kind), asc(subjects.name)).limit(limit).all(),
      (slug) => db.select(subjectColumns).from(subjects).where(and(publicSubject, eq(subjects.slug, slug))).get(),
      selected.subject,
      longListThreshold,
    ),
  };
}
