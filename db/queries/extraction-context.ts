// What the demand extractor matches against. No "server-only" here: the extract command uses it too.
import { asc, eq, inArray } from "drizzle-orm";
import type { ExtractionContext } from "@/lib/extract/demands";
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
    db.select({ slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, article: subjects.article }).from(subjects),
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
