// An editor's corrections of any statement or benchmark (drafts included), and the merge of two
// benchmarks. The form sends the version it was opened at; the command refuses it when stale.
import { z } from "zod";
import { ADDRESSEES, DATE_PRECISIONS, STATEMENT_KINDS } from "../domain";
import { optionalWebUrlSchema } from "./url";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().max(120).regex(SLUG, "Unknown item.");
const optionalSlug = z.union([z.literal(""), slug]).transform((v) => v || null);
const version = z.coerce.number("Reload the page and edit again.").int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One signatory a line: "Name" or "Name | role". */
export function parseSignatories(text: string): Array<{ name: string; role: string | null }> {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...role] = line.split("|");
      return { name: name!.trim(), role: role.join("|").trim() || null };
    });
}

/** The list as the form and the history show it: the inverse of parseSignatories. */
export const signatoryLine = (s: { name: string; role: string | null }) => (s.role ? `${s.name} | ${s.role}` : s.name);

/** An optional Chinese field: blank is none. Always sent by the form, so that a form without it never clears one. */
const optionalZh = (max: number, message: string) =>
  z
    .string("Reload the page and edit again.")
    .trim()
    .max(max, message)
    .transform((v) => v || null);

export const editStatementSchema = z.object({
  slug,
  version,
  title: z.string().trim().min(3, "Give the statement's title.").max(300, "Keep the title under 300 characters."),
  titleZh: optionalZh(300, "Keep the Chinese title under 300 characters."),
  kind: z.enum(STATEMENT_KINDS, "Choose what kind of document it is."),
  date: z.string().max(10, "Use a date like 2015-08-10.").regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2015-08-10."),
  datePrecision: z.enum(DATE_PRECISIONS, "Choose how precise the date is."),
  language: z.string().trim().min(2, "Name the language, e.g. en or zh.").max(60),
  sourceUrl: optionalWebUrlSchema,
  roundSlug: optionalSlug,
  publishers: z
    .string()
    .max(2000, "Keep the publishers under 2,000 characters.")
    .transform((v) => [...new Set(v.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(200, "An organisation name is too long.")).max(30, "At most 30 publishers.")),
  signatories: z
    .string()
    .max(100_000, "Keep the signatories under 100,000 characters.")
    .default("")
    .transform(parseSignatories)
    .pipe(z.array(z.object({ name: z.string().min(1, "A signatory line has no name.").max(300, "A signatory's name is too long."), role: z.string().max(300, "A signatory's role is too long.").nullable() })).max(2000, "At most 2,000 signatories.")),
  summary: z.string().trim().max(2000, "Keep the summary under 2,000 characters.").default(""),
  summaryZh: optionalZh(2000, "Keep the Chinese summary under 2,000 characters."),
  fullText: z
    .string()
    .max(100_000, "Paste at most 100,000 characters.")
    .default("")
    .transform((v) => v.trim() || null),
});
export type StatementEditInput = z.output<typeof editStatementSchema>;

export const editBenchmarkSchema = z
  .object({
    slug,
    version,
    title: z.string().trim().min(5, "Give the benchmark a plain title.").max(200, "Keep the title under 200 characters."),
    titleZh: optionalZh(200, "Keep the Chinese title under 200 characters."),
    categorySlug: slug,
    addressee: z.enum(ADDRESSEES, "Choose whom the demand is addressed to."),
    appliesFromRoundSlug: slug,
    /** The tracks at whose rounds it is assessed; none ticked: every track. */
    scopeTrackSlugs: z.array(slug).max(20, "Tick at most 20 tracks.").default([]),
    subjectSlugs: z.array(slug).max(200, "Link at most 200 people and laws.").default([]),
    /** Each source's statement and its restated demand, in the same order. */
    demandStatement: z.array(slug).max(500).default([]),
    demand: z.array(z.string().trim().min(5, "Keep each demand's text (at least 5 characters).").max(2000, "Keep each demand under 2,000 characters.")).max(500).default([]),
    /** Each demand in Chinese, in the same order; blank where there is none. Left out entirely: the Chinese wordings stay as they are. */
    demandZh: z.array(z.string().trim().max(2000, "Keep each Chinese demand under 2,000 characters.")).max(500).optional(),
  })
  .refine((b) => b.demandStatement.length === b.demand.length, { path: ["demand"], message: "Reload the page: the demands sent do not match their statements." })
  .refine((b) => !b.demandZh || b.demandZh.length === b.demand.length, { path: ["demandZh"], message: "Reload the page: the Chinese demands sent do not match their statements." })
  .transform(({ demandStatement, demand, demandZh, ...rest }) => ({
    ...rest,
    demands: demandStatement.map((statementSlug, i) => ({ statementSlug, demand: demand[i]!, demandZh: demandZh ? demandZh[i] || null : undefined })),
  }));
export type BenchmarkEditInput = z.output<typeof editBenchmarkSchema>;

export const mergeBenchmarkSchema = z.object({
  slug,
  version,
  intoSlug: z.string().min(1, "Choose the benchmark to keep.").max(120).regex(SLUG, "Choose the benchmark to keep."),
  /** Where both were scored at one round: keep the kept benchmark's scores there. */
  keepTheirs: z
    .literal("yes", "Tick the box, or leave it unticked.")
    .optional()
    .transform((v) => v === "yes"),
});
export type BenchmarkMergeInput = z.output<typeof mergeBenchmarkSchema>;
