// The names public texts must not show: every name of every confidential person, law or practice
// (its name, its Chinese name, the other spellings an editor recorded) and the title of every
// confidential benchmark, in English and in Chinese. Read by the public text redactor and by the rebuild of the published
// aggregates, which stores benchmark titles with these names withheld.
import { eq } from "drizzle-orm";
import type { SubjectKind } from "@/lib/domain";
import { compileNameMatcher, type NameMatcher } from "@/lib/redaction";
import type { Executor } from "../transaction";
import { benchmarks, subjects } from "../schema";

export interface WithheldItemSummary {
  kind: SubjectKind | "benchmark";
  id: number;
  slug: string;
  /** What the editor calls it: the name, or the benchmark's title. */
  label: string;
  names: string[];
}

/** Other names as an editor types them: one per line (a semicolon also separates; a comma may be part of a law's name). */
export function parseAliases(text: string): string[] {
  return [...new Set(text.split(/[\n;；]+/).map((a) => a.trim()).filter(Boolean))];
}

export async function listWithheldItems(db: Executor): Promise<WithheldItemSummary[]> {
  return listWithheldItemsNow(db);
}

/**
 * listWithheldItems without awaiting, for the one synchronous caller: the published aggregates'
 * start-up rebuild (db/prepare.ts, the seed loader), which runs before the server takes a request.
 */
export async function listWithheldItemsNow(db: Executor): Promise<WithheldItemSummary[]> {
  const people = await db
    .select({ id: subjects.id, slug: subjects.slug, kind: subjects.kind, name: subjects.name, nameZh: subjects.nameZh, aliases: subjects.aliases })
    .from(subjects)
    .where(eq(subjects.confidential, true));
  const demands = await db.select({ id: benchmarks.id, slug: benchmarks.slug, title: benchmarks.title, titleZh: benchmarks.titleZh }).from(benchmarks).where(eq(benchmarks.confidential, true));
  return [
    ...people.map((s) => ({ kind: s.kind, id: s.id, slug: s.slug, label: s.name, names: [...new Set([s.name, s.nameZh ?? "", ...parseAliases(s.aliases)].filter(Boolean))] })),
    ...demands.map((b) => ({ kind: "benchmark" as const, id: b.id, slug: b.slug, label: b.title, names: [...new Set([b.title, b.titleZh ?? ""].filter(Boolean))] })),
  ];
}

export function compileWithheldNames(items: readonly WithheldItemSummary[]): NameMatcher {
  return compileNameMatcher(items);
}
