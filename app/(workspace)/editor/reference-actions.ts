"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { ScopeError, setBenchmarkScope } from "@/db/queries/scopes";
import { countPublicTextsNaming } from "@/db/queries/confidential-texts";
import { listWithheldItems, parseAliases } from "@/db/queries/withheld-names";
import { benchmarks, categories, subjectEvents, subjects, tracks } from "@/db/schema";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { LINK_WITHHELD, NAME_WITHHELD } from "@/lib/redaction";
import {
  benchmarkScopeSchema,
  confidentialitySchema,
  newCategorySchema,
  newSubjectEventSchema,
  newSubjectSchema,
  newTrackSchema,
  retireBenchmarkSchema,
} from "@/lib/validation/editor";

function refresh() {
  revalidatePath("/", "layout");
}

export const createTrack = guardedAction({ permission: "edit", schema: newTrackSchema }, async (input, editor) => {
  const db = getDb();
  if (db.select({ id: tracks.id }).from(tracks).where(eq(tracks.slug, input.slug)).get()) throw new ActionError(`A track called “${input.slug}” already exists.`);
  db.transaction((tx) => {
    const [row] = tx.insert(tracks).values(input).returning({ id: tracks.id }).all();
    recordAudit(tx, { userId: editor.id, action: "track.create", entity: "track", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added the track ${input.name}.` };
});

export const createCategory = guardedAction({ permission: "edit", schema: newCategorySchema }, async (input, editor) => {
  const db = getDb();
  if (db.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.slug)).get()) throw new ActionError(`A category called “${input.slug}” already exists.`);
  db.transaction((tx) => {
    const position = (tx.select({ id: categories.id }).from(categories).all().length ?? 0) + 1;
    const [row] = tx.insert(categories).values({ ...input, position }).returning({ id: categories.id }).all();
    recordAudit(tx, { userId: editor.id, action: "category.create", entity: "category", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added the category ${input.name}.` };
});

export const createSubject = guardedAction({ permission: "edit", schema: newSubjectSchema }, async (input, editor) => {
  const db = getDb();
  if (db.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, input.slug)).get()) throw new ActionError(`“${input.slug}” is already taken.`);
  db.transaction((tx) => {
    const [row] = tx.insert(subjects).values(input).returning({ id: subjects.id }).all();
    recordAudit(tx, { userId: editor.id, action: "subject.create", entity: "subject", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added ${input.name}${input.confidential ? " (confidential: never shown in public)" : ""}.` };
});

export const createSubjectEvent = guardedAction({ permission: "edit", schema: newSubjectEventSchema }, async (input, editor) => {
  const db = getDb();
  const subject = db.select({ id: subjects.id, name: subjects.name }).from(subjects).where(eq(subjects.slug, input.subjectSlug)).get();
  if (!subject) throw new ActionError("Choose an existing person or law.");
  db.transaction((tx) => {
    const { subjectSlug: _slug, ...values } = input;
    const [row] = tx.insert(subjectEvents).values({ ...values, subjectId: subject.id }).returning({ id: subjectEvents.id }).all();
    recordAudit(tx, { userId: editor.id, action: "subject_event.create", entity: "subject_event", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added the event to ${subject.name}.` };
});

export const retireBenchmark = guardedAction({ permission: "edit", schema: retireBenchmarkSchema }, async (input, editor) => {
  const db = getDb();
  const benchmark = db.select({ id: benchmarks.id, title: benchmarks.title, retiredOn: benchmarks.retiredOn, retiredReason: benchmarks.retiredReason }).from(benchmarks).where(eq(benchmarks.slug, input.benchmarkSlug)).get();
  if (!benchmark) throw new ActionError("Choose an existing benchmark.");
  db.transaction((tx) => {
    tx.update(benchmarks).set({ retiredOn: input.retiredOn, retiredReason: input.retiredReason }).where(eq(benchmarks.id, benchmark.id)).run();
    recordAudit(tx, { userId: editor.id, action: "benchmark.retire", entity: "benchmark", entityId: benchmark.id, before: { retiredOn: benchmark.retiredOn, retiredReason: benchmark.retiredReason }, after: { retiredOn: input.retiredOn, retiredReason: input.retiredReason } });
  });
  refresh();
  return { ok: true, message: `Retired “${benchmark.title}” from ${input.retiredOn}. Its history stays; later rounds no longer count it.` };
});

export const setScope = guardedAction({ permission: "edit", schema: benchmarkScopeSchema }, async (input, editor) => {
  let result: ReturnType<typeof setBenchmarkScope>;
  try {
    result = setBenchmarkScope(input, editor.id);
  } catch (error) {
    if (error instanceof ScopeError) throw new ActionError(error.message);
    throw error;
  }
  refresh();
  const outside = result.outside > 0 ? ` ${result.outside} assessment${result.outside === 1 ? "" : "s"} at other tracks' rounds stay in its history and count nowhere.` : "";
  return { ok: true, message: `${result.changed ? "" : "Unchanged: "}“${result.title}” is assessed at ${result.scope}.${outside}` };
});

export const setConfidentiality = guardedAction({ permission: "edit", schema: confidentialitySchema }, async (input, editor) => {
  const [kind, slug] = input.target.split(":") as ["benchmark" | "subject", string];
  const db = getDb();
  const row =
    kind === "benchmark"
      ? db.select({ id: benchmarks.id, confidential: benchmarks.confidential, aliases: sql<string>`''` }).from(benchmarks).where(eq(benchmarks.slug, slug)).get()
      : db.select({ id: subjects.id, confidential: subjects.confidential, aliases: subjects.aliases }).from(subjects).where(eq(subjects.slug, slug)).get();
  if (!row) throw new ActionError("Choose an existing benchmark, person or law.");
  if (kind === "benchmark" && input.aliases) throw new ActionError("Other names are for people, laws and practices; a benchmark's title is what is withheld.");
  const confidential = input.confidential === "yes";
  const aliases = input.aliases ? parseAliases(input.aliases).join("\n") : row.aliases;
  const item = db.transaction((tx) => {
    if (kind === "benchmark") tx.update(benchmarks).set({ confidential }).where(eq(benchmarks.id, row.id)).run();
    else tx.update(subjects).set({ confidential, aliases }).where(eq(subjects.id, row.id)).run();
    const marked = confidential ? listWithheldItems(db).find((i) => (i.kind === "benchmark") === (kind === "benchmark") && i.id === row.id) : undefined;
    const textsNamingIt = marked ? countPublicTextsNaming(marked, db) : null;
    recordAudit(tx, {
      userId: editor.id,
      action: `${kind}.confidentiality`,
      entity: kind,
      entityId: row.id,
      before: { confidential: row.confidential, ...(kind === "subject" ? { aliases: row.aliases } : {}) },
      after: { confidential, ...(kind === "subject" ? { aliases } : {}), ...(marked ? { withheldNames: marked.names.length, textsNamingIt } : {}) },
    });
    return marked && { names: marked.names, textsNamingIt: textsNamingIt! };
  });
  refresh();
  if (!item) {
    return { ok: true, message: "No longer confidential: its page, its benchmarks and its names in public texts are public again. Records hidden from the public in the list of texts stay hidden until an editor shows them again." };
  }
  const names = item.names.map((n) => `“${n}”`).join(", ");
  const n = item.textsNamingIt;
  return {
    ok: true,
    message:
      `Marked confidential. ${kind === "benchmark" ? "Its page, scores and figures" : "Its page, and every benchmark linked to it,"} left the public pages, the API and the exports, ` +
      `and ${kind === "benchmark" ? "its title" : `its names (${names})`} now show as “${NAME_WITHHELD}” in every public text, and a link whose address contains one as “${LINK_WITHHELD}”. ` +
      `${n} public ${n === 1 ? "text" : "texts"} named it: review ${n === 1 ? "it" : "them"} under Confidential names in public texts, and hide any record whose context still gives ${kind === "benchmark" ? "it" : "the person"} away. ` +
      "The marking does not change the stored texts (the workspace shows them as written), does not catch a description without these names or a spelling not listed here (add other names and spellings), " +
      "does not rewrite addresses (slugs) that contain a name, and cannot recall copies already downloaded, printed or kept elsewhere.",
  };
});
