// What the demand extractor matches against. No "server-only" here: the extract command uses it too.
import { asc, eq, inArray, like, or } from "drizzle-orm";
import type { ExtractionContext } from "@/lib/extract/demands";
import { firstRow } from "../dialect";
import { benchmarks, benchmarkSources, benchmarkSubjects, categories, subjects } from "../schema";
import type { Executor } from "../transaction";

export async function loadExtractionContext(db: Executor): Promise<ExtractionContext> {
  const [sources, links, benchmarkRows, subjectRows, categoryRows] = await Promise.all([
    db.select({ benchmarkId: benchmarkSources.benchmarkId, demand: benchmarkSources.demand }).from(benchmarkSources),
    db.select({ benchmarkId: benchmarkSubjects.benchmarkId, slug: subjects.slug }).from(benchmarkSubjects).innerJoin(subjects, eq(subjects.id, benchmarkSubjects.subjectId)),
    db
      .select({ id: benchmarks.id, title: benchmarks.title })
      .from(benchmarks)
      // Rejected and merged drafts are no benchmark to repeat; other reviewers' drafts are.
      .where(inArray(benchmarks.reviewState, ["approved", "draft"])),
    db.select({ slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, article: subjects.article, confidential: subjects.confidential }).from(subjects),
    db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)),
  ]);
  const demands = new Map<number, string[]>();
  for (const s of sources) demands.set(s.benchmarkId, [...(demands.get(s.benchmarkId) ?? []), s.demand]);
  const subjectSlugs = new Map<number, string[]>();
  for (const link of links) subjectSlugs.set(link.benchmarkId, [...(subjectSlugs.get(link.benchmarkId) ?? []), link.slug]);
  return {
    benchmarks: benchmarkRows.map((b) => ({ ...b, demands: demands.get(b.id) ?? [], subjectSlugs: subjectSlugs.get(b.id) ?? [] })),
    // A law is also recognised by the article it names ("Article 73").
    subjects: subjectRows.map(({ article, ...s }) => ({ ...s, aliases: article?.match(/Article \d+/)?.slice(0, 1) ?? [] })),
    categories: categoryRows,
  };
}

/** A person already recorded under this name or Chinese name (a repeated confirmation finds the first). */
export async function findSubjectNamed(db: Executor, name: string, nameZh: string | null): Promise<{ slug: string; name: string } | undefined> {
  return await firstRow(
    db
      .select({ slug: subjects.slug, name: subjects.name })
      .from(subjects)
      .where(nameZh ? or(eq(subjects.name, name), eq(subjects.nameZh, nameZh)) : eq(subjects.name, name))
      .limit(1),
  );
}

/** The slug for a new subject: from its name ("Anna Lindqvist" → anna-lindqvist), numbered when taken. */
export async function freeSubjectSlug(db: Executor, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "person";
  const taken = new Set((await db.select({ slug: subjects.slug }).from(subjects).where(like(subjects.slug, `${base}%`))).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
