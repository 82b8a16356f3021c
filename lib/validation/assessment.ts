import { z } from "zod";
import { STATUSES } from "../domain";
import { webUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown item.").max(120);
// Each raw evidence cell is bounded before the rows are put together, so no field reads more than 2,000 characters.
const list = z.array(z.string().max(2000, "Keep each evidence field under 2,000 characters.")).max(20, "At most 20 evidence links.").default([]);
const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2018-07-10.");

/** http(s) only: a javascript: or data: URL is never stored, so it can never become a link. */
export const evidenceUrlSchema = webUrlSchema;

const rationale = z.string().trim().min(10, "Explain the score in at least 10 characters.").max(4000, "Keep the rationale under 4,000 characters.");

export const assessmentFormSchema = z
  .object({
    roundSlug: slug,
    benchmarkSlug: slug,
    expectedLatestId: z.coerce.number().int().min(0),
    status: z.enum(STATUSES, "Choose a status."),
    rationale,
    evidenceUrl: list,
    evidenceTitle: list,
    evidenceDate: list,
  })
  .transform((input, ctx) => {
    const evidence: Array<{ url: string; title: string; publishedOn: string | null }> = [];
    input.evidenceUrl.forEach((rawUrl, i) => {
      const url = rawUrl.trim();
      const title = (input.evidenceTitle[i] ?? "").trim();
      const date = (input.evidenceDate[i] ?? "").trim();
      if (!url && !title && !date) return;
      const parsedUrl = evidenceUrlSchema.safeParse(url);
      if (!parsedUrl.success) ctx.addIssue({ code: "custom", path: ["evidenceUrl"], message: `Evidence ${i + 1}: ${parsedUrl.error.issues[0]?.message}` });
      if (!title || title.length > 300) ctx.addIssue({ code: "custom", path: ["evidenceTitle"], message: `Evidence ${i + 1}: give a title of up to 300 characters.` });
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.addIssue({ code: "custom", path: ["evidenceDate"], message: `Evidence ${i + 1}: use a date like 2018-07-10.` });
      if (parsedUrl.success && title) evidence.push({ url: parsedUrl.data, title, publishedOn: date || null });
    });
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
  rationale,
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
