import { z } from "zod";
import { DATE_PRECISIONS, SUBJECT_EVENT_KINDS, SUBJECT_KINDS } from "../domain";
import { optionalWebUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens.").max(120);
const isoDate = z.string().max(10, "Use a date like 2019-03-01.").regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2019-03-01.");
const optionalIsoDate = z.union([z.literal(""), isoDate]).transform((v) => v || null);

export const newRoundSchema = z
  .object({
    trackSlug: slug,
    slug,
    name: z.string().trim().min(3, "Give the round a name.").max(200),
    location: z.string().trim().max(200).transform((v) => v || null),
    startDate: isoDate,
    endDate: optionalIsoDate,
    datePrecision: z.enum(DATE_PRECISIONS),
    scoringDeadline: optionalIsoDate,
  })
  .refine((r) => !r.endDate || r.endDate >= r.startDate, { path: ["endDate"], message: "The end date is before the start date." });

export const deadlineSchema = z.object({ roundSlug: slug, scoringDeadline: optionalIsoDate });

export const decisionSchema = z.object({
  roundSlug: slug,
  benchmarkSlug: slug,
  assessmentId: z.coerce.number().int().positive("Choose whose assessment stands."),
  note: z.string().trim().max(2000).default(""),
});

export const publishSchema = z.object({ roundSlug: slug, confirm: z.literal("yes", "Tick the box to confirm publication.") });

const text = (max: number, message = "Required.") => z.string().trim().min(1, message).max(max);
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null);

export const newTrackSchema = z.object({ slug, name: text(200, "Give the track a name."), shortName: text(20, "Give a short name for chart labels."), description: z.string().trim().max(1000).default("") });

export const newCategorySchema = z.object({ slug, name: text(120, "Give the category a name."), description: z.string().trim().max(1000).default("") });

export const newSubjectSchema = z.object({
  kind: z.enum(SUBJECT_KINDS, "Choose person, law or practice."),
  slug,
  name: text(200, "Give a name."),
  nameZh: optionalText(100),
  role: optionalText(200),
  article: optionalText(200),
  description: z.string().trim().max(2000).default(""),
  confidential: z.literal("yes").optional().transform((v) => v === "yes"),
});

export const newSubjectEventSchema = z.object({
  subjectSlug: slug,
  kind: z.enum(SUBJECT_EVENT_KINDS, "Choose what happened."),
  occurredOn: isoDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  description: text(1000, "Say what happened."),
  sourceUrl: optionalWebUrlSchema,
});

export const retireBenchmarkSchema = z.object({
  benchmarkSlug: slug,
  retiredOn: isoDate,
  retiredReason: text(500, "Give the reason, e.g. the person died in custody."),
});

export const benchmarkScopeSchema = z.object({
  benchmarkSlug: slug,
  /** None ticked: assessed at every track's rounds, tracks added later included. */
  scopeTrackSlugs: z.array(slug).max(20, "Tick at most 20 tracks.").default([]),
});

export const confidentialitySchema = z.object({
  target: z.string().max(130, "Choose a benchmark or a person or law.").regex(/^(benchmark|subject):[a-z0-9-]+$/, "Choose a benchmark or a person or law."),
  confidential: z.enum(["yes", "no"], "Choose whether it is confidential."),
  /** Other names and spellings of a person or law, one per line; left as they were when empty. */
  aliases: z.string().trim().max(2000, "At most 2,000 characters of other names.").default(""),
});

/** The texts db/queries/confidential-texts.ts reads, by field name. */
export const REDACTABLE_FIELDS = ["title", "summary", "source_url", "slug", "name", "name_zh", "role", "article", "description", "demand", "retired_reason", "rationale", "url"] as const;

export const redactionDecisionSchema = z.object({
  record: z
    .string()
    .max(60, "Choose a text from the list.")
    .regex(/^(statement|signatory|benchmark_source|subject_event|benchmark|subject|score|evidence):\d{1,12}(:\d{1,12})?$/, "Choose a text from the list."),
  field: z.enum(REDACTABLE_FIELDS, "Choose a text from the list."),
  decision: z.enum(["redact", "hide", "show"], "Choose whether to keep the name withheld, hide the record or show it again."),
});
