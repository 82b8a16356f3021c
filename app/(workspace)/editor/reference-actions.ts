"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { ScopeError, setBenchmarkScope } from "@/db/queries/scopes";
import { benchmarks, categories, subjectEvents, subjects, tracks } from "@/db/schema";
import { ActionError, guardedAction } from "@/lib/auth/guard";
import {
  benchmarkScopeSchema,
  confidentialitySchema,
  newCategorySchema,
  newSubjectEventSchema,
  newSubjectSchema,
  newTrackSchema,
  retireBenchmarkSchema,
} from "@/lib/validation/editor";

const EDITOR = ["editor"] as const;

function refresh() {
  revalidatePath("/", "layout");
}

export const createTrack = guardedAction({ roles: EDITOR, schema: newTrackSchema }, async (input, editor) => {
  const db = getDb();
  if (db.select({ id: tracks.id }).from(tracks).where(eq(tracks.slug, input.slug)).get()) throw new ActionError(`A track called “${input.slug}” already exists.`);
  db.transaction((tx) => {
    const [row] = tx.insert(tracks).values(input).returning({ id: tracks.id }).all();
    recordAudit(tx, { userId: editor.id, action: "track.create", entity: "track", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added the track ${input.name}.` };
});

export const createCategory = guardedAction({ roles: EDITOR, schema: newCategorySchema }, async (input, editor) => {
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

export const createSubject = guardedAction({ roles: EDITOR, schema: newSubjectSchema }, async (input, editor) => {
  const db = getDb();
  if (db.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, input.slug)).get()) throw new ActionError(`“${input.slug}” is already taken.`);
  db.transaction((tx) => {
    const [row] = tx.insert(subjects).values(input).returning({ id: subjects.id }).all();
    recordAudit(tx, { userId: editor.id, action: "subject.create", entity: "subject", entityId: row!.id, after: input });
  });
  refresh();
  return { ok: true, message: `Added ${input.name}${input.confidential ? " (confidential: never shown in public)" : ""}.` };
});

export const createSubjectEvent = guardedAction({ roles: EDITOR, schema: newSubjectEventSchema }, async (input, editor) => {
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

export const retireBenchmark = guardedAction({ roles: EDITOR, schema: retireBenchmarkSchema }, async (input, editor) => {
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

export const setScope = guardedAction({ roles: EDITOR, schema: benchmarkScopeSchema }, async (input, editor) => {
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

export const setConfidentiality = guardedAction({ roles: EDITOR, schema: confidentialitySchema }, async (input, editor) => {
  const [kind, slug] = input.target.split(":") as ["benchmark" | "subject", string];
  const table = kind === "benchmark" ? benchmarks : subjects;
  const db = getDb();
  const row = db.select({ id: table.id, confidential: table.confidential }).from(table).where(eq(table.slug, slug)).get();
  if (!row) throw new ActionError("Choose an existing benchmark, person or law.");
  const confidential = input.confidential === "yes";
  db.transaction((tx) => {
    tx.update(table).set({ confidential }).where(eq(table.id, row.id)).run();
    recordAudit(tx, { userId: editor.id, action: `${kind}.confidentiality`, entity: kind, entityId: row.id, before: { confidential: row.confidential }, after: { confidential } });
  });
  refresh();
  return { ok: true, message: confidential ? "Marked confidential: it no longer appears on any public page." : "No longer confidential: it appears on public pages again." };
});
