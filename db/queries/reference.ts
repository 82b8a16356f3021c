import "server-only";
import { asc, isNull } from "drizzle-orm";
import type { Executor } from "../transaction";
import { benchmarks, categories, subjects, tracks } from "../schema";

/** The tracks, in the order they were created: for the editor's forms. */
export async function listTracks(db: Executor): Promise<Array<{ slug: string; name: string; nameZh: string | null }>> {
  return db.select({ slug: tracks.slug, name: tracks.name, nameZh: tracks.nameZh }).from(tracks).orderBy(asc(tracks.id));
}

/** The categories in their order, with their descriptions, for the method page (a category holds nothing confidential). */
export async function listCategoryDescriptions(db: Executor): Promise<Array<{ slug: string; name: string; nameZh: string | null; description: string; descriptionZh: string | null }>> {
  return db
    .select({ slug: categories.slug, name: categories.name, nameZh: categories.nameZh, description: categories.description, descriptionZh: categories.descriptionZh })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
}

/** Everything an editor manages, confidential items included (workspace only, never public pages); people and laws merged into another left out. */
export async function listReferenceData(db: Executor) {
  const [trackRows, categoryRows, subjectRows, benchmarkRows] = await Promise.all([
    listTracks(db),
    db.select({ slug: categories.slug, name: categories.name, nameZh: categories.nameZh }).from(categories).orderBy(asc(categories.position)),
    db.select({ slug: subjects.slug, name: subjects.name, nameZh: subjects.nameZh, kind: subjects.kind, confidential: subjects.confidential }).from(subjects).where(isNull(subjects.mergedIntoId)).orderBy(asc(subjects.name)),
    db
      .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, titleZh: benchmarks.titleZh, retiredOn: benchmarks.retiredOn, confidential: benchmarks.confidential, reviewState: benchmarks.reviewState })
      .from(benchmarks)
      .orderBy(asc(benchmarks.title)),
  ]);
  return { tracks: trackRows, categories: categoryRows, subjects: subjectRows, benchmarks: benchmarkRows };
}
