// Corrections of reference records (tracks, rounds, categories, people and laws, their events): what
// the edit forms on /editor/records/… send. Every form carries the record's version (the newest audit
// entry's id when it was opened), so that an edit made meanwhile refuses it.
import { z } from "zod";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS } from "../domain";
import { optionalWebUrlSchema } from "./url";

const slug = z.string().max(120, "Choose an existing record.").regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose an existing record.");
const isoDate = z.string().max(10, "Use a date like 2019-03-01.").regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2019-03-01.");
const optionalIsoDate = z.union([z.literal(""), isoDate]).transform((v) => v || null);
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `At most ${max.toLocaleString("en")} characters.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en")} characters.`)
    .transform((v) => v || null);
const longText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString("en")} characters.`).default("");

/** The version the form was opened at: reload and edit again when it is missing or not a number. */
export const versionSchema = z.coerce.number("Reload the page and make your change again.").int("Reload the page and make your change again.").min(0).max(Number.MAX_SAFE_INTEGER);

export const editTrackSchema = z.object({
  slug,
  version: versionSchema,
  name: text(200, "Give the track a name."),
  shortName: text(20, "Give a short name for chart labels (at most 20 characters)."),
  description: longText(1000),
  nameZh: optionalText(200),
  shortNameZh: optionalText(20),
  descriptionZh: optionalText(1000),
});

export const editRoundSchema = z
  .object({
    slug,
    version: versionSchema,
    name: text(200, "Give the round a name."),
    nameZh: optionalText(200),
    trackSlug: slug,
    startDate: isoDate,
    endDate: optionalIsoDate,
    datePrecision: z.enum(DATE_PRECISIONS, "Choose how precisely the date is known."),
    dateNote: longText(500),
    location: optionalText(200),
  })
  .refine((r) => !r.endDate || r.endDate >= r.startDate, { path: ["endDate"], message: "The end date is before the start date." });

export const editCategorySchema = z.object({
  slug,
  version: versionSchema,
  name: text(120, "Give the category a name."),
  description: longText(1000),
  nameZh: optionalText(120),
  descriptionZh: optionalText(1000),
  position: z.coerce.number("Give a whole number.").int("Give a whole number.").min(0, "Give a number from 0 to 9,999.").max(9999, "Give a number from 0 to 9,999."),
});

/** Other names, one per line: blank lines dropped, each trimmed, the same name once. */
export const aliasLinesSchema = z
  .string()
  .max(2000, "At most 2,000 characters of other names.")
  .default("")
  .transform((v) => [...new Set(v.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))])
  .refine((lines) => lines.every((line) => line.length <= 200), "Keep each name under 200 characters.");

export const editSubjectSchema = z.object({
  slug,
  version: versionSchema,
  name: text(200, "Give a name."),
  nameZh: optionalText(100),
  aliases: aliasLinesSchema,
  role: optionalText(200),
  roleZh: optionalText(200),
  article: optionalText(200),
  description: longText(2000),
  descriptionZh: optionalText(2000),
});

export const editSubjectEventSchema = z.object({
  eventId: z.coerce.number("Choose an existing event.").int("Choose an existing event.").min(1, "Choose an existing event.").max(Number.MAX_SAFE_INTEGER),
  version: versionSchema,
  kind: z.enum(SUBJECT_EVENT_KINDS, "Choose what happened."),
  occurredOn: isoDate,
  datePrecision: z.enum(DATE_PRECISIONS, "Choose how precisely the date is known."),
  description: text(1000, "Say what happened."),
  descriptionZh: optionalText(1000),
  sourceUrl: optionalWebUrlSchema,
});

export const deleteRecordSchema = z.object({
  entity: z.enum(["track", "round", "category", "subject"], "Choose a record to delete."),
  slug,
  version: versionSchema,
  confirm: z.literal("yes", "Tick the box to confirm the deletion."),
});

export const mergeSubjectSchema = z
  .object({
    slug,
    version: versionSchema,
    intoSlug: slug,
    confirm: z.literal("yes", "Tick the box to confirm the merge."),
  })
  .refine((m) => m.slug !== m.intoSlug, { path: ["intoSlug"], message: "Choose another record to merge into." });
