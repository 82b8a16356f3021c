import { z } from "zod";
import { DATE_PRECISIONS } from "../domain";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens.").max(120);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2019-03-01.");
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
