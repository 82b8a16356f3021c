import { z } from "zod";
import { ADDRESSEES, DATE_PRECISIONS, STATEMENT_KINDS } from "../domain";
import { CANDIDATE_KEY_PATTERN } from "../extract/candidate-key";
import { optionalWebUrlSchema } from "./url";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown item.").max(120);
/** Which extractor candidate a confirmation is for (lib/extract/candidate-key.ts). */
const candidateKey = z.string().max(32).regex(CANDIDATE_KEY_PATTERN, "Reload the page: this candidate is not known.");
const optionalSlug = z.union([z.literal(""), slug]).transform((v) => v || null);

export const newStatementSchema = z.object({
  title: z.string().trim().min(3, "Give the statement's title.").max(300),
  kind: z.enum(STATEMENT_KINDS, "Choose what kind of document it is."),
  date: z.string().max(10, "Use a date like 2015-08-10.").regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2015-08-10."),
  datePrecision: z.enum(DATE_PRECISIONS),
  language: z.string().trim().min(2, "Name the language, e.g. en or zh.").max(60),
  sourceUrl: optionalWebUrlSchema,
  roundSlug: optionalSlug,
  publishers: z
    .string()
    .max(2000)
    .transform((v) => [...new Set(v.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(200, "An organisation name is too long.")).max(30, "At most 30 publishers.")),
  summary: z.string().trim().max(2000).default(""),
  fullText: z.string().max(100_000, "Paste at most 100,000 characters.").transform((v) => v.trim() || null),
});

export const confirmDemandSchema = z.object({
  statementSlug: slug,
  candidateKey,
  demand: z.string().trim().min(5, "Keep the demand's text.").max(2000),
  title: z.string().trim().min(5, "Give the benchmark a plain title.").max(200),
  categorySlug: slug,
  addressee: z.enum(ADDRESSEES, "Choose whom the demand is addressed to."),
  appliesFromRoundSlug: slug,
  /** The tracks at whose rounds it is assessed; none ticked: every track. */
  scopeTrackSlugs: z.array(slug).max(20, "Tick at most 20 tracks.").default([]),
  subjectSlugs: z.array(slug).max(50).default([]),
});

export const addSourceSchema = z.object({
  statementSlug: slug,
  candidateKey,
  benchmarkSlug: z.string().min(1, "Choose the benchmark it repeats.").max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose the benchmark it repeats."),
  demand: z.string().trim().min(5, "Keep the demand's text.").max(2000),
});

/** A person the extractor found in a statement and a reviewer confirms as a new subject. */
export const confirmNewSubjectSchema = z.object({
  statementSlug: slug,
  name: z.string().trim().min(2, "Give the person's name.").max(200, "A name is at most 200 characters."),
  nameZh: z.string().trim().max(100, "A Chinese name is at most 100 characters.").transform((v) => v || null),
  role: z.string().trim().max(200, "Say what they are in at most 200 characters.").transform((v) => v || null),
  /** Editors may make the person public at once; a reviewer's stays confidential until an editor clears it. */
  makePublic: z.literal("yes").optional().transform((v) => v === "yes"),
});
