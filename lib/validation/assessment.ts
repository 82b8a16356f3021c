import { z } from "zod";
import { STATUSES } from "../domain";
import { QUEUE_VIEWS } from "../review";
import { webUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown item.").max(120);
/** A benchmark named in a review page's address, e.g. the one just saved before "save and next". */
export const benchmarkSlugSchema = slug;
/** The review queue's view in its address; anything else shows the whole round. */
export const queueViewSchema = z.enum(QUEUE_VIEWS).catch("all");
// Each raw evidence cell is bounded before the rows are put together, so no field reads more than 2,000 characters.
const list = z.array(z.string().max(2000, "Keep each evidence field under 2,000 characters.")).max(20, "At most 20 evidence links.").default([]);
const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2018-07-10.");

/** http(s) only: a javascript: or data: URL is never stored, so it can never become a link. */
export const evidenceUrlSchema = webUrlSchema;

export const rationaleSchema = z.string().trim().min(10, "Explain the score in at least 10 characters.").max(4000, "Keep the rationale under 4,000 characters.");
const rationale = rationaleSchema;

const EVIDENCE_FIELDS = ["evidenceUrl", "evidenceTitle", "evidenceDate"] as const;
type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
type EvidenceColumns = Record<EvidenceField, string[]>;

/** The evidence rows from the form's three columns, empty rows dropped, and each row's problems named by its number. */
function readEvidenceRows(input: EvidenceColumns) {
  const evidence: Array<{ url: string; title: string; publishedOn: string | null }> = [];
  const issues: Array<{ field: EvidenceField; message: string }> = [];
  input.evidenceUrl.forEach((rawUrl, i) => {
    const url = rawUrl.trim();
    const title = (input.evidenceTitle[i] ?? "").trim();
    const date = (input.evidenceDate[i] ?? "").trim();
    if (!url && !title && !date) return;
    const parsedUrl = evidenceUrlSchema.safeParse(url);
    if (!parsedUrl.success) issues.push({ field: "evidenceUrl", message: `Evidence ${i + 1}: ${parsedUrl.error.issues[0]?.message}` });
    if (!title || title.length > 300) issues.push({ field: "evidenceTitle", message: `Evidence ${i + 1}: give a title of up to 300 characters.` });
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) issues.push({ field: "evidenceDate", message: `Evidence ${i + 1}: use a date like 2018-07-10.` });
    if (parsedUrl.success && title) evidence.push({ url: parsedUrl.data, title, publishedOn: date || null });
  });
  return { evidence, issues };
}

const hasEvidenceColumns = (value: unknown): value is EvidenceColumns =>
  typeof value === "object" && value !== null && EVIDENCE_FIELDS.every((f) => Array.isArray((value as Record<string, unknown>)[f]));

export const assessmentFormSchema = z
  .object({
    roundSlug: slug,
    benchmarkSlug: slug,
    expectedLatestId: z.coerce.number().int().min(0),
    status: z.enum(STATUSES, "Choose a status."),
    rationale,
    // The form's checkbox: sent as "yes" when ticked, absent otherwise.
    publicRecord: z.literal("yes", "Tick the box or leave it empty.").optional(),
    evidenceUrl: list,
    evidenceTitle: list,
    evidenceDate: list,
    // Which submit button was pressed: stay on the saved form, or go on to the next benchmark to score.
    afterSave: z.enum(["stay", "next"]).default("stay"),
  })
  .superRefine(
    (input, ctx) => {
      for (const issue of readEvidenceRows(input).issues) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    },
    // The rows are checked even when another field failed, so one answer names every problem.
    { when: (payload) => hasEvidenceColumns(payload.value) && !payload.issues.some((i) => (EVIDENCE_FIELDS as readonly PropertyKey[]).includes(i.path?.[0] ?? "")) },
  )
  .transform((input) => {
    const { evidenceUrl: _u, evidenceTitle: _t, evidenceDate: _d, ...rest } = input;
    return { ...rest, publicRecord: rest.publicRecord === "yes", evidence: readEvidenceRows(input).evidence };
  });

export type AssessmentForm = z.output<typeof assessmentFormSchema>;

/** A bulk carry-forward covers at most this many benchmarks per request. */
export const CARRY_FORWARD_LIMIT = 500;

/**
 * The queue's bulk carry-forward: each chosen benchmark as "slug:latest id when the page was opened",
 * so one scored since then is skipped rather than overwritten.
 */
export const carryForwardSchema = z.object({
  roundSlug: slug,
  chosen: z
    .array(
      z
        .string()
        .max(140, "Unknown benchmark.")
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*:\d{1,12}$/, "Unknown benchmark.")
        .transform((value) => {
          const [benchmarkSlug, id] = value.split(":");
          return { benchmarkSlug: benchmarkSlug!, expectedLatestId: Number(id) };
        }),
      "Choose at least one benchmark to carry forward.",
    )
    .min(1, "Choose at least one benchmark to carry forward.")
    .max(CARRY_FORWARD_LIMIT, `Carry forward at most ${CARRY_FORWARD_LIMIT} benchmarks at once.`),
});

export type CarryForwardForm = z.output<typeof carryForwardSchema>;

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
  publicRecord: z.boolean("Say true or false: does the rationale rest on public record?").default(false),
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

/** The form's evidence errors, each "Evidence N: …", by row number (1-based), so each shows beside its row (the message keeps its row number). */
export function evidenceErrorsByRow(errors: Partial<Record<"evidenceUrl" | "evidenceTitle" | "evidenceDate", string[]>>) {
  const byRow = new Map<number, { url: string[]; title: string[]; date: string[] }>();
  for (const [field, key] of [["evidenceUrl", "url"], ["evidenceTitle", "title"], ["evidenceDate", "date"]] as const) {
    for (const message of errors[field] ?? []) {
      // "Evidence 2: …", or the same in Chinese ("证据 2：…").
      const match = /^(?:Evidence |证据 )(\d+)[:：] ?/.exec(message);
      const row = match ? Number(match[1]) : 1;
      const entry = byRow.get(row) ?? { url: [], title: [], date: [] };
      entry[key].push(message);
      byRow.set(row, entry);
    }
  }
  return byRow;
}
