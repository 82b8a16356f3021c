import "server-only";
import { asc } from "drizzle-orm";
import { sourceDocuments } from "../schema";
import type { Executor } from "../transaction";
import { getPublicRedactor } from "./public-text";

/** The source documents as the method page lists them; a title naming a confidential item has the name withheld. */
export async function listSourceDocuments(db: Executor) {
  const redactor = await getPublicRedactor(db);
  const rows = await db
    .select({
      slug: sourceDocuments.slug,
      title: sourceDocuments.title,
      publisher: sourceDocuments.publisher,
      publishedOn: sourceDocuments.publishedOn,
      datePrecision: sourceDocuments.datePrecision,
      url: sourceDocuments.url,
    })
    .from(sourceDocuments)
    .orderBy(asc(sourceDocuments.publishedOn));
  return rows.map((d) => ({ ...redactor.fields(d, ["title", "publisher"]), url: redactor.url(d.url) }));
}
