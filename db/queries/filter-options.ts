import "server-only";
import { asc, eq, isNotNull } from "drizzle-orm";
import { ADDRESSEES } from "@/lib/domain";
import { getDb, type Db } from "../client";
import { benchmarks, categories, rounds, statements, subjects, tracks } from "../schema";
import { isPublicBenchmark } from "./shared";

export interface FilterOptions {
  tracks: Array<{ slug: string; name: string }>;
  rounds: Array<{ slug: string; name: string; startDate: string }>;
  categories: Array<{ slug: string; name: string }>;
  addressees: string[];
  statements: Array<{ slug: string; title: string; date: string }>;
  subjects: Array<{ slug: string; name: string; kind: string }>;
}

export function listFilterOptions(db: Db = getDb()): FilterOptions {
  return {
    tracks: db.select({ slug: tracks.slug, name: tracks.name }).from(tracks).orderBy(asc(tracks.id)).all(),
    rounds: db
      .select({ slug: rounds.slug, name: rounds.name, startDate: rounds.startDate })
      .from(rounds)
      .where(isNotNull(rounds.publishedAt))
      .orderBy(asc(rounds.startDate))
      .all(),
    categories: db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)).all(),
    addressees: db
      .selectDistinct({ addressee: benchmarks.addressee })
      .from(benchmarks)
      .where(isPublicBenchmark)
      .all()
      .map((r) => r.addressee)
      .sort((a, b) => ADDRESSEES.indexOf(a) - ADDRESSEES.indexOf(b)),
    statements: db
      .select({ slug: statements.slug, title: statements.title, date: statements.date })
      .from(statements)
      .orderBy(asc(statements.date), asc(statements.id))
      .all(),
    subjects: db
      .select({ slug: subjects.slug, name: subjects.name, kind: subjects.kind })
      .from(subjects)
      .where(eq(subjects.confidential, false))
      .orderBy(asc(subjects.kind), asc(subjects.name))
      .all(),
  };
}
