import { z } from "zod";
import { STATUSES } from "../domain";
import { collectEvidence, evidenceCellsSchema } from "./evidence";
import { webUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown item.").max(120);
const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2018-07-10.");

/** http(s) only: a javascript: or data: URL is never stored, so it can never become a link. */
export const evidenceUrlSchema = webUrlSchema;

export const rationaleSchema = z.string().trim().min(10, "Explain the score in at least 10 characters.").max(4000, "Keep the rationale under 4,000 characters.");

export const assessmentFormSchema = z
  .object({
    roundSlug: slug,
    benchmarkSlug: slug,
    expectedLatestId: z.coerce.number().int().min(0),
    status: z.enum(STATUSES, "Choose a status."),
    rationale: rationaleSchema,
    evidenceUrl: evidenceCellsSchema,
    evidenceTitle: evidenceCellsSchema,
    evidenceDate: evidenceCellsSchema,
  })
  .transform((input, ctx) => {
    const evidence = collectEvidence(input, ctx);
    const { evidenceUrl: _u, evidenceTitle: _t, evidenceDate: _d, ...rest } = input;
    return { ...rest, evidence };
  });

export type AssessmentForm = z.output<typeof assessmentFormSchema>;

/**
 * The JSON body of POST /api/v1/assessments: the review form's fields for a reviewer's tool.
 * Strict, so a misspelt field is refused by name rather than silently dropped.
 */
export const assessmentApiSchema = z.strictObject({
  round: slug,
  benchmark: slug,
  expectedLatestId: z.number("Give the id of your latest assessment you saw (0 for none).").int().min(0),
  status: z.enum(STATUSES, `Choose a status: ${STATUSES.join(", ")}.`),
  rationale: rationaleSchema,
  evidence: z
    .array(
      z.strictObject({
        url: evidenceUrlSchema,
        title: z.string().trim().min(1, "Give the evidence a title.").max(300, "Keep the title under 300 characters."),
        publishedOn: isoDate.nullable().default(null),
      }),
    )
    .max(20, "At most 20 evidence links.")
    .default([]),
});

export type AssessmentApiInput = z.output<typeof assessmentApiSchema>;
