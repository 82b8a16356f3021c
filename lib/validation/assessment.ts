import { z } from "zod";
import { STATUSES } from "../domain";
import { webUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown item.").max(120);
const list = z.array(z.string()).max(20, "At most 20 evidence links.").default([]);

/** http(s) only: a javascript: or data: URL is never stored, so it can never become a link. */
export const evidenceUrlSchema = webUrlSchema;

export const assessmentFormSchema = z
  .object({
    roundSlug: slug,
    benchmarkSlug: slug,
    expectedLatestId: z.coerce.number().int().min(0),
    status: z.enum(STATUSES, "Choose a status."),
    rationale: z.string().trim().min(10, "Explain the score in at least 10 characters.").max(4000, "Keep the rationale under 4,000 characters."),
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
