import "server-only";
// Corrections of reference records: tracks, rounds, categories, people and laws and their events;
// deleting one that nothing refers to; merging two people (or two laws). Each refuses a form opened
// before another change (assertUnchangedSince), writes one audit entry with what changed (recordEdit),
// and refuses in words (ReferenceDataError) what it will not do.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { FieldChange } from "@/lib/record-changes";
import type { deleteRecordSchema, editCategorySchema, editRoundSchema, editSubjectEventSchema, editSubjectSchema, editTrackSchema, mergeSubjectSchema } from "@/lib/validation/records-reference";
import { recordAudit } from "./audit";
import { assertUnchangedSince, recordEdit } from "./record-edits";
import { ReferenceDataError, ReferencedRecordError } from "./reference";
import {
  describeReferences,
  getCategoryRecord,
  getRoundRecord,
  getSubjectEventRecord,
  getSubjectRecord,
  getTrackRecord,
  isCategoryPublished,
  isTrackPublished,
  listCategoryReferences,
  listRoundReferences,
  listSubjectReferences,
  listTrackReferences,
  type References,
  type SubjectRecord,
} from "../queries/reference-records";
import { benchmarkSubjects, categories, rounds, subjectEvents, subjects, tracks } from "../schema";
import { transaction, type Executor } from "../transaction";
import { firstRow } from "../dialect";

export interface EditResult {
  /** What the record is called, for the message. */
  name: string;
  changes: FieldChange[];
}

const TRACK_PUBLIC = ["name", "shortName", "description", "nameZh", "shortNameZh", "descriptionZh"];
const ROUND_PUBLIC = ["name", "nameZh", "track", "startDate", "endDate", "datePrecision", "dateNote", "location"];
const CATEGORY_PUBLIC = ["name", "description", "nameZh", "descriptionZh", "position"];
// Aliases are never shown: they are the other spellings withheld with a confidential name.
const SUBJECT_PUBLIC = ["name", "nameZh", "role", "roleZh", "article", "description", "descriptionZh"];
const EVENT_PUBLIC = ["kind", "occurredOn", "datePrecision", "description", "descriptionZh", "sourceUrl"];

export async function editTrack(db: Executor, input: z.output<typeof editTrackSchema>, editorId: string): Promise<EditResult> {
  return transaction(db, async (tx) => {
    const track = await getTrackRecord(tx, input.slug);
    if (!track) throw new ReferenceDataError("noTrack", "No such track.");
    const record = { entity: "track" as const, id: track.id };
    await assertUnchangedSince(tx, record, input.version);
    const after = { name: input.name, shortName: input.shortName, description: input.description, nameZh: input.nameZh, shortNameZh: input.shortNameZh, descriptionZh: input.descriptionZh };
    await tx.update(tracks).set(after).where(eq(tracks.id, track.id));
    const changes = await recordEdit(tx, {
      userId: editorId,
      record,
      before: { name: track.name, shortName: track.shortName, description: track.description, nameZh: track.nameZh, shortNameZh: track.shortNameZh, descriptionZh: track.descriptionZh },
      after,
      publicFields: TRACK_PUBLIC,
      published: await isTrackPublished(tx, track.id),
    });
    return { name: input.name, changes };
  });
}

/** A round's name, dates, place and track; a published round's figures are recounted by the action's refresh. */
export async function editRound(db: Executor, input: z.output<typeof editRoundSchema>, editorId: string): Promise<EditResult> {
  return transaction(db, async (tx) => {
    const round = await getRoundRecord(tx, input.slug);
    if (!round) throw new ReferenceDataError("noRound", "No such round.");
    const record = { entity: "round" as const, id: round.id };
    await assertUnchangedSince(tx, record, input.version);
    const track = await firstRow(tx.select({ id: tracks.id }).from(tracks).where(eq(tracks.slug, input.trackSlug)).limit(1));
    if (!track) throw new ReferenceDataError("chooseTrack", "Choose an existing track.");
    const fields = { name: input.name, nameZh: input.nameZh, startDate: input.startDate, endDate: input.endDate, datePrecision: input.datePrecision, dateNote: input.dateNote, location: input.location };
    await tx
      .update(rounds)
      .set({ ...fields, trackId: track.id })
      .where(eq(rounds.id, round.id));
    const changes = await recordEdit(tx, {
      userId: editorId,
      record,
      before: { name: round.name, nameZh: round.nameZh, track: round.trackSlug, startDate: round.startDate, endDate: round.endDate, datePrecision: round.datePrecision, dateNote: round.dateNote, location: round.location },
      after: { name: fields.name, nameZh: fields.nameZh, track: input.trackSlug, startDate: fields.startDate, endDate: fields.endDate, datePrecision: fields.datePrecision, dateNote: fields.dateNote, location: fields.location },
      publicFields: ROUND_PUBLIC,
      published: round.publishedAt !== null,
    });
    return { name: input.name, changes };
  });
}

export async function editCategory(db: Executor, input: z.output<typeof editCategorySchema>, editorId: string): Promise<EditResult> {
  return transaction(db, async (tx) => {
    const category = await getCategoryRecord(tx, input.slug);
    if (!category) throw new ReferenceDataError("noCategory", "No such category.");
    const record = { entity: "category" as const, id: category.id };
    await assertUnchangedSince(tx, record, input.version);
    const after = { name: input.name, description: input.description, nameZh: input.nameZh, descriptionZh: input.descriptionZh, position: input.position };
    await tx.update(categories).set(after).where(eq(categories.id, category.id));
    const changes = await recordEdit(tx, {
      userId: editorId,
      record,
      before: { name: category.name, description: category.description, nameZh: category.nameZh, descriptionZh: category.descriptionZh, position: category.position },
      after,
      publicFields: CATEGORY_PUBLIC,
      published: await isCategoryPublished(tx, category.id),
    });
    return { name: input.name, changes };
  });
}

/** Whether the public sees a person or law: it has a public page while it is not confidential and not merged away. */
const subjectPublished = (subject: Pick<SubjectRecord, "confidential" | "mergedInto">) => !subject.confidential && subject.mergedInto === null;

/**
 * A person's or law's names, other names, role or article and description. A confidential one keeps
 * every name it had among its other names, so that a renaming never lets the old name through in a
 * public text that still says it.
 */
export async function editSubject(db: Executor, input: z.output<typeof editSubjectSchema>, editorId: string): Promise<EditResult & { keptAsAliases: string[] }> {
  return transaction(db, async (tx) => {
    const subject = await getSubjectRecord(tx, input.slug);
    if (!subject) throw new ReferenceDataError("noSubject", "No such person or law.");
    if (subject.mergedInto) throw new ReferenceDataError("subjectMergedCorrect", `This record was merged into ${subject.mergedInto.name}: correct that one instead.`, { name: subject.mergedInto.name });
    const record = { entity: "subject" as const, id: subject.id };
    await assertUnchangedSince(tx, record, input.version);
    const newNames = new Set([input.name, input.nameZh ?? ""]);
    const keptAsAliases = subject.confidential ? [subject.name, subject.nameZh ?? ""].filter((n) => n && !newNames.has(n) && !input.aliases.includes(n)) : [];
    const aliases = [...input.aliases, ...keptAsAliases];
    const after = { name: input.name, nameZh: input.nameZh, aliases, role: input.role, roleZh: input.roleZh, article: input.article, description: input.description, descriptionZh: input.descriptionZh };
    await tx
      .update(subjects)
      .set({ ...after, aliases: aliases.join("\n") })
      .where(eq(subjects.id, subject.id));
    const changes = await recordEdit(tx, {
      userId: editorId,
      record,
      before: { name: subject.name, nameZh: subject.nameZh, aliases: subject.aliases, role: subject.role, roleZh: subject.roleZh, article: subject.article, description: subject.description, descriptionZh: subject.descriptionZh },
      after,
      publicFields: SUBJECT_PUBLIC,
      published: subjectPublished(subject),
    });
    return { name: input.name, changes, keptAsAliases };
  });
}

/** One dated event of a person or law; its version is its own (entity "subject_event"). */
export async function editSubjectEvent(db: Executor, input: z.output<typeof editSubjectEventSchema>, editorId: string): Promise<EditResult> {
  return transaction(db, async (tx) => {
    const event = await getSubjectEventRecord(tx, input.eventId);
    if (!event) throw new ReferenceDataError("noEvent", "No such event.");
    const subject = await firstRow(tx.select({ name: subjects.name, confidential: subjects.confidential, mergedIntoId: subjects.mergedIntoId }).from(subjects).where(eq(subjects.id, event.subjectId)).limit(1));
    const record = { entity: "subject_event" as const, id: event.id };
    await assertUnchangedSince(tx, record, input.version);
    const after = { kind: input.kind, occurredOn: input.occurredOn, datePrecision: input.datePrecision, description: input.description, descriptionZh: input.descriptionZh, sourceUrl: input.sourceUrl };
    await tx.update(subjectEvents).set(after).where(eq(subjectEvents.id, event.id));
    const changes = await recordEdit(tx, {
      userId: editorId,
      record,
      before: { kind: event.kind, occurredOn: event.occurredOn, datePrecision: event.datePrecision, description: event.description, descriptionZh: event.descriptionZh, sourceUrl: event.sourceUrl },
      after,
      publicFields: EVENT_PUBLIC,
      published: Boolean(subject && !subject.confidential && subject.mergedIntoId === null && !event.withheld),
    });
    return { name: subject?.name ?? "the record", changes };
  });
}

const refusal = (kind: string, refs: References, retire: string) =>
  new ReferencedRecordError(kind, refs, retire, `This ${kind} cannot be deleted: ${describeReferences(refs)} refer to it. Only a record nothing refers to is deleted; ${retire}`);

/**
 * Deletes a track, round, category, person or law that nothing refers to, with an audit entry keeping
 * what it was. Anything referenced stays: the refusal says what refers to it.
 */
export async function deleteReferenceRecord(db: Executor, input: z.output<typeof deleteRecordSchema>, editorId: string): Promise<{ name: string }> {
  return transaction(db, async (tx) => {
    switch (input.entity) {
      case "track": {
        const track = await getTrackRecord(tx, input.slug);
        if (!track) throw new ReferenceDataError("noTrack", "No such track.");
        await assertUnchangedSince(tx, { entity: "track", id: track.id }, input.version);
        const refs = await listTrackReferences(tx, track.id);
        if (refs.length) throw refusal("track", refs, "it stays as it is.");
        await tx.delete(tracks).where(eq(tracks.id, track.id));
        await recordAudit(tx, { userId: editorId, action: "track.delete", entity: "track", entityId: track.id, before: { slug: track.slug, name: track.name, shortName: track.shortName, description: track.description } });
        return { name: track.name };
      }
      case "round": {
        const round = await getRoundRecord(tx, input.slug);
        if (!round) throw new ReferenceDataError("noRound", "No such round.");
        await assertUnchangedSince(tx, { entity: "round", id: round.id }, input.version);
        const refs = await listRoundReferences(tx, round.id);
        if (refs.length) throw refusal("round", refs, "it stays as it is.");
        if (round.publishedAt) throw new ReferenceDataError("roundPublished", "This round was published: its public page stays, so it cannot be deleted.");
        await tx.delete(rounds).where(eq(rounds.id, round.id));
        const { id: _id, publishedAt: _p, trackName: _t, ...before } = round;
        await recordAudit(tx, { userId: editorId, action: "round.delete", entity: "round", entityId: round.id, before });
        return { name: round.name };
      }
      case "category": {
        const category = await getCategoryRecord(tx, input.slug);
        if (!category) throw new ReferenceDataError("noCategory", "No such category.");
        await assertUnchangedSince(tx, { entity: "category", id: category.id }, input.version);
        const refs = await listCategoryReferences(tx, category.id);
        if (refs.length) throw refusal("category", refs, "a category with benchmarks stays (retire its benchmarks instead).");
        await tx.delete(categories).where(eq(categories.id, category.id));
        const { id: _id, ...before } = category;
        await recordAudit(tx, { userId: editorId, action: "category.delete", entity: "category", entityId: category.id, before });
        return { name: category.name };
      }
      case "subject": {
        const subject = await getSubjectRecord(tx, input.slug);
        if (!subject) throw new ReferenceDataError("noSubject", "No such person or law.");
        await assertUnchangedSince(tx, { entity: "subject", id: subject.id }, input.version);
        if (subject.mergedInto) throw new ReferenceDataError("subjectMergedStays", `This record was merged into ${subject.mergedInto.name}: it stays, so that its old address leads there.`, { name: subject.mergedInto.name });
        const refs = await listSubjectReferences(tx, subject.id);
        if (refs.length) throw refusal(subject.kind === "person" ? "person" : "record", refs, "a person or law named by a benchmark or with events stays (merge a duplicate into the right record instead).");
        await tx.delete(subjects).where(eq(subjects.id, subject.id));
        const { id: _id, mergedInto: _m, ...before } = subject;
        await recordAudit(tx, { userId: editorId, action: "subject.delete", entity: "subject", entityId: subject.id, before });
        return { name: subject.name };
      }
    }
  });
}

export interface MergeResult {
  merged: string;
  kept: string;
  keptSlug: string;
  benchmarks: number;
  events: number;
  /** Whether the kept record is confidential because the merged one was. */
  madeConfidential: boolean;
}

/**
 * Merges a person or law (`slug`) into another of the same kind (`intoSlug`): its benchmark links and
 * events move to the kept one, its names join the kept one's other names, and it keeps its row with
 * merged_into_id set, so that it leaves every list and its old public address redirects. If either is
 * confidential the kept one ends confidential: a merge never makes a confidential name public.
 */
export async function mergeSubject(db: Executor, input: z.output<typeof mergeSubjectSchema>, editorId: string): Promise<MergeResult> {
  return transaction(db, async (tx) => {
    const [from, into] = await Promise.all([getSubjectRecord(tx, input.slug), getSubjectRecord(tx, input.intoSlug)]);
    if (!from) throw new ReferenceDataError("noSubject", "No such person or law.");
    if (!into) throw new ReferenceDataError("chooseMergeTarget", "Choose an existing record to merge into.");
    if (from.mergedInto) throw new ReferenceDataError("alreadyMerged", `This record was already merged into ${from.mergedInto.name}.`, { name: from.mergedInto.name });
    if (into.mergedInto) throw new ReferenceDataError("targetMerged", `${into.name} was itself merged into ${into.mergedInto.name}: merge into that one.`, { name: into.name, other: into.mergedInto.name });
    if (from.kind !== into.kind) throw new ReferenceDataError("sameKind", `Only records of the same kind merge: this is a ${from.kind}, ${into.name} a ${into.kind}.`, { kind: { word: from.kind }, name: into.name, other: { word: into.kind } });
    await assertUnchangedSince(tx, { entity: "subject", id: from.id }, input.version);

    const links = await tx.select({ benchmarkId: benchmarkSubjects.benchmarkId }).from(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, from.id));
    if (links.length) {
      await tx
        .insert(benchmarkSubjects)
        .values(links.map((l) => ({ benchmarkId: l.benchmarkId, subjectId: into.id })))
        .onConflictDoNothing();
      await tx.delete(benchmarkSubjects).where(eq(benchmarkSubjects.subjectId, from.id));
    }
    const events = await tx.update(subjectEvents).set({ subjectId: into.id }).where(eq(subjectEvents.subjectId, from.id)).returning({ id: subjectEvents.id });
    // Records merged into this one earlier now lead to the kept one, so that an old address needs one step.
    await tx.update(subjects).set({ mergedIntoId: into.id }).where(eq(subjects.mergedIntoId, from.id));

    const ownNames = new Set([into.name, into.nameZh ?? ""]);
    const aliases = [...new Set([...into.aliases, from.name, from.nameZh ?? "", ...from.aliases])].filter((n) => n && !ownNames.has(n));
    const confidential = into.confidential || from.confidential;
    await tx
      .update(subjects)
      .set({ aliases: aliases.join("\n"), confidential })
      .where(eq(subjects.id, into.id));
    await tx.update(subjects).set({ mergedIntoId: into.id }).where(eq(subjects.id, from.id));

    await recordAudit(tx, {
      userId: editorId,
      action: "subject.merge-into",
      entity: "subject",
      entityId: from.id,
      before: { mergedInto: null },
      after: { mergedInto: into.slug, benchmarks: links.length, events: events.length },
    });
    await recordAudit(tx, {
      userId: editorId,
      action: "subject.merge-from",
      entity: "subject",
      entityId: into.id,
      before: { aliases: into.aliases, confidential: into.confidential },
      after: { aliases, confidential, mergedFrom: from.slug },
    });
    return { merged: from.name, kept: into.name, keptSlug: into.slug, benchmarks: links.length, events: events.length, madeConfidential: confidential && !into.confidential };
  });
}
