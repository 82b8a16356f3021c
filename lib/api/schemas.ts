// The read API's contract: zod schemas that validate queries, shape responses and generate the
// OpenAPI document, so the documentation cannot drift from what the endpoints answer.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ADDRESSEES, CONTENT_LANGS, DATE_PRECISIONS, PUBLISHED_BASES, RELEASE_KINDS, STATEMENT_KINDS, STATUSES, SUBJECT_EVENT_KINDS, SUBJECT_KINDS } from "@/lib/domain";
import { dashboardFiltersSchema } from "@/lib/validation/dashboard-filters";

extendZodWithOpenApi(z);

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: "Page number, from 1." }),
  pageSize: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: "Items per page, 1–500." }),
});

export const langQuerySchema = z.object({
  lang: z
    .enum(CONTENT_LANGS)
    .default("en")
    .openapi({
      description:
        "zh: the answer also carries the Chinese fields beside the English ones (titleZh, nameZh, summaryZh, demandZh …; null where none was written yet), and scores their rationale's language. en (the default): the English fields only.",
    }),
});

/** A Chinese field, answered with lang=zh only. */
const zh = (what: string) => z.string().nullable().optional().openapi({ description: `${what} in Chinese; null where none was written. Only with lang=zh.` });

export const filterQuerySchema = dashboardFiltersSchema.extend({}).openapi({ description: "The dashboard's filters, by identifier (slug)." });
export const releaseQuerySchema = z.object({
  release: z
    .string()
    .max(9)
    .regex(/^[1-9]\d{0,8}$/, "a release number: 1, 2, …")
    .optional()
    .openapi({ description: "Answer as published in this release (see /api/v1/releases); an unknown release is a 404. Without it: the current data." }),
});
export const searchQuerySchema = z.object({ q: z.string().max(100).optional().openapi({ description: "Search in names, Chinese names, roles and descriptions." }) });

const isoDate = z.string().openapi({ example: "2015-08-13" });
const status = z.enum(STATUSES).openapi("Status");

export const trackSchema = z
  .object({ slug: z.string(), name: z.string(), shortName: z.string(), description: z.string(), nameZh: zh("The name"), shortNameZh: zh("The short name"), descriptionZh: zh("The description") })
  .openapi("Track");

export const roundSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    nameZh: zh("The name"),
    track: z.string(),
    location: z.string().nullable(),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    datePrecision: z.enum(DATE_PRECISIONS),
    publishedAt: z.string().openapi({ description: "Publication time: the data version of this round's scores." }),
  })
  .openapi("Round");

export const statementSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    titleZh: zh("The title"),
    kind: z.enum(STATEMENT_KINDS),
    date: isoDate,
    datePrecision: z.enum(DATE_PRECISIONS),
    language: z.string(),
    sourceUrl: z.string().nullable(),
    summary: z.string(),
    summaryZh: zh("The summary"),
    round: z.string().nullable().openapi({ description: "Slug of the round it addresses; null when it addresses none, or one not published yet." }),
    publishers: z.array(z.string()),
  })
  .openapi("Statement");

export const benchmarkSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    titleZh: zh("The title"),
    category: z.string(),
    addressee: z.enum(ADDRESSEES),
    appliesFrom: z.string().openapi({ description: "Slug of the first round the benchmark applies at. A benchmark is listed once that round is published." }),
    assessedAt: z
      .array(z.string())
      .openapi({ description: "Its scope: slugs of the tracks at whose rounds it is assessed. Empty: every track's rounds, tracks added later included." }),
    retiredOn: isoDate.nullable(),
    retiredReason: z.string().nullable(),
    sources: z.array(z.object({ statement: z.string(), demand: z.string(), demandZh: zh("The demand as restated") })),
    subjects: z.array(z.string()).openapi({ description: "Slugs of the public people and laws it concerns." }),
  })
  .openapi("Benchmark");

export const subjectSchema = z
  .object({
    slug: z.string(),
    kind: z.enum(SUBJECT_KINDS),
    name: z.string(),
    nameZh: z.string().nullable(),
    role: z.string().nullable(),
    roleZh: zh("The role"),
    article: z.string().nullable(),
    description: z.string(),
    descriptionZh: zh("The description"),
    events: z.array(
      z.object({ kind: z.enum(SUBJECT_EVENT_KINDS), date: isoDate, datePrecision: z.enum(DATE_PRECISIONS), description: z.string(), descriptionZh: zh("What happened"), source: z.string().nullable() }),
    ),
  })
  .openapi("Subject");

export const scoreSchema = z
  .object({
    round: z.string(),
    benchmark: z.string(),
    status,
    basis: z.enum(PUBLISHED_BASES),
    rationale: z.string(),
    rationaleLang: z.enum(CONTENT_LANGS).optional().openapi({ description: "The language the rationale is written in (it is never translated). Only with lang=zh." }),
    publicRecord: z.boolean().openapi({ description: "True where the rationale rests on public record; its evidence is the source, and with no evidence the source is still to be verified." }),
    evidence: z.string().openapi({ description: "Evidence as “title <url>”, separated by “ | ”." }),
    demo: z.boolean().openapi({ description: "True for demonstration data shipped with the app." }),
    publishedAt: z.string(),
  })
  .openapi("Score");

export const roundSummarySchema = z
  .object({
    round: z.string(),
    name: z.string(),
    nameZh: zh("The round's name"),
    applicable: z.number().int(),
    judged: z.number().int(),
    tally: z.record(status, z.number().int()),
    index: z.number().nullable().openapi({ description: "100 × (met + ½ partial) ÷ judged; null when nothing was judged." }),
    coverage: z.number().nullable(),
    regressionRate: z.number().nullable(),
    preliminary: z.boolean().openapi({
      description: "True when the round's coverage (over every public benchmark that applies there) is below minCoverage: its figures will change as scoring continues.",
    }),
    comparedWith: z.string().nullable().openapi({ description: "The round in view this round's change is measured against: the last earlier one that is not preliminary; null for none." }),
  })
  .openapi("RoundSummary");

export const errorSchema = z.object({ error: z.string(), problems: z.array(z.string()) }).openapi("Error");

/** Every list answers in the same envelope: the items, the page, the total and the data version. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      dataVersion: z.string().nullable(),
      filters: z.record(z.string(), z.string()),
    })
    .openapi(name);
}

export const summaryResponseSchema = z
  .object({
    dataVersion: z.string().nullable(),
    filters: z.record(z.string(), z.string()),
    denominator: z.string(),
    minCoverage: z.number().openapi({ description: "The editors' threshold, a fraction: a round judged below it is preliminary." }),
    rounds: z.array(roundSummarySchema),
  })
  .openapi("Summary");

export const releaseSchema = z
  .object({
    number: z.number().int(),
    publishedAt: z.string(),
    kind: z.enum(RELEASE_KINDS).openapi({ description: "new-round: a round published for the first time; correction: a round already public published again; other: e.g. two benchmarks merged." }),
    note: z.string().openapi({ description: "The editor's note." }),
    rounds: z.array(z.object({ round: z.string(), name: z.string(), nameZh: zh("The round's name"), firstTime: z.boolean() })),
    changed: z.number().int().openapi({ description: "Published scores this release added or changed." }),
    address: z.string().openapi({ description: "The release's stable address." }),
    dataPackage: z.string().openapi({ description: "The whole release as a Frictionless Data Package (zip)." }),
    citation: z.string(),
  })
  .openapi("Release");

export const releaseChangeSchema = z
  .object({
    benchmark: z.string(),
    benchmarkTitle: z.string(),
    round: z.string(),
    newRound: z.boolean().openapi({ description: "True when the round was published for the first time in this release; false for a correction." }),
    before: status.nullable().openapi({ description: "The status in the previous release; null for a new score." }),
    after: status,
    rationale: z.string(),
    rationaleChanged: z.boolean(),
    evidenceChanged: z.boolean(),
  })
  .openapi("ReleaseChange");

export const releaseDetailSchema = z
  .object({ data: releaseSchema, changes: z.array(releaseChangeSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .openapi("ReleaseDetail");
