import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { sourceDocuments } from "../schema";

export function listSourceDocuments(db: Db = getDb()) {
  return db
    .select({
      slug: sourceDocuments.slug,
      title: sourceDocuments.title,
      publisher: sourceDocuments.publisher,
      publishedOn: sourceDocuments.publishedOn,
      datePrecision: sourceDocuments.datePrecision,
      url: sourceDocuments.url,
    })
    .from(sourceDocuments)
    .orderBy(asc(sourceDocuments.publishedOn))
    .all();
}
