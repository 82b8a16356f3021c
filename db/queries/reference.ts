import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { benchmarks, categories, subjects, tracks } from "../schema";

/** Everything an editor manages, confidential items included (workspace only, never public pages). */
export function listReferenceData(db: Db = getDb()) {
  return {
    tracks: db.select({ slug: tracks.slug, name: tracks.name }).from(tracks).orderBy(asc(tracks.id)).all(),
    categories: db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)).all(),
    subjects: db
      .select({ slug: subjects.slug, name: subjects.name, kind: subjects.kind, confidential: subjects.confidential })
      .from(subjects)
      .orderBy(asc(subjects.name))
      .all(),
    benchmarks: db
      .select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, retiredOn: benchmarks.retiredOn, confidential: benchmarks.confidential, reviewState: benchmarks.reviewState })
      .from(benchmarks)
      .orderBy(asc(benchmarks.title))
      .all(),
  };
}
