// Evidence links as forms send them: parallel lists of addresses, titles and dates, one row per link.
import { z } from "zod";
import { webUrlSchema } from "./url";

// Each raw evidence cell is bounded before the rows are put together, so no field reads more than 2,000 characters.
export const evidenceCellsSchema = z.array(z.string().max(2000, "Keep each evidence field under 2,000 characters.")).max(20, "At most 20 evidence links.").default([]);

export interface EvidenceCells {
  evidenceUrl: string[];
  evidenceTitle: string[];
  evidenceDate: string[];
}

/** The rows with anything in them, checked: http(s) address, a title, an optional ISO date. Problems go to `ctx`. */
export function collectEvidence(input: EvidenceCells, ctx: z.RefinementCtx): Array<{ url: string; title: string; publishedOn: string | null }> {
  const evidence: Array<{ url: string; title: string; publishedOn: string | null }> = [];
  input.evidenceUrl.forEach((rawUrl, i) => {
    const url = rawUrl.trim();
    const title = (input.evidenceTitle[i] ?? "").trim();
    const date = (input.evidenceDate[i] ?? "").trim();
    if (!url && !title && !date) return;
    const parsedUrl = webUrlSchema.safeParse(url);
    if (!parsedUrl.success) ctx.addIssue({ code: "custom", path: ["evidenceUrl"], message: `Evidence ${i + 1}: ${parsedUrl.error.issues[0]?.message}` });
    if (!title || title.length > 300) ctx.addIssue({ code: "custom", path: ["evidenceTitle"], message: `Evidence ${i + 1}: give a title of up to 300 characters.` });
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.addIssue({ code: "custom", path: ["evidenceDate"], message: `Evidence ${i + 1}: use a date like 2018-07-10.` });
    if (parsedUrl.success && title) evidence.push({ url: parsedUrl.data, title, publishedOn: date || null });
  });
  return evidence;
}
