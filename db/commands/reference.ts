import "server-only";
// What an editor adds or changes in the reference data: tracks, rounds, categories, people and laws,
// their events, a benchmark's retirement. Each checks what it needs and writes its audit entry in
// the same transaction; a refusal is a ReferenceDataError, its catalogue code beside the English message.
import { count, eq } from "drizzle-orm";
import { CodedRefusal } from "@/lib/refusal";
import type { z } from "zod";
import type { deadlineSchema, newCategorySchema, newRoundSchema, newSubjectEventSchema, newSubjectSchema, newTrackSchema, retireBenchmarkSchema } from "@/lib/validation/editor";
import { recordAudit } from "./audit";
import { benchmarks, categories, rounds, subjectEvents, subjects, tracks } from "../schema";
import { transaction, type Executor } from "../transaction";
import { firstRow } from "../dialect";

export class ReferenceDataError extends CodedRefusal {}

/** A deletion refused because something refers to the record: what refers to it, kept for the message in the page's language. */
export class ReferencedRecordError extends ReferenceDataError {
  constructor(
    readonly kind: string,
    readonly references: ReadonlyArray<{ what: string; count: number }>,
    readonly retire: string,
    message: string,
  ) {
    // Said from its parts (server/i18n/refusals.ts), not from the code's values alone.
    super("referenced", message);
  }
}

async function trackIdOf(tx: Executor, slug: string): Promise<number | undefined> {
  return (await firstRow(tx.select({ id: tracks.id }).from(tracks).where(eq(tracks.slug, slug)).limit(1)))?.id;
}

export async function createTrack(db: Executor, input: z.output<typeof newTrackSchema>, editorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    if (await trackIdOf(tx, input.slug)) throw new ReferenceDataError("trackExists", `A track called “${input.slug}” already exists.`, { slug: input.slug });
    const [row] = await tx.insert(tracks).values(input).returning({ id: tracks.id });
    await recordAudit(tx, { userId: editorId, action: "track.create", entity: "track", entityId: row!.id, after: input });
  });
}

export async function createRound(db: Executor, input: z.output<typeof newRoundSchema>, editorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    const trackId = await trackIdOf(tx, input.trackSlug);
    if (!trackId) throw new ReferenceDataError("chooseTrack", "Choose an existing track.");
    if (await firstRow(tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, input.slug)).limit(1))) throw new ReferenceDataError("roundExists", `A round called “${input.slug}” already exists.`, { slug: input.slug });
    const { trackSlug: _track, ...values } = input;
    const [row] = await tx
      .insert(rounds)
      .values({ ...values, trackId })
      .returning({ id: rounds.id });
    await recordAudit(tx, { userId: editorId, action: "round.create", entity: "round", entityId: row!.id, after: input });
  });
}

/** Sets or removes (null) the date after which a round's scoring closes; answers the round's name for the message. */
export async function setScoringDeadline(db: Executor, input: z.output<typeof deadlineSchema>, editorId: string): Promise<{ roundName: string }> {
  return transaction(db, async (tx) => {
    const round = await firstRow(tx.select({ id: rounds.id, name: rounds.name, scoringDeadline: rounds.scoringDeadline }).from(rounds).where(eq(rounds.slug, input.roundSlug)).limit(1));
    if (!round) throw new ReferenceDataError("noRound", "No such round.");
    await tx.update(rounds).set({ scoringDeadline: input.scoringDeadline }).where(eq(rounds.id, round.id));
    await recordAudit(tx, { userId: editorId, action: "round.deadline", entity: "round", entityId: round.id, before: { scoringDeadline: round.scoringDeadline }, after: { scoringDeadline: input.scoringDeadline } });
    return { roundName: round.name };
  });
}

/** A new category goes last in the list. */
export async function createCategory(db: Executor, input: z.output<typeof newCategorySchema>, editorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    if (await firstRow(tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.slug)).limit(1))) throw new ReferenceDataError("categoryExists", `A category called “${input.slug}” already exists.`, { slug: input.slug });
    const existing = (await firstRow(tx.select({ n: count() }).from(categories).limit(1)))?.n ?? 0;
    const [row] = await tx
      .insert(categories)
      .values({ ...input, position: existing + 1 })
      .returning({ id: categories.id });
    await recordAudit(tx, { userId: editorId, action: "category.create", entity: "category", entityId: row!.id, after: input });
  });
}

/** A person, law or practice; a confidential one never reaches a public surface. */
export async function createSubject(db: Executor, input: z.output<typeof newSubjectSchema>, editorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    if (await firstRow(tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, input.slug)).limit(1))) throw new ReferenceDataError("slugTaken", `“${input.slug}” is already taken.`, { slug: input.slug });
    const [row] = await tx.insert(subjects).values(input).returning({ id: subjects.id });
    await recordAudit(tx, { userId: editorId, action: "subject.create", entity: "subject", entityId: row!.id, after: input });
  });
}

/** Something that happened to a person or law (a detention, a release, an amendment); answers the subject's name. */
export async function createSubjectEvent(db: Executor, input: z.output<typeof newSubjectEventSchema>, editorId: string): Promise<{ subjectName: string }> {
  return transaction(db, async (tx) => {
    const subject = await firstRow(tx.select({ id: subjects.id, name: subjects.name }).from(subjects).where(eq(subjects.slug, input.subjectSlug)).limit(1));
    if (!subject) throw new ReferenceDataError("chooseSubject", "Choose an existing person or law.");
    const { subjectSlug: _slug, ...values } = input;
    const [row] = await tx
      .insert(subjectEvents)
      .values({ ...values, subjectId: subject.id })
      .returning({ id: subjectEvents.id });
    await recordAudit(tx, { userId: editorId, action: "subject_event.create", entity: "subject_event", entityId: row!.id, after: input });
    return { subjectName: subject.name };
  });
}

/** From `retiredOn`, later rounds no longer count the benchmark; its history stays. Answers its title. */
export async function retireBenchmark(db: Executor, input: z.output<typeof retireBenchmarkSchema>, editorId: string): Promise<{ title: string }> {
  return transaction(db, async (tx) => {
    const benchmark = await firstRow(tx
      .select({ id: benchmarks.id, title: benchmarks.title, retiredOn: benchmarks.retiredOn, retiredReason: benchmarks.retiredReason })
      .from(benchmarks)
      .where(eq(benchmarks.slug, input.benchmarkSlug))
      .limit(1));
    if (!benchmark) throw new ReferenceDataError("chooseBenchmark", "Choose an existing benchmark.");
    await tx.update(benchmarks).set({ retiredOn: input.retiredOn, retiredReason: input.retiredReason }).where(eq(benchmarks.id, benchmark.id));
    await recordAudit(tx, {
      userId: editorId,
      action: "benchmark.retire",
      entity: "benchmark",
      entityId: benchmark.id,
      before: { retiredOn: benchmark.retiredOn, retiredReason: benchmark.retiredReason },
      after: { retiredOn: input.retiredOn, retiredReason: input.retiredReason },
    });
    return { title: benchmark.title };
  });
}
