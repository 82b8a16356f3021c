import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { sourceDocuments } from "../schema";
import { getPublicRedactorSync as getPublicRedactor } from "./public-text";

/** The source documents as the method page lists them; a title naming a confidential item has the name withheld. */
export function listSourceDocuments(db: Db = getDb()) {
  const redactor = getPublicRedactor(db);
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
    .all()
    .map((d) => ({ ...redactor.fields(d, ["title", "publisher"]), url: redactor.url(d.url) }));
}
