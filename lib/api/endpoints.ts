// The list of read-API endpoints: each route, the OpenAPI document, the docs page and the
// contract test are all built from this one table.
import type { z } from "zod";
import {
  benchmarkSchema,
  filterQuerySchema,
  langQuerySchema,
  pageOf,
  pageQuerySchema,
  releaseQuerySchema,
  releaseSchema,
  roundSchema,
  scoreSchema,
  searchQuerySchema,
  statementSchema,
  subjectSchema,
  summaryResponseSchema,
  trackSchema,
} from "./schemas";

export interface Endpoint {
  path: string;
  summary: string;
  query: z.ZodObject;
  response: z.ZodType;
  /** A query to try in the contract test and the docs page. */
  example: string;
}

export const ENDPOINTS = {
  tracks: { path: "/api/v1/tracks", summary: "Dialogue tracks", query: pageQuerySchema.extend(langQuerySchema.shape), response: pageOf(trackSchema, "TrackPage"), example: "?lang=zh" },
  rounds: {
    path: "/api/v1/rounds",
    summary: "Published rounds on the combined timeline, oldest first",
    query: pageQuerySchema.extend({ track: filterQuerySchema.shape.track, ...langQuerySchema.shape }),
    response: pageOf(roundSchema, "RoundPage"),
    example: "?track=un-hrc",
  },
  statements: { path: "/api/v1/statements", summary: "Statements that made demands", query: pageQuerySchema.extend(langQuerySchema.shape), response: pageOf(statementSchema, "StatementPage"), example: "?pageSize=3" },
  benchmarks: {
    path: "/api/v1/benchmarks",
    summary: "Public benchmarks, filterable like the dashboard",
    query: pageQuerySchema.extend({ ...filterQuerySchema.shape, ...langQuerySchema.shape }),
    response: pageOf(benchmarkSchema, "BenchmarkPage"),
    example: "?category=release-of-detained-people&pageSize=5",
  },
  people: { path: "/api/v1/people", summary: "People the demands name", query: pageQuerySchema.extend({ ...searchQuerySchema.shape, ...langQuerySchema.shape }), response: pageOf(subjectSchema, "PersonPage"), example: "?q=Liu" },
  laws: { path: "/api/v1/laws", summary: "Laws and practices the demands name", query: pageQuerySchema.extend({ ...searchQuerySchema.shape, ...langQuerySchema.shape }), response: pageOf(subjectSchema, "LawPage"), example: "" },
  scores: {
    path: "/api/v1/scores",
    summary: "Published scores, one per benchmark and round",
    query: pageQuerySchema.extend({ ...filterQuerySchema.shape, ...langQuerySchema.shape, ...releaseQuerySchema.shape }),
    response: pageOf(scoreSchema, "ScorePage"),
    example: "?track=upr&pageSize=10",
  },
  summary: {
    path: "/api/v1/summary",
    summary: "Figures per round: fulfilment index, status counts, coverage, with denominators",
    query: filterQuerySchema.extend({ ...langQuerySchema.shape, ...releaseQuerySchema.shape }),
    response: summaryResponseSchema,
    example: "?category=legal-reform",
  },
  releases: {
    path: "/api/v1/releases",
    summary: "Every release of the published data, newest first: number, date, note, rounds and how many scores changed",
    query: pageQuerySchema.extend(langQuerySchema.shape),
    response: pageOf(releaseSchema, "ReleasePage"),
    example: "",
  },
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
