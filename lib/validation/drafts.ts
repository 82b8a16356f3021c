import { z } from "zod";
import { ADDRESSEES, DATE_PRECISIONS, STATEMENT_KINDS } from "../domain";
import { optionalWebUrlSchema } from "./url";

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const slug = z.string().max(120).regex(new RegExp(`^${SLUG}$`), "Unknown item.");

/** "statement:<slug>", "benchmark:<slug>" or "source:<benchmark slug>@<statement slug>", as the editor's queue names its items. */
export const draftTargetSchema = z
  .string()
  .max(250, "Unknown draft.")
  .regex(new RegExp(`^(?:(?:statement|benchmark):${SLUG}|source:${SLUG}@${SLUG})$`), "Unknown draft.")
  .transform((target) => {
    const [kind, rest] = target.split(/:(.*)/s) as ["statement" | "benchmark" | "source", string];
    if (kind !== "source") return { kind, slug: rest };
    const [benchmarkSlug, statementSlug] = rest.split("@") as [string, string];
    return { kind, benchmarkSlug, statementSlug };
  });

export const approveDraftSchema = z.object({ target: draftTargetSchema });

export const rejectDraftSchema = z.object({
  target: draftTargetSchema,
  reason: z.string().trim().min(5, "Say why, in a sentence: the reviewer who added it reads this.").max(1000, "Keep the reason under 1,000 characters."),
});

export const editDraftStatementSchema = z.object({
  slug,
  title: z.string().trim().min(3, "Give the statement's title.").max(300),
  kind: z.enum(STATEMENT_KINDS, "Choose what kind of document it is."),
  date: z.string().max(10, "Use a date like 2015-08-10.").regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2015-08-10."),
  datePrecision: z.enum(DATE_PRECISIONS),
  language: z.string().trim().min(2, "Name the language, e.g. en or zh.").max(60),
  sourceUrl: optionalWebUrlSchema,
  summary: z.string().trim().max(2000).default(""),
});

export const editDraftBenchmarkSchema = z.object({
  slug,
  title: z.string().trim().min(5, "Give the benchmark a plain title.").max(200),
  categorySlug: slug,
  addressee: z.enum(ADDRESSEES, "Choose whom the demand is addressed to."),
  appliesFromRoundSlug: slug,
  statementSlug: slug,
  demand: z.string().trim().min(5, "Keep the demand's text.").max(2000),
});

export const mergeDraftSchema = z.object({
  slug,
  intoSlug: z.string().min(1, "Choose the existing benchmark it repeats.").max(120).regex(new RegExp(`^${SLUG}$`), "Choose the existing benchmark it repeats."),
});
