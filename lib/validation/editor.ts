import { z } from "zod";
import { DATE_PRECISIONS, STATUSES, SUBJECT_EVENT_KINDS, SUBJECT_KINDS, type Status } from "../domain";
import { rationaleSchema } from "./assessment";
import { collectEvidence, evidenceCellsSchema } from "./evidence";
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

/** What an editor's decision keeps: a reviewer's assessment (its id) or "own", the editor's own ruling. */
export const OWN_RULING = "own";

export const decisionSchema = z
  .object({
    roundSlug: slug,
    benchmarkSlug: slug,
    expectedDecisionId: z.coerce.number("Reload the page and decide again.").int().min(0).max(Number.MAX_SAFE_INTEGER),
    stands: z.string().max(20, "Choose whose assessment stands, or your own ruling.").regex(/^(own|[1-9]\d{0,14})$/, "Choose whose assessment stands, or your own ruling."),
    status: z.union([z.literal(""), z.enum(STATUSES)], "Choose a status for your ruling.").default(""),
    rationale: z.string().trim().max(4000, "Keep the rationale under 4,000 characters.").default(""),
    evidenceUrl: evidenceCellsSchema,
    evidenceTitle: evidenceCellsSchema,
    evidenceDate: evidenceCellsSchema,
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
  })
  .transform((input, ctx) => {
    const { stands, status, rationale, evidenceUrl: _u, evidenceTitle: _t, evidenceDate: _d, ...rest } = input;
    const evidence = collectEvidence(input, ctx);
    if (stands !== OWN_RULING) return { ...rest, choice: { kind: "assessment" as const, assessmentId: Number(stands) } };
    if (status === "") ctx.addIssue({ code: "custom", path: ["status"], message: "Choose a status for your ruling." });
    const checked = rationaleSchema.safeParse(rationale);
    if (!checked.success) ctx.addIssue({ code: "custom", path: ["rationale"], message: `Your ruling's rationale: ${checked.error.issues[0]?.message}` });
    // With an issue added, zod returns the issues and this value is never used.
    return { ...rest, choice: { kind: "own" as const, status: status as Status, rationale, evidence } };
  });

/** The note a release carries to the public: what this publication does, in the editor's words. */
export const RELEASE_NOTE_MAX = 1000;

export const publishSchema = z.object({
  roundSlug: slug,
  note: z.string().trim().max(RELEASE_NOTE_MAX, `Keep the note to ${RELEASE_NOTE_MAX} characters.`).optional().default(""),
  confirm: z.literal("yes", "Tick the box to confirm publication."),
  // Asked only when the preview shows the round's figures would be preliminary.
  acceptPreliminary: z
    .literal("yes", "Tick the box, or leave it unticked.")
    .optional()
    .transform((v) => v === "yes"),
});

export const minCoverageSchema = z.object({
  minCoveragePercent: z.coerce.number("Give a whole number from 0 to 100.").int("Give a whole number from 0 to 100.").min(0, "Give a whole number from 0 to 100.").max(100, "Give a whole number from 0 to 100."),
});

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
